import type { Actor } from "../audit/record-event";
import { writeTransaction } from "../db";
import { lockRow } from "../db/lock-row";
import { assertIfMatch } from "../scim/etag";
import { findScimUser } from "./find-scim-user";
import { setUserActive } from "./set-user-active";

/**
 * DELETE /Users/{id}: the user is blocked and its identity deactivated and hidden from SCIM, but both stay in the
 * database, linked, for the admin and for a later re-add (which reactivates them).
 */
export async function deprovisionUser(options: { id: string; ifMatch: string | null; actor: Actor }): Promise<void> {
  await writeTransaction(async (tx) => {
    await lockRow(tx, "User", options.id);
    const user = await findScimUser(options.id, tx);
    assertIfMatch(options.ifMatch, user.record.version);
    await setUserActive(tx, { userId: user.record.id, active: false, source: "scim_delete", actor: options.actor });
  });
}
