import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/format-time";
import type { AuditEvent } from "@/lib/db";
import { actionLabel, actorTypeLabel } from "./action-labels";
import { EventDetails } from "./event-details";
import { EventTarget } from "./event-target";
import { table, tableWrap, td, th } from "@/components/ui/table-styles";

const ACTOR_TONES: Record<string, BadgeTone> = { user: "blue", scim_token: "green", system: "zinc" };

export function AuditTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <div className={tableWrap}>
      <table className={table}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th scope="col" className={th}>Time</th>
            <th scope="col" className={th}>Actor</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Target</th>
            <th scope="col" className={th}>Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {events.map((event) => (
            <tr key={event.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                <Time value={event.at} />
              </td>
              <td className={td}>
                <div className="whitespace-nowrap font-medium">{event.actorLabel}</div>
                <Badge tone={ACTOR_TONES[event.actorType] ?? "zinc"}>{actorTypeLabel(event.actorType)}</Badge>
              </td>
              <td className={td}>
                <div className="whitespace-nowrap font-medium">{actionLabel(event.action)}</div>
                <code className="text-xs text-zinc-500">{event.action}</code>
              </td>
              <td className={td}>
                <EventTarget event={event} />
              </td>
              <td className={`${td} min-w-64`}>
                <EventDetails details={event.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
