import { recordEvent, type Actor } from "../audit/record-event";
import type { Tx } from "../db";
import { uniqueness } from "../scim/errors";
import type { MembershipPlan } from "../scim/groups/plan-patch";
import { applyMembership } from "./apply-membership";

export type GroupChange = { displayName?: string; externalId?: string | null; members?: MembershipPlan };

async function assertNamesFree(tx: Tx, groupId: string | null, change: GroupChange): Promise<void> {
  if (change.displayName !== undefined) {
    const clash = await tx.group.findFirst({ where: { displayNameNorm: change.displayName.toLowerCase(), ...(groupId ? { NOT: { id: groupId } } : {}) }, select: { id: true } });
    if (clash) throw uniqueness(`A group named "${change.displayName}" already exists.`);
  }
  if (change.externalId) {
    const clash = await tx.group.findFirst({ where: { externalIdNorm: change.externalId.toLowerCase(), ...(groupId ? { NOT: { id: groupId } } : {}) }, select: { id: true } });
    if (clash) throw uniqueness(`A group with externalId "${change.externalId}" already exists.`);
  }
}

/**
 * Changes a group's name, externalId and members in the caller's transaction, with one audit event for the
 * attributes and one for the membership change (however many members it touched).
 */
export async function writeGroup(tx: Tx, group: { id: string; displayName: string; externalId: string | null }, change: GroupChange, actor: Actor): Promise<boolean> {
  const renamed = change.displayName !== undefined && change.displayName !== group.displayName;
  const relinked = change.externalId !== undefined && change.externalId !== group.externalId;
  if (renamed || relinked) await assertNamesFree(tx, group.id, change);
  const counts = change.members ? await applyMembership(tx, group.id, change.members) : { added: 0, removed: 0 };
  const changed = renamed || relinked || counts.added > 0 || counts.removed > 0;
  if (!changed) return false;
  await tx.group.update({
    where: { id: group.id },
    data: {
      ...(renamed ? { displayName: change.displayName, displayNameNorm: change.displayName!.toLowerCase() } : {}),
      ...(relinked ? { externalId: change.externalId, externalIdNorm: change.externalId?.toLowerCase() ?? null } : {}),
      version: { increment: 1 },
    },
  });
  // Members show the group's name in their `groups` attribute: a rename changes them too (one statement).
  if (renamed) await tx.scimIdentity.updateMany({ where: { user: { groupMemberships: { some: { groupId: group.id } } } }, data: { version: { increment: 1 } } });
  const target = { type: "group" as const, id: group.id, label: change.displayName ?? group.displayName };
  if (renamed || relinked) {
    const details = { ...(renamed ? { from: group.displayName, to: change.displayName } : {}), ...(relinked ? { externalId: change.externalId } : {}) };
    await recordEvent({ actor, action: "group.updated", target, details }, tx);
  }
  if (counts.added || counts.removed) await recordEvent({ actor, action: "group.members_changed", target, details: counts }, tx);
  return true;
}

export async function createGroupRow(tx: Tx, input: { displayName: string; externalId: string | null }, actor: Actor) {
  await assertNamesFree(tx, null, input);
  const group = await tx.group.create({
    data: {
      displayName: input.displayName,
      displayNameNorm: input.displayName.toLowerCase(),
      externalId: input.externalId,
      externalIdNorm: input.externalId?.toLowerCase() ?? null,
    },
  });
  await recordEvent({ actor, action: "group.created", target: { type: "group", id: group.id, label: group.displayName } }, tx);
  return group;
}
