import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function GroupNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Group not found</h1>
      <EmptyState title="There is no group with this id.">
        Your identity provider may have deleted it.{" "}
        <Link href="/admin/groups" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Back to groups
        </Link>
      </EmptyState>
    </div>
  );
}
