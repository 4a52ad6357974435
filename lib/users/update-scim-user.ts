import type { Actor } from "../audit/record-event";
import { writeTransaction } from "../db";
import { lockUserWithIdentity } from "../db/lock-row";
import { assertIfMatch } from "../scim/etag";
import type { ScimUserRecord, UserInput } from "../scim/users/record";
import { applyScimInput } from "./apply-scim-input";
import { findScimUser } from "./find-scim-user";
import { documentColumns } from "./resource-document";
import { emailRows, profileColumns } from "./scim-profile";
import { storedScimUserFromColumns, type IdentityStamp, type StoredScimUser } from "./scim-user-query";

/**
 * PUT and PATCH /Users/{id}: `change` turns the current user into the resource it should become, inside the
 * transaction, so a PATCH applies all its operations or none, against the version it read.
 */
export async function updateScimUser(options: {
  id: string;
  ifMatch: string | null;
  actor: Actor;
  change: (current: StoredScimUser) => UserInput | null;
}): Promise<ScimUserRecord> {
  // Plain SQL throughout, on the driver: a PATCH of `active` is what an IdP sends most after lookups.
  return writeTransaction(async (tx) => {
    // Changes of one user take turns, so each applies to the state the one before left (and audits only real changes).
    await lockUserWithIdentity(tx, options.id);
    const user = await findScimUser(options.id, tx);
    assertIfMatch(options.ifMatch, user.record.version);
    const input = options.change(user);
    if (!input) return user.record;
    const { record } = user;
    const active = input.active ?? record.active;
    // The user as this write leaves it, for the document stored with it and for the answer.
    const updated = (stamp: IdentityStamp) =>
      storedScimUserFromColumns({
        userId: record.id,
        username: user.username,
        state: active ? "active" : "blocked",
        columns: profileColumns(input),
        emails: emailRows(input.emails),
        identity: { id: user.identityId, active: input.active ?? user.identityActive, userName: input.userName, externalId: input.externalId, createdAt: record.created, ...stamp },
        groups: record.groups,
      }).record;
    // Built once: the write stores its document under the very stamp it returns (assertVersion checks the version).
    let written: ScimUserRecord | undefined;
    const stamp = await applyScimInput(tx, user, input, options.actor, (next) => documentColumns((written = updated(next))));
    return stamp ? (written ?? updated(stamp)) : record;
  });
}
