import { recordEvent, type Actor } from "../audit/record-event";
import type { Tx } from "../db";
import type { UserInput } from "../scim/users/record";
import { assertUnclaimed, emailRows, identityColumns, profileColumns } from "./scim-profile";
import type { StoredScimUser } from "./scim-user-query";
import { setUserActive } from "./set-user-active";

function comparable(user: StoredScimUser) {
  const { id, active, version, created, lastModified, groups, ...profile } = user.record;
  return profile;
}

/**
 * Makes a provisioned user match a SCIM resource (PUT, or the result of a PATCH): profile, emails, identity and,
 * when the resource says so, the active state. Writes an audit event naming the changed attributes; a resource
 * that changes nothing changes nothing (not even the version).
 */
export async function applyScimInput(tx: Tx, stored: StoredScimUser, input: UserInput, actor: Actor): Promise<void> {
  const user = { id: stored.record.id, username: stored.username };
  const before = comparable(stored) as Record<string, unknown>;
  const { active, ...after } = input as UserInput & Record<string, unknown>;
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify((after as Record<string, unknown>)[key]));
  if (changed.length) {
    await assertUnclaimed(tx, input, user.id);
    await tx.user.update({ where: { id: user.id }, data: profileColumns(input) });
    if (changed.includes("emails")) {
      await tx.userEmail.deleteMany({ where: { userId: user.id } });
      await tx.userEmail.createMany({ data: emailRows(input.emails).map((row) => ({ ...row, userId: user.id })) });
    }
    await tx.scimIdentity.update({ where: { id: stored.identityId }, data: { ...identityColumns(input), version: { increment: 1 } } });
    await recordEvent(
      { actor, action: "user.updated", target: { type: "user", id: user.id, label: user.username }, details: { changed } },
      tx,
    );
  }
  if (active !== undefined && active !== stored.record.active) {
    const current = { state: stored.record.active ? "active" : "blocked", username: stored.username, scimIdentity: { id: stored.identityId, active: stored.identityActive, deletedAt: null } };
    await setUserActive(tx, { userId: user.id, active, source: "scim", actor, current });
  }
}
