import crypto from "node:crypto";
import { db } from "../db";
import { log } from "../log";
import { hashToken } from "./token-format";

export type VerifiedToken = { id: string; prefix: string };

// IdPs call at machine speed: a verified hash is cached briefly instead of costing a query per request. A revoked
// or expired token therefore stops working within CACHE_MS on every instance (each has its own cache).
const CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;
// lastUsedAt is a troubleshooting aid: written at most once a minute per token per instance, off the request path.
const LAST_USED_EVERY_MS = 60_000;

type Entry = { token: VerifiedToken | null; expiresAt: Date | null; until: number };
const cache = new Map<string, Entry>();
const lastUsedWritten = new Map<string, number>();

/** The token's record when `token` is a valid SCIM token (not revoked, not expired), else null. */
export async function verifyToken(token: string): Promise<VerifiedToken | null> {
  const hash = hashToken(token);
  const now = Date.now();
  let entry = cache.get(hash);
  if (!entry || entry.until < now) {
    entry = await lookup(hash, now);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(hash, entry);
  }
  if (!entry.token || (entry.expiresAt && entry.expiresAt.getTime() <= now)) return null;
  touch(entry.token.id, now);
  return entry.token;
}

async function lookup(hash: string, now: number): Promise<Entry> {
  const row = await db.scimToken.findUnique({ where: { hash }, select: { id: true, hash: true, prefix: true, revokedAt: true, expiresAt: true } });
  // The index found the row by hash; compare in constant time anyway, so no code path depends on partial matches.
  const valid = row !== null && row.revokedAt === null && crypto.timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash));
  return { token: valid ? { id: row.id, prefix: row.prefix } : null, expiresAt: row?.expiresAt ?? null, until: now + CACHE_MS };
}

function touch(id: string, now: number): void {
  if ((lastUsedWritten.get(id) ?? 0) + LAST_USED_EVERY_MS > now) return;
  lastUsedWritten.set(id, now);
  db.scimToken.update({ where: { id }, data: { lastUsedAt: new Date(now) } }).catch((error: Error) => {
    log.warn("could not record SCIM token use", { tokenId: id, error: error.message });
  });
}

/** Forget cached verdicts (tests, and this instance right after it revokes a token). */
export function clearTokenCache(): void {
  cache.clear();
}
