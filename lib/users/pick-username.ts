import type { Tx } from "../db";
import { db } from "../db";
import { cleanUsername, firstFreeUsername } from "./username";

/** A free instance username derived from `source` (an email or SCIM userName), in one query. */
export async function pickUsername(source: string, tx: Tx = db): Promise<string> {
  const base = cleanUsername(source);
  const taken = await tx.user.findMany({
    where: { usernameNorm: { startsWith: base.toLowerCase() } },
    select: { usernameNorm: true },
  });
  return firstFreeUsername(base, new Set(taken.map((u) => u.usernameNorm)));
}
