import type { Actor } from "../audit/record-event";
import { db } from "../db";
import { assertIfMatch } from "../scim/etag";
import { notFound } from "../scim/errors";
import { planGroupPatch } from "../scim/groups/plan-patch";
import type { ScimGroupRecord } from "../scim/groups/record";
import { findGroup } from "./group-record";
import { writeGroup } from "./write-group";
import { lockRow } from "../db/lock-row";

/**
 * PATCH /Groups/{id}: every operation of the request in one transaction, with a bounded number of queries
 * however many members it adds or removes, and the member list never loaded.
 */
export async function patchGroup(options: { id: string; body: unknown; ifMatch: string | null; actor: Actor }): Promise<ScimGroupRecord> {
  const { id, body, ifMatch, actor } = options;
  const plan = planGroupPatch(body, id);
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Group", id);
    const group = await tx.group.findUnique({ where: { id } });
    if (!group) throw notFound(`Group "${id}" not found.`);
    assertIfMatch(ifMatch, group.version);
    await writeGroup(tx, group, plan, actor);
    return findGroup(id, { withMembers: false }, tx);
  });
}
