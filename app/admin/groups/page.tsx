import type { Metadata } from "next";
import Link from "next/link";
import { GroupSearchForm } from "@/components/admin/groups/group-search-form";
import { GroupsTable } from "@/components/admin/groups/groups-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listGroupsAdmin } from "@/lib/groups/list-groups-admin";
import { groupsSearchSchema, PER_PAGE, type RawSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Groups" };

type Props = { searchParams: Promise<RawSearchParams> };

export default async function GroupsPage({ searchParams }: Props) {
  await requireAdmin("/admin/groups");
  const { q, page } = groupsSearchSchema.parse(await searchParams);
  const { total, groups } = await listGroupsAdmin({ q, page, perPage: PER_PAGE });

  return (
    <div>
      <PageHeader title="Groups" description="Groups your identity provider pushes through SCIM, with their members." />
      <GroupSearchForm q={q} />
      {groups.length > 0 ? (
        <>
          <GroupsTable groups={groups} />
          <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/groups" params={{ q }} />
        </>
      ) : total > 0 ? (
        <EmptyState title={`There is no page ${page}.`}>
          <Link href={q ? `/admin/groups?q=${encodeURIComponent(q)}` : "/admin/groups"} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Go to the first page
          </Link>
        </EmptyState>
      ) : q ? (
        <EmptyState title={`No groups match “${q}”.`}>Search looks for the text anywhere in a group’s name, ignoring case.</EmptyState>
      ) : (
        <EmptyState title="No groups yet.">Groups appear here when your identity provider pushes them through SCIM.</EmptyState>
      )}
    </div>
  );
}
