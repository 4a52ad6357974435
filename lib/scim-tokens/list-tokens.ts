import { db } from "../db";

export type TokenSummary = {
  id: string;
  prefix: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

/** Tokens that still work (not revoked, not expired), newest first. */
export async function listActiveTokens(now = new Date()): Promise<TokenSummary[]> {
  const tokens = await db.scimToken.findMany({
    where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { username: true } } },
  });
  return tokens.map((t) => ({
    id: t.id,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy?.username ?? (t.createdById ? "deleted user" : "CLI"),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  }));
}
