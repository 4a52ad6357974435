import { recordEvent, type Actor } from "../audit/record-event";
import { db } from "../db";
import { DomainError } from "../users/errors";
import { clearTokenCache } from "./verify-token";

/** Revokes a token now (e.g. the previous one during its grace period). Other instances notice within seconds. */
export async function revokeToken(options: { id: string; actor: Actor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const token = await tx.scimToken.findUnique({ where: { id: options.id } });
    if (!token) throw new DomainError("not_found", "No such SCIM token.");
    if (token.revokedAt) return;
    await tx.scimToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordEvent({ actor: options.actor, action: "scim_token.revoked", target: { type: "scim_token", id: token.id, label: token.prefix } }, tx);
  });
  clearTokenCache();
}
