import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function UserNotFound() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">User not found</h1>
      <EmptyState title="There is no user with this id.">
        It may have been deleted.{" "}
        <Link href="/admin/users" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Back to users
        </Link>
      </EmptyState>
    </div>
  );
}
