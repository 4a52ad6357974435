import type { Tx } from "../db";
import type { SignedInUser } from "./judge-session";

/**
 * The per-request read behind every session check: the signed-in user's few columns by primary key. Plain SQL
 * (identical on SQLite and PostgreSQL) because it runs on every page load and action: it costs about a quarter of
 * the same findUnique through Prisma's query compiler (scripts/bench-session-check.ts measures both).
 */
export async function readSignedInUser(client: Tx, id: string): Promise<SignedInUser | null> {
  const rows = await client.$queryRaw<SignedInUser[]>`
    SELECT "id", "username", "email", "name", "role", "state", "sessionVersion", "blockedReason" FROM "User" WHERE "id" = ${id}`;
  const row = rows[0];
  // Integers may come back as bigint from a driver: the version is compared with the cookie's number.
  return row ? { ...row, sessionVersion: Number(row.sessionVersion) } : null;
}
