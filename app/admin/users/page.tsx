import type { Metadata } from "next";
import Link from "next/link";
import { StateTabs } from "@/components/admin/users/state-tabs";
import { UsersTable } from "@/components/admin/users/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listUsersAdmin, PER_PAGE, userListParams } from "@/lib/users/list-users-admin";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requireAdmin("/admin/users");
  const raw = await searchParams;
  const params = userListParams.parse({ page: raw.page, perPage: raw.perPage, q: raw.q ?? "", state: raw.state, sort: raw.sort });
  const { rows, total, counts } = await listUsersAdmin(params);
  const kept = { q: params.q || undefined, state: params.state === "all" ? undefined : params.state, sort: params.sort, perPage: String(params.perPage) };
  return (
    <div>
      <PageHeader title="Users" description="Everyone in the directory, with how the identity provider provisioned them." />
      <StateTabs current={params.state} counts={counts} params={kept} />
      <UsersTable rows={rows} sort={params.sort} q={params.q} />
      {rows.length === 0 && (
        <div className="mt-4">
          <EmptyState title={params.q ? `No users match "${params.q}"` : "No users here yet"}>
            {params.q ? <Link href="/admin/users" className="text-indigo-600 underline">Clear the search</Link> : "Users appear as your identity provider provisions them."}
          </EmptyState>
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pagination page={params.page} perPage={params.perPage} total={total} basePath="/admin/users" params={kept} />
        <form method="get" action="/admin/users" className="flex items-center gap-2 text-sm">
          {Object.entries(kept).map(([key, value]) => (key !== "perPage" && value ? <input key={key} type="hidden" name={key} value={value} /> : null))}
          <label htmlFor="per-page">Rows per page</label>
          <select id="per-page" name="perPage" defaultValue={String(params.perPage)} className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950">
            {PER_PAGE.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Apply
          </button>
        </form>
      </div>
    </div>
  );
}
