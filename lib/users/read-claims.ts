import type { Tx } from "../db";
import { readerOf, type SqlReader } from "../db/reader";
import { Params } from "../scim/sql/dialect";
import { json } from "./scim-user-query";

/** An identity that already holds the userName or externalId of a resource being provisioned. */
export type ClaimingIdentity = { id: string; userId: string; userNameNorm: string; active: boolean; deleted: boolean };
/** The user whose email a new resource has (GitLab links to it). */
export type EmailOwner = { id: string; username: string; state: string; identityId: string | null };

export type Claims = { identities: ClaimingIdentity[]; emailOwner: EmailOwner | null; usernameTaken: boolean };

const rows = (v: unknown) => json<Record<string, unknown>[] | null>(v) ?? [];
const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === 1n;

/**
 * Everything a POST /Users must know before it writes, in one statement: the identities holding its userName or
 * externalId, the user holding its email, and whether the instance username it would get is taken. Each part is
 * a unique-index lookup.
 */
export async function readClaims(
  tx: SqlReader | Tx,
  keys: { userNameNorm: string; externalIdNorm: string | null; emailNorm: string | null; usernameNorm: string },
): Promise<Claims> {
  const sql = readerOf(tx);
  const { dialect } = sql;
  const p = new Params(dialect);
  const identities = dialect.jsonList(
    [["id", `i."id"`], ["userId", `i."userId"`], ["userNameNorm", `i."userNameNorm"`], ["active", `i."active"`], ["deletedAt", `i."deletedAt"`]],
    `"ScimIdentity" i WHERE i."userNameNorm" = ${p.add(keys.userNameNorm)} OR i."externalIdNorm" = ${p.add(keys.externalIdNorm)}`,
    `i."id"`,
  );
  const owners = dialect.jsonList(
    [["id", `u."id"`], ["username", `u."username"`], ["state", `u."state"`], ["identityId", `(SELECT x."id" FROM "ScimIdentity" x WHERE x."userId" = u."id")`]],
    `"User" u WHERE u."emailNorm" = ${p.add(keys.emailNorm)}`,
    `u."id"`,
  );
  const taken = `EXISTS (SELECT 1 FROM "User" t WHERE t."usernameNorm" = ${p.add(keys.usernameNorm)})`;
  const [row] = await sql.query<{ identities: unknown; owners: unknown; usernameTaken: unknown }>(
    `SELECT ${identities} AS "identities", ${owners} AS "owners", ${taken} AS "usernameTaken"`,
    p.values,
  );
  const owner = rows(row.owners)[0];
  return {
    identities: rows(row.identities).map((i) => ({
      id: String(i.id),
      userId: String(i.userId),
      userNameNorm: String(i.userNameNorm),
      active: truthy(i.active),
      deleted: i.deletedAt !== null && i.deletedAt !== undefined,
    })),
    emailOwner: owner ? { id: String(owner.id), username: String(owner.username), state: String(owner.state), identityId: owner.identityId ? String(owner.identityId) : null } : null,
    usernameTaken: truthy(row.usernameTaken),
  };
}
