import Link from "next/link";
import { Time } from "@/components/ui/format-time";
import type { AdminGroupRow } from "@/lib/groups/list-groups-admin";
import { rowLink, table, tableWrap, td, th } from "@/components/ui/table-styles";

export function GroupsTable({ groups }: { groups: AdminGroupRow[] }) {
  return (
    <div className={tableWrap}>
      <table aria-label="Groups" className={table}>
        <thead>
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>External ID</th>
            <th scope="col" className={`${th} text-right`}>Members</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>Created</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link href={`/admin/groups/${g.id}`} className={`${rowLink} break-words`}>
                  {g.displayName}
                </Link>
              </th>
              <td className={`${td} hidden break-all font-mono text-xs md:table-cell`}>{g.externalId ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>}</td>
              <td className={`${td} text-right tabular-nums`}>{g.memberCount.toLocaleString("en")}</td>
              <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>
                <Time value={g.createdAt} />
              </td>
              <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>
                <Time value={g.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
