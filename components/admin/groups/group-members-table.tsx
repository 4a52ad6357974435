import Link from "next/link";
import { UserStateBadge } from "@/components/admin/user/user-state-badge";
import type { AdminGroupMember } from "@/lib/groups/list-group-members";
import { rowLink, table, tableWrap, td, th } from "@/components/ui/table-styles";

export function GroupMembersTable({ members }: { members: AdminGroupMember[] }) {
  return (
    <div className={tableWrap}>
      <table aria-label="Members" className={table}>
        <thead>
          <tr>
            <th scope="col" className={th}>Username</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>Name</th>
            <th scope="col" className={`${th} hidden md:table-cell`}>Email</th>
            <th scope="col" className={th}>State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row" className={`${td} text-left font-normal`}>
                <Link href={`/admin/users/${m.id}`} className={`${rowLink} break-all`}>
                  {m.username}
                </Link>
              </th>
              <td className={`${td} hidden sm:table-cell`}>{m.name}</td>
              <td className={`${td} hidden break-all md:table-cell`}>{m.email ?? <span className="text-zinc-500 dark:text-zinc-400">—</span>}</td>
              <td className={td}>
                <UserStateBadge state={m.state} reactivatedAt={m.reactivatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
