import { sqlOf, type SqlOrTx } from "./reader";

/**
 * Locks one row until the transaction ends, so that read-decide-write sequences on it (a user's state, a group's
 * members) take turns across connections and instances instead of deciding on the same stale read: two
 * deactivations would both record one, two adds of the same member would both insert it. PostgreSQL only: SQLite
 * runs one writing transaction at a time anyway. `FOR NO KEY UPDATE` is the lock an UPDATE takes itself, so
 * foreign-key checks of other transactions (adding the user to a group) do not wait for it.
 */
export async function lockRow(tx: SqlOrTx, table: "User" | "Group", id: string): Promise<void> {
  const sql = sqlOf(tx);
  if (sql.dialect.name !== "postgresql") return;
  await sql.query(`SELECT 1 FROM "${table}" WHERE "id" = $1 FOR NO KEY UPDATE`, [id]);
}

/**
 * Locks a user and its SCIM identity (PostgreSQL; see lockRow). A group's membership change or rename bumps the
 * identity's version without touching the user: a change that reads the user and then stores what it read as the
 * new version's document must hold the identity too, or such a bump could land between its read and its write.
 */
export async function lockUserWithIdentity(tx: SqlOrTx, userId: string): Promise<void> {
  const sql = sqlOf(tx);
  if (sql.dialect.name !== "postgresql") return;
  await sql.query(`SELECT 1 FROM "User" u JOIN "ScimIdentity" i ON i."userId" = u."id" WHERE u."id" = $1 FOR NO KEY UPDATE`, [userId]);
}
