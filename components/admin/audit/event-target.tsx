import Link from "next/link";
import type { AuditEvent } from "@/lib/db";
import { linkClass } from "./link-class";

const PAGES: Record<string, string> = { user: "/admin/users", group: "/admin/groups" };
const TYPES: Record<string, string> = { user: "User", group: "Group", scim_identity: "SCIM identity", scim_token: "SCIM token" };

/** The event's target: users and groups link to their page in the Admin Area. */
export function EventTarget({ event }: { event: Pick<AuditEvent, "targetType" | "targetId" | "targetLabel"> }) {
  const { targetType, targetId, targetLabel } = event;
  if (!targetType || !targetId) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const name = targetLabel ?? targetId;
  const page = PAGES[targetType];
  return (
    <div>
      {page ? (
        <Link href={`${page}/${encodeURIComponent(targetId)}`} className={linkClass}>
          {name}
        </Link>
      ) : (
        <span className="font-medium">{name}</span>
      )}
      <div className="text-xs text-zinc-500">{TYPES[targetType] ?? targetType}</div>
    </div>
  );
}
