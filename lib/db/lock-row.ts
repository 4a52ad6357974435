import type { Tx } from "../db";
import { dialectOf } from "./dialect-of";

/**
 * Takes a user's or group's write lock for the rest of the transaction, before the transaction reads what it is
 * about to change. PostgreSQL (READ COMMITTED) otherwise runs two such transactions side by side: two group
 * PATCHes adding the same member both saw it absent and the second failed on the primary key (a 409 under a
 * concurrent load), two deactivations both saw the user active and both wrote an audit event. SQLite needs
 * nothing: a write transaction there excludes every other one from its start.
 */
export async function lockRow(tx: Tx, table: "User" | "Group", id: string): Promise<void> {
  if (dialectOf(tx).name !== "postgresql") return;
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
}
