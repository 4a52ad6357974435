import { LoadingSkeleton } from "@/components/admin/user/loading-skeleton";

export default function Loading() {
  return <LoadingSkeleton label="Loading group…" />;
}
