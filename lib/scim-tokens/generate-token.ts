import { recordEvent, type Actor } from "../audit/record-event";
import { db } from "../db";
import { newToken } from "./token-format";

export const GRACE_PERIODS = { none: 0, "1h": 3600, "24h": 86400 } as const;
export type GracePeriod = keyof typeof GRACE_PERIODS;

/**
 * Creates a new SCIM token, in one transaction with what happens to the tokens still valid: revoked at once, or —
 * for a rotation without downtime — kept working until the grace period ends. The token is returned once and never
 * stored: only its hash and a short prefix are.
 */
export async function generateToken(options: { actor: Actor; expiresAt?: Date; grace?: GracePeriod }): Promise<{ id: string; token: string; prefix: string }> {
  const { token, hash, prefix } = newToken();
  const now = new Date();
  const graceSeconds = GRACE_PERIODS[options.grace ?? "none"];
  return db.$transaction(async (tx) => {
    const previous = await tx.scimToken.findMany({
      where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, prefix: true, expiresAt: true },
    });
    const created = await tx.scimToken.create({
      data: { hash, prefix, createdById: options.actor.type === "user" ? options.actor.id : null, expiresAt: options.expiresAt },
    });
    await recordEvent(
      { actor: options.actor, action: "scim_token.generated", target: { type: "scim_token", id: created.id, label: prefix }, details: previous.length ? { replaces: previous.map((p) => p.prefix), grace: options.grace ?? "none" } : undefined },
      tx,
    );
    for (const old of previous) {
      if (graceSeconds > 0) {
        const endsAt = new Date(now.getTime() + graceSeconds * 1000);
        const expiresAt = old.expiresAt && old.expiresAt < endsAt ? old.expiresAt : endsAt;
        await tx.scimToken.update({ where: { id: old.id }, data: { expiresAt } });
        await recordEvent({ actor: options.actor, action: "scim_token.grace_started", target: { type: "scim_token", id: old.id, label: old.prefix }, details: { until: expiresAt.toISOString() } }, tx);
      } else {
        await tx.scimToken.update({ where: { id: old.id }, data: { revokedAt: now } });
        await recordEvent({ actor: options.actor, action: "scim_token.revoked", target: { type: "scim_token", id: old.id, label: old.prefix } }, tx);
      }
    }
    return { id: created.id, token, prefix };
  });
}
