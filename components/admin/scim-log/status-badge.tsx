import { Badge, type BadgeTone } from "@/components/ui/badge";

function tone(status: number): BadgeTone {
  if (status >= 500) return "red";
  if (status >= 400) return "amber";
  if (status >= 200 && status < 300) return "green";
  return "zinc";
}

export function StatusBadge({ status }: { status: number }) {
  return <Badge tone={tone(status)}>{status}</Badge>;
}
