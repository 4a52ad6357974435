import type { Actor } from "../audit/record-event";
import { db } from "../db";
import type { GroupInput, ScimGroupRecord } from "../scim/groups/record";
import { findGroup } from "./group-record";
import { createGroupRow, writeGroup } from "./write-group";

/** POST /Groups: a new group (duplicate displayName → 409) with its initial members, in one transaction. */
export async function createGroup(input: GroupInput, actor: Actor): Promise<ScimGroupRecord> {
  return db.$transaction(async (tx) => {
    const group = await createGroupRow(tx, input, actor);
    if (input.members?.length) {
      await writeGroup(tx, group, { members: { kind: "replace", members: new Set(input.members) } }, actor);
    }
    return findGroup(group.id, { withMembers: true }, tx);
  });
}
