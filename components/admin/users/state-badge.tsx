import { Badge } from "@/components/ui/badge";

export function StateBadge({ state }: { state: "active" | "blocked" | "reactivated" }) {
  if (state === "blocked") return <Badge tone="red">Blocked</Badge>;
  if (state === "reactivated") return <Badge tone="blue">Reactivated</Badge>;
  return <Badge tone="green">Active</Badge>;
}
