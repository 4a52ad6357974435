import crypto from "node:crypto";
import { recordEvent, type Actor } from "../audit/record-event";
import { sqlOf, type SqlOrTx } from "../db/reader";
import type { UserInput } from "../scim/users/record";
import { increment, insertRows, updateRow } from "../db/sql-rows";
import { assertUnclaimed, emailRows, identityColumns, profileColumns } from "./scim-profile";
import type { IdentityStamp, StoredScimUser } from "./scim-user-query";
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
 */
export async function applyScimInput(tx: SqlOrTx, stored: StoredScimUser, input: UserInput, actor: Actor): Promise<IdentityStamp | null> {
  const user = { id: stored.record.id, username: stored.username };
  const before = comparable(stored) as Record<string, unknown>;
  const { active, ...after } = input as UserInput & Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify((after as Record<string, unknown>)[key]));
  let stamp: IdentityStamp | null = null;
  if (changed.length) {
    const now = new Date();
    const sql = sqlOf(tx);
    await assertUnclaimed(sql, input, user.id);
    await updateRow(sql, "User", user.id, { ...profileColumns(input), updatedAt: now }, ["id"]);
    if (changed.includes("emails")) {
      await sql.execute(`DELETE FROM "UserEmail" WHERE "userId" = ${sql.dialect.placeholder(1)}`, [user.id]);
      await insertRows(sql, "UserEmail", emailRows(input.emails).map((row) => ({ id: crypto.randomUUID(), userId: user.id, ...row })));
    }
    const row = await updateRow(sql, "ScimIdentity", stored.identityId, { ...identityColumns(input), version: increment(1), updatedAt: now }, ["version"]);
    stamp = { version: Number(row?.version), updatedAt: now };
    await recordEvent(
      { actor, action: "user.updated", target: { type: "user", id: user.id, label: user.username }, details: { changed } },
      tx,
    );
  }
  if (active !== undefined && active !== stored.record.active) {
    const current = { state: stored.record.active ? "active" : "blocked", username: stored.username, scimIdentity: { id: stored.identityId, active: stored.identityActive, deleted: false } };
    const change = await setUserActive(tx, { userId: user.id, active, source: "scim", actor, current });
    stamp = change?.identity ?? stamp;
  }
  return stamp;
}
