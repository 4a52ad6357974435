import type { ReactNode } from "react";
import type { ScimRequest } from "@/lib/scim-log/list-scim-requests";
import { StatusBadge } from "./status-badge";

const none = <span className="text-zinc-500 dark:text-zinc-400">—</span>;

/** Every stored field of one logged request except its body. */
export function RequestFields({ request }: { request: ScimRequest }) {
  const fields: [string, ReactNode][] = [
    ["Time", <time key="t" dateTime={request.at.toISOString()}>{request.at.toISOString().replace("T", " ").replace("Z", " UTC")}</time>],
    ["Method", <code key="m">{request.method}</code>],
    ["Path", <code key="p" className="break-all">{request.path}</code>],
    ["Status", <StatusBadge key="s" status={request.status} />],
    ["Duration", `${request.durationMs} ms`],
    ["Token", request.tokenPrefix ? <code key="tp">{request.tokenPrefix}…</code> : none],
    ["Token id", request.tokenId ? <code key="ti" className="break-all">{request.tokenId}</code> : none],
    ["SCIM error type", request.scimType ? <code key="st">{request.scimType}</code> : none],
    ["Error detail", request.detail ?? none],
    ["Log entry id", <code key="id" className="break-all">{request.id}</code>],
  ];
  return (
    <dl className="space-y-3 text-sm sm:grid sm:grid-cols-[max-content_1fr] sm:gap-x-6 sm:gap-y-3 sm:space-y-0">
      {fields.map(([label, value]) => (
        <div key={label} className="space-y-0.5 sm:contents">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
