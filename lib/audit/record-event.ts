import type { Tx } from "../db";
import { db } from "../db";

export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "scim_token"; id: string; label: string }
  | { type: "system"; label?: string };

export type Target = { type: "user" | "scim_identity" | "scim_token" | "group"; id: string; label?: string };

export type AuditAction =
  | "admin.created"
  | "admin.signed_in"
  | "admin.sign_in_failed"
  | "user.created"
  | "user.linked"
  | "user.updated"
  | "user.deactivated"
  | "user.reactivated"
  | "user.deprovisioned"
  | "user.blocked"
  | "user.unblocked"
  | "user.signed_in"
  | "user.sign_in_refused"
  | "user.session_ended"
  | "user.promoted"
  | "group.created"
  | "group.updated"
  | "group.deleted"
  | "group.members_changed"
  | "scim_token.generated"
  | "scim_token.grace_started"
  | "scim_token.revoked";

export const SYSTEM: Actor = { type: "system", label: "system" };

/**
 * Writes one audit event; pass the transaction the change itself runs in so both land or neither does. An `id`
 * makes the event idempotent: a second write with the same id fails on the primary key (see lib/auth/record-session-ended.ts).
 */
export async function recordEvent(
  options: { actor: Actor; action: AuditAction; target?: Target; details?: Record<string, unknown>; id?: string },
  tx: Tx = db,
): Promise<void> {
  const { actor, action, target, details, id } = options;
  await tx.auditEvent.create({
    data: {
      id,
      actorType: actor.type,
      actorId: actor.type === "system" ? null : actor.id,
      actorLabel: actor.label ?? "system",
      action,
      targetType: target?.type,
      targetId: target?.id,
      targetLabel: target?.label,
      details: details ? JSON.stringify(details) : null,
    },
  });
}
