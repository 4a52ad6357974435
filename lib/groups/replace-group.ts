import type { Actor } from "../audit/record-event";
import { db } from "../db";
import { assertIfMatch } from "../scim/etag";
import { notFound } from "../scim/errors";
import type { GroupInput, ScimGroupRecord } from "../scim/groups/record";
import { findGroup } from "./group-record";
import { writeGroup } from "./write-group";
import { lockRow } from "../db/lock-row";

/**
 * PUT /Groups/{id}: replaces name, externalId and — when the body lists them — the members. A PUT without
 * `members` leaves them as they are rather than emptying a group because a client left them out.
 */
export async function replaceGroup(options: { id: string; input: GroupInput; ifMatch: string | null; actor: Actor }): Promise<ScimGroupRecord> {
  const { id, input, ifMatch, actor } = options;
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", id);
    const group = await tx.group.findUnique({ where: { id } });
    if (!group) throw notFound(`Group "${id}" not found.`);
    assertIfMatch(ifMatch, group.version);
    await writeGroup(
      tx,
      group,
      { displayName: input.displayName, externalId: input.externalId, members: input.members ? { kind: "replace", members: new Set(input.members) } : undefined },
      actor,
    );
    return findGroup(id, { withMembers: true }, tx);
  });
}
