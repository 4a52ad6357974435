import type { Metadata } from "next";
import { LogBounds } from "@/components/admin/scim-log/log-bounds";
import { ScimLogFilters } from "@/components/admin/scim-log/scim-log-filters";
import { ScimLogTable } from "@/components/admin/scim-log/scim-log-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listScimRequests } from "@/lib/scim-log/list-scim-requests";
import { parseScimLogSearch, SCIM_LOG_PER_PAGE, SCIM_METHODS, scimLogParams, scimLogQuery } from "./search-params";

export const metadata: Metadata = { title: "SCIM log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScimLogPage({ searchParams }: Props) {
  // proxy.ts already sends anonymous visitors to sign in with the full URL (filters included) as callback.
  await requireAdmin("/admin/scim-log");
  const search = parseScimLogSearch(await searchParams);
  const { total, requests } = await listScimRequests({ errorsOnly: search.errors, method: search.method, path: search.path, page: search.page, perPage: SCIM_LOG_PER_PAGE });
  const filtered = Boolean(search.errors || search.method || search.path);
  return (
    <div>
      <PageHeader title="SCIM log" description={<LogBounds />} />
      <ScimLogFilters values={search} methods={SCIM_METHODS} />
      {requests.length > 0 ? (
        <ScimLogTable requests={requests} caption={filtered ? "SCIM requests matching the filters" : "SCIM requests"} query={scimLogQuery(search)} />
      ) : (
        <EmptyState title={filtered ? "No requests match these filters" : search.page > 1 ? "No requests on this page" : "No SCIM requests yet"}>
          {filtered ? "Try another method or path, or clear the filters." : "Requests appear here as your identity provider calls the SCIM API."}
        </EmptyState>
      )}
      <Pagination page={search.page} perPage={SCIM_LOG_PER_PAGE} total={total} basePath="/admin/scim-log" params={scimLogParams(search)} />
    </div>
  );
}
