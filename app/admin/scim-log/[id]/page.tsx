import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass } from "@/components/admin/audit/link-class";
import { RequestBody } from "@/components/admin/scim-log/request-body";
import { RequestFields } from "@/components/admin/scim-log/request-fields";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/require-admin";
import { findScimRequest } from "@/lib/scim-log/list-scim-requests";
import { parseScimLogSearch, scimLogQuery } from "../search-params";

export const metadata: Metadata = { title: "SCIM request" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const section = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";

export default async function ScimRequestPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireAdmin(`/admin/scim-log/${encodeURIComponent(id)}`);
  const request = await findScimRequest({ id });
  if (!request) notFound();
  // The list's filters and page came along in the query string: the back link returns to the same view.
  const back = `/admin/scim-log${scimLogQuery(parseScimLogSearch(await searchParams))}`;
  return (
    <div>
      <Link href={back} className={`${linkClass} mb-4 inline-block text-sm`}>
        <span aria-hidden="true">← </span>Back to the SCIM log
      </Link>
      <PageHeader title={`${request.method} ${request.path.split("?")[0]}`} description="One SCIM request as the service received and answered it." />
      <div className="space-y-6">
        <section aria-labelledby="request-fields" className={section}>
          <h2 id="request-fields" className="mb-3 font-medium">
            Request
          </h2>
          <RequestFields request={request} />
        </section>
        <section aria-labelledby="request-body" className={section}>
          <h2 id="request-body" className="mb-3 font-medium">
            Request body
          </h2>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">As logged: passwords and tokens are replaced by “[redacted]”, and long bodies are cut short.</p>
          <RequestBody body={request.requestBody} />
        </section>
      </div>
    </div>
  );
}
