import { recordEvent, type Actor } from "../audit/record-event";
import { db } from "../db";
import { assertIfMatch } from "../scim/etag";
import { notFound } from "../scim/errors";

/** DELETE /Groups/{id}: the group and its memberships go; the users stay. */
export async function deleteGroup(options: { id: string; ifMatch: string | null; actor: Actor }): Promise<void> {
  await db.$transaction(async (tx) => {
    const group = await tx.group.findUnique({ where: { id: options.id } });
    if (!group) throw notFound(`Group "${options.id}" not found.`);
    assertIfMatch(options.ifMatch, group.version);
    const members = await tx.groupMembership.count({ where: { groupId: group.id } });
    // Members lose the group from their `groups` attribute: a change SCIM can see (their ETag, their documents).
    if (members) await tx.scimIdentity.updateMany({ where: { user: { groupMemberships: { some: { groupId: group.id } } } }, data: { version: { increment: 1 } } });
    await tx.group.delete({ where: { id: group.id } });
    await recordEvent({ actor: options.actor, action: "group.deleted", target: { type: "group", id: group.id, label: group.displayName }, details: { members } }, tx);
  });
}
