import { auditEventStatement, type Actor, type AuditAction } from "../audit/record-event";
import { sqlOf, type SqlOrTx } from "../db/reader";
import { increment, updateStatement } from "../db/sql-rows";
import { executeTogether, type Statement } from "../db/statement";
import type { Dialect } from "../scim/sql/dialect";
import { assertVersion, type DocumentOf } from "./resource-document";
import { notFound } from "../scim/errors";
import type { IdentityStamp } from "./scim-user-query";

export type StateSource = "scim" | "scim_delete" | "admin";

const ACTIONS: Record<StateSource, { block: AuditAction; unblock: AuditAction }> = {
  scim: { block: "user.deactivated", unblock: "user.reactivated" },
  scim_delete: { block: "user.deprovisioned", unblock: "user.reactivated" },
  admin: { block: "user.blocked", unblock: "user.unblocked" },
};

/**
 * The one way a user is blocked or unblocked, whoever asks: the user's state, its SCIM identity, the end of its
 * sessions and the audit event change together, in the caller's transaction. Returns null when nothing changed,
 * else the identity's new version and modification time (null for a user without one).
 */
export type UserState = {
  state: string;
  username: string;
  /** `version` only where the caller read it (it is needed to store a document with the change). */
  scimIdentity: { id: string; active: boolean; deleted: boolean; version?: number } | null;
};

export async function setUserActive(
  tx: SqlOrTx,
  options: { userId: string; active: boolean; source: StateSource; actor: Actor; reason?: string; current?: UserState; document?: DocumentOf },
): Promise<{ identity: IdentityStamp | null } | null> {
  const { userId, active, source, actor, reason } = options;
  // A caller that has just read the user in this transaction passes what it read, saving the query.
  const user: UserState = options.current ?? (await readUserState(tx, userId));
  const isActive = user.state === "active";
  if (isActive === active && (source !== "scim_delete" || !user.scimIdentity || user.scimIdentity.deleted)) return null;
  const now = new Date();
  const { dialect } = sqlOf(tx);
  // Plain SQL, the writes sent together: deactivate and reactivate are what an IdP sends most after lookups.
  const writes: Statement[] = [];
  if (isActive !== active) {
    writes.push(
      updateStatement(
        dialect,
        "User",
        userId,
        active
          ? { state: "active", blockedAt: null, blockedReason: null, updatedAt: now }
          : { state: "blocked", blockedAt: now, blockedReason: reason ?? null, sessionVersion: increment(1), updatedAt: now },
        [],
      ),
    );
  }
  const identityAt = writes.length;
  let documented: IdentityStamp | undefined;
  if (user.scimIdentity) {
    if (options.document) {
      if (user.scimIdentity.version === undefined) throw new Error("Storing a document with a state change needs the identity's version as read.");
      documented = { version: user.scimIdentity.version + 1, updatedAt: now };
    }
    writes.push(
      updateStatement(
        dialect,
        "ScimIdentity",
        user.scimIdentity.id,
        {
          active,
          version: increment(1),
          updatedAt: now,
          ...(active ? (user.scimIdentity.active ? {} : { reactivatedAt: now }) : { deactivatedAt: now }),
          ...(source === "scim_delete" ? { deletedAt: now } : {}),
          ...(documented ? options.document!(documented) : {}),
        },
        ["version"],
      ),
    );
  }
  // Deprovisioning hides the user from its groups' member lists: their ETags move (a re-add does the same).
  if (source === "scim_delete") writes.push(bumpGroupsStatement(dialect, userId, now));
  writes.push(
    auditEventStatement(dialect, {
      actor,
      action: active ? ACTIONS[source].unblock : ACTIONS[source].block,
      target: { type: "user", id: userId, label: user.username },
      details: reason ? { reason } : undefined,
    }),
  );
  const results = await executeTogether(tx, writes);
  if (documented) assertVersion(results[identityAt], documented.version);
  const identity: IdentityStamp | null = user.scimIdentity ? { version: Number(results[identityAt][0]?.version), updatedAt: now } : null;
  return { identity };
}

async function readUserState(tx: SqlOrTx, userId: string): Promise<UserState> {
  const sql = sqlOf(tx);
  const [row] = await sql.query<{ state: string; username: string; identityId: string | null; active: unknown; deletedAt: unknown }>(
    `SELECT u."state", u."username", i."id" AS "identityId", i."active", i."deletedAt" FROM "User" u LEFT JOIN "ScimIdentity" i ON i."userId" = u."id" WHERE u."id" = ${sql.dialect.placeholder(1)}`,
    [userId],
  );
  if (!row) throw notFound(`User "${userId}" not found.`);
  const scimIdentity = row.identityId
    ? { id: row.identityId, active: row.active === true || row.active === 1, deleted: row.deletedAt !== null && row.deletedAt !== undefined }
    : null;
  return { state: row.state, username: row.username, scimIdentity };
}

/** Every group the user is a member of gets a new version (its member list, as SCIM shows it, changed). */
export async function bumpGroupsOf(tx: SqlOrTx, userId: string, now: Date): Promise<void> {
  await executeTogether(tx, [bumpGroupsStatement(sqlOf(tx).dialect, userId, now)]);
}

function bumpGroupsStatement(dialect: Dialect, userId: string, now: Date): Statement {
  const at = dialect.timestampParam(dialect.placeholder(1));
  return {
    text: `UPDATE "Group" SET "version" = "version" + 1, "updatedAt" = ${at} WHERE "id" IN (SELECT gm."groupId" FROM "GroupMembership" gm WHERE gm."userId" = ${dialect.placeholder(2)})`,
    params: [dialect.timestamp(now), userId],
  };
}
