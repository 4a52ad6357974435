import type { Tx } from "../db";
import { db } from "../db";
import { readerOf, type SqlReader } from "../db/reader";
import { cleanUsername, firstFreeUsername } from "./username";

/**
 * A free instance username derived from `source` (an email or SCIM userName). Usually one index lookup; when the
 * name is taken, one index range scan over the names that start with it (cleaned names only hold characters that
 * sort below "~", so [base, base + "~") is exactly that range — a LIKE prefix would scan every user on SQLite).
 */
export async function pickUsername(source: string, tx: SqlReader | Tx = db): Promise<string> {
  const sql = readerOf(tx);
  const p = (n: number) => sql.dialect.placeholder(n);
  const base = cleanUsername(source);
  const norm = base.toLowerCase();
  if (!(await sql.query(`SELECT 1 FROM "User" WHERE "usernameNorm" = ${p(1)}`, [norm])).length) return base;
  const taken = await sql.query<{ usernameNorm: string }>(`SELECT "usernameNorm" FROM "User" WHERE "usernameNorm" >= ${p(1)} AND "usernameNorm" < ${p(2)}`, [norm, `${norm}~`]);
  return firstFreeUsername(base, new Set(taken.map((u) => u.usernameNorm)));
}
