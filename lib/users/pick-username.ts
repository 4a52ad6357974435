import type { Tx } from "../db";
import { db } from "../db";
import { cleanUsername, firstFreeUsername } from "./username";

/**
 * A free instance username derived from `source` (an email or SCIM userName). Usually one index lookup; when the
 * name is taken, one index range scan over the names that start with it (cleaned names only hold characters that
 * sort below "~", so [base, base + "~") is exactly that range — a LIKE prefix would scan every user on SQLite).
 */
export async function pickUsername(source: string, tx: Tx = db): Promise<string> {
  const base = cleanUsername(source);
  const norm = base.toLowerCase();
  if (!(await tx.user.findUnique({ where: { usernameNorm: norm }, select: { id: true } }))) return base;
  const taken = await tx.user.findMany({ where: { usernameNorm: { gte: norm, lt: `${norm}~` } }, select: { usernameNorm: true } });
  return firstFreeUsername(base, new Set(taken.map((u) => u.usernameNorm)));
}
