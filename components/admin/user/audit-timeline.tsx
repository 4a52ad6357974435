import { Time } from "@/components/ui/format-time";
import type { AuditEvent } from "@/lib/db";
import { Section } from "./section";

const ACTIONS: Record<string, string> = {
  "user.created": "Created by SCIM",
  "user.linked": "Linked to a SCIM identity",
  "user.updated": "Updated by SCIM",
  "user.deactivated": "Deactivated by SCIM",
  "user.reactivated": "Reactivated",
  "user.deprovisioned": "Deprovisioned by SCIM",
  "user.blocked": "Blocked by an admin",
  "user.unblocked": "Unblocked by an admin",
  "admin.created": "Admin created",
  "admin.signed_in": "Signed in",
  "admin.sign_in_failed": "Failed sign-in",
};

function parseDetails(text: string | null): { reason: string | null; rest: [string, string][] } {
  if (!text) return { reason: null, rest: [] };
  try {
    const details = JSON.parse(text) as Record<string, unknown>;
    const rest = Object.entries(details)
      .filter(([key, value]) => key !== "reason" && value !== null && value !== undefined)
      .map(([key, value]): [string, string] => [key, typeof value === "string" ? value : JSON.stringify(value)]);
    return { reason: typeof details.reason === "string" ? details.reason : null, rest };
  } catch {
    return { reason: null, rest: [] };
  }
}

export function AuditTimeline({ events, limit }: { events: AuditEvent[]; limit: number }) {
  return (
    <Section id="timeline" title="Audit timeline">
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded for this user yet.</p>
      ) : (
        <>
          <ol className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-800">
            {events.map((event) => {
              const { reason, rest } = parseDetails(event.details);
              return (
                <li key={event.id} className="text-sm">
                  <p className="font-medium">{ACTIONS[event.action] ?? event.action}</p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    <Time value={event.at} /> · by {event.actorLabel}
                    {event.actorType === "scim_token" ? " (SCIM token)" : ""}
                  </p>
                  {reason && <p className="mt-1">Reason: {reason}</p>}
                  {rest.length > 0 && (
                    <p className="mt-1 break-all text-xs text-zinc-600 dark:text-zinc-400">{rest.map(([k, v]) => `${k}: ${v}`).join(" · ")}</p>
                  )}
                </li>
              );
            })}
          </ol>
          {events.length >= limit && <p className="mt-3 text-xs text-zinc-500">Showing the latest {limit} events.</p>}
        </>
      )}
    </Section>
  );
}
