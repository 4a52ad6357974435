import crypto from "node:crypto";
import { db } from "../db";
import { sqlOf, type SqlOrTx } from "../db/reader";
import type { Statement } from "../db/statement";
import { Params, type Dialect } from "../scim/sql/dialect";

export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "scim_token"; id: string; label: string }
  | { type: "system"; label?: string };

export type Target = { type: "user" | "scim_identity" | "scim_token" | "group"; id: string; label?: string };

export type AuditAction =
  | "admin.created"
  | "admin.signed_in"
  | "admin.sign_in_failed"
  | "admin.sign_in_locked"
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
 * makes the event idempotent: a second write with the same id writes nothing and returns false (see
 * lib/auth/record-session-ended.ts). One plain INSERT: every provisioning write pays for it.
 */
export async function recordEvent(options: AuditEventOptions, tx: SqlOrTx = db): Promise<boolean> {
  const sql = sqlOf(tx);
  const { text, params } = auditEventStatement(sql.dialect, options);
  return (await sql.execute(text, params)) > 0;
}

export type AuditEventOptions = { actor: Actor; action: AuditAction; target?: Target; details?: Record<string, unknown>; id?: string };

/** The INSERT of `recordEvent`, to run with the change's other writes (lib/db/statement.ts). */
export function auditEventStatement(dialect: Dialect, options: AuditEventOptions): Statement {
  const { actor, action, target, details } = options;
  const params = new Params(dialect);
  const values = [
    params.add(options.id ?? crypto.randomUUID()),
    dialect.timestampParam(params.add(dialect.timestamp(new Date()))),
    params.add(actor.type),
    params.add(actor.type === "system" ? null : actor.id),
    params.add(actor.label ?? "system"),
    params.add(action),
    params.add(target?.type ?? null),
    params.add(target?.id ?? null),
    params.add(target?.label ?? null),
    params.add(details ? JSON.stringify(details) : null),
  ];
  return {
    text: `INSERT INTO "AuditEvent" ("id", "at", "actorType", "actorId", "actorLabel", "action", "targetType", "targetId", "targetLabel", "details") VALUES (${values.join(", ")}) ON CONFLICT ("id") DO NOTHING`,
    params: params.values,
  };
}
