import crypto from "node:crypto";
import { auditEventStatement, type Actor } from "../audit/record-event";
import { sqlOf, type SqlOrTx } from "../db/reader";
import type { UserInput } from "../scim/users/record";
import { increment, insertRows, updateStatement } from "../db/sql-rows";
import { executeTogether } from "../db/statement";
import { assertUnclaimed, emailRows, identityColumns, profileColumns } from "./scim-profile";
import type { IdentityStamp, StoredScimUser } from "./scim-user-query";
import { assertVersion, type DocumentOf } from "./resource-document";
import { setUserActive } from "./set-user-active";

function comparable(user: StoredScimUser) {
  const { id, active, version, created, lastModified, groups, ...profile } = user.record;
  return profile;
}

/**
 * Makes a provisioned user match a SCIM resource (PUT, or the result of a PATCH): profile, emails, identity and,
 * when the resource says so, the active state. Writes an audit event naming the changed attributes; a resource
 * that changes nothing changes nothing (not even the version), and returns null. Otherwise returns the identity's
 * new version and modification time, so the caller can answer without reading the user back.
 *
 * With `document`, the identity's last update of the write also stores the user's document for its new version:
 * the caller holds the user (lockUserWithIdentity), so that version is the one read plus each update's one.
 */
export async function applyScimInput(tx: SqlOrTx, stored: StoredScimUser, input: UserInput, actor: Actor, document?: DocumentOf): Promise<IdentityStamp | null> {
  const user = { id: stored.record.id, username: stored.username };
  const before = comparable(stored) as Record<string, unknown>;
  const { active, ...after } = input as UserInput & Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify((after as Record<string, unknown>)[key]));
  const activeChanges = active !== undefined && active !== stored.record.active;
  let stamp: IdentityStamp | null = null;
  let version = stored.record.version;
  if (changed.length) {
    const now = new Date();
    const sql = sqlOf(tx);
    await assertUnclaimed(sql, input, user.id);
    if (changed.includes("emails")) {
      await sql.execute(`DELETE FROM "UserEmail" WHERE "userId" = ${sql.dialect.placeholder(1)}`, [user.id]);
      await insertRows(sql, "UserEmail", emailRows(input.emails).map((row) => ({ id: crypto.randomUUID(), userId: user.id, ...row })));
    }
    // Stored here only when no state change follows (that one's update then stores it).
    const documented = document && !activeChanges ? { version: version + 1, updatedAt: now } : undefined;
    const [, identity] = await executeTogether(sql, [
      updateStatement(sql.dialect, "User", user.id, { ...profileColumns(input), updatedAt: now }, []),
      updateStatement(
        sql.dialect,
        "ScimIdentity",
        stored.identityId,
        { ...identityColumns(input), version: increment(1), updatedAt: now, ...(documented ? document!(documented) : {}) },
        ["version"],
      ),
      auditEventStatement(sql.dialect, { actor, action: "user.updated", target: { type: "user", id: user.id, label: user.username }, details: { changed } }),
    ]);
    if (documented) assertVersion(identity, documented.version);
    version = Number(identity[0]?.version);
    stamp = { version, updatedAt: now };
  }
  if (activeChanges) {
    const current = { state: stored.record.active ? "active" : "blocked", username: stored.username, scimIdentity: { id: stored.identityId, active: stored.identityActive, deleted: false, version } };
    const change = await setUserActive(tx, { userId: user.id, active, source: "scim", actor, current, document });
    stamp = change?.identity ?? stamp;
  }
  return stamp;
}
