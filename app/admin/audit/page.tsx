import type { Metadata } from "next";
import { AuditFilters } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AUDIT_PER_PAGE, auditParams, parseAuditSearch } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  // proxy.ts already sends anonymous visitors to sign in with the full URL (filters included) as callback.
  await requireAdmin("/admin/audit");
  const search = parseAuditSearch(await searchParams);
  const params = auditParams(search);
  const { total, events } = await listAuditEvents({ ...search, perPage: AUDIT_PER_PAGE });
  const filtered = Boolean(search.action || search.actor || search.user);
  return (
    <div>
      <PageHeader title="Audit log" description="Every provisioning and admin event, newest first." />
      <AuditFilters values={search} />
      {events.length > 0 ? (
        <AuditTable events={events} caption={filtered ? "Audit events matching the filters" : "Audit events"} />
      ) : (
        <EmptyState title={filtered ? "No events match these filters" : search.page > 1 ? "No events on this page" : "No events yet"}>
          {filtered ? "Try another action, actor or user, or clear the filters." : "Events appear as your identity provider provisions users and admins sign in."}
        </EmptyState>
      )}
      <Pagination page={search.page} perPage={AUDIT_PER_PAGE} total={total} basePath="/admin/audit" params={params} />
    </div>
  );
}
