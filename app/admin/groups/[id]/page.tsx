import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupDetails } from "@/components/admin/groups/group-details";
import { GroupMembersTable } from "@/components/admin/groups/group-members-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listGroupMembers } from "@/lib/groups/list-group-members";
import { groupMembersSearchSchema, idParam, PER_PAGE, type RawSearchParams } from "../search-params";

export const metadata: Metadata = { title: "Group" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

export default async function GroupPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  await requireAdmin(`/admin/groups/${encodeURIComponent(rawId)}`);
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  const { page } = groupMembersSearchSchema.parse(await searchParams);
  const result = await listGroupMembers({ groupId: id.data, page, perPage: PER_PAGE });
  if (!result) notFound();
  const { group, total, members } = result;
  const basePath = `/admin/groups/${group.id}`;

  return (
    <div className="space-y-6">
      <Link href="/admin/groups" className="text-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300">
        ← Groups
      </Link>
      <PageHeader title={group.displayName} />
      <GroupDetails group={group} memberCount={total} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-medium">
          Members
        </h2>
        {members.length > 0 ? (
          <>
            <GroupMembersTable members={members} />
            <Pagination page={page} perPage={PER_PAGE} total={total} basePath={basePath} params={{}} />
          </>
        ) : total > 0 ? (
          <EmptyState title={`There is no page ${page}.`}>
            <Link href={basePath} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Go to the first page
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="This group has no members." />
        )}
      </section>
    </div>
  );
}
