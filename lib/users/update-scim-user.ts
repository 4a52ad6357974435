import type { Actor } from "../audit/record-event";
import { db } from "../db";
import { assertIfMatch } from "../scim/etag";
import type { ScimUserRecord, UserInput } from "../scim/users/record";
import { applyScimInput } from "./apply-scim-input";
import { findScimUser } from "./find-scim-user";
import type { StoredScimUser } from "./scim-user-query";
import { lockRow } from "../db/lock-row";

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
  return db.$transaction(async (tx) => {
    await lockRow(tx, "User", options.id);
    const user = await findScimUser(options.id, tx);
    assertIfMatch(options.ifMatch, user.record.version);
    const input = options.change(user);
    if (!input) return user.record;
    await applyScimInput(tx, user, input, options.actor);
    return (await findScimUser(options.id, tx)).record;
  });
}
