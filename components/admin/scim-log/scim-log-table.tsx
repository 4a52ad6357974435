import Link from "next/link";
import { linkClass } from "@/components/admin/audit/link-class";
import { Time } from "@/components/ui/format-time";
import type { ScimRequestSummary } from "@/lib/scim-log/list-scim-requests";
import { StatusBadge } from "./status-badge";
import { table, tableWrap, td, th } from "@/components/ui/table-styles";


/** `query` (the list's own filters and page) is passed on to each request's page, for its back link. */
export function ScimLogTable({ requests, caption, query }: { requests: ScimRequestSummary[]; caption: string; query: string }) {
  return (
    <div className={tableWrap}>
      <table className={table}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={th}>Time</th>
            <th scope="col" className={th}>Method</th>
            <th scope="col" className={th}>Path</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={`${th} text-right`}>Duration</th>
            <th scope="col" className={th}>Token</th>
            <th scope="col" className={th}>Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {requests.map((r) => (
            <tr key={r.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <Time value={r.at} />
              </td>
              <td className={`${td} font-mono text-xs`}>{r.method}</td>
              <td className={`${td} min-w-56 max-w-md font-mono text-xs [overflow-wrap:anywhere]`}>
                <Link href={`/admin/scim-log/${r.id}${query}`} className={linkClass} aria-label={`${r.method} ${r.path}, ${r.status}: details`}>
                  {r.path}
                </Link>
              </td>
              <td className={td}>
                <StatusBadge status={r.status} />
              </td>
              <td className={`${td} whitespace-nowrap text-right tabular-nums`}>{r.durationMs} ms</td>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>{r.tokenPrefix ? `${r.tokenPrefix}…` : <span className="text-zinc-500 dark:text-zinc-400">—</span>}</td>
              <td className={`${td} min-w-64 max-w-md`}>
                {r.detail || r.scimType ? (
                  <>
                    {r.scimType && <code className="text-xs text-zinc-500">{r.scimType}</code>}
                    {r.detail && <p className="break-words">{r.detail}</p>}
                  </>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
