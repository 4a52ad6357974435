import { recordEvent, type Actor } from "../audit/record-event";
import { db } from "../db";
import { newToken } from "./token-format";

/**
 * Creates a new SCIM token and revokes every token still valid, in one transaction. The token is returned once
 * and never stored: only its hash and a short prefix are.
 */
export async function generateToken(options: { actor: Actor; expiresAt?: Date }): Promise<{ id: string; token: string; prefix: string }> {
  const { token, hash, prefix } = newToken();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const previous = await tx.scimToken.findMany({ where: { revokedAt: null }, select: { id: true, prefix: true } });
    await tx.scimToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.scimToken.create({
      data: { hash, prefix, createdById: options.actor.type === "user" ? options.actor.id : null, expiresAt: options.expiresAt },
    });
    for (const old of previous) {
      await recordEvent({ actor: options.actor, action: "scim_token.revoked", target: { type: "scim_token", id: old.id, label: old.prefix } }, tx);
    }
    await recordEvent(
      { actor: options.actor, action: "scim_token.generated", target: { type: "scim_token", id: created.id, label: prefix } },
      tx,
    );
    return { id: created.id, token, prefix };
  });
}
