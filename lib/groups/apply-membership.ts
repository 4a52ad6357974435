import type { Tx } from "../db";
import { invalidValue } from "../scim/errors";
import type { MembershipPlan } from "../scim/groups/plan-patch";

// IN lists are sent in chunks: a bounded number of queries for any number of members, within every driver's
// parameter limit.
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** 400 invalidValue unless every id is a user SCIM can see. */
async function assertUsersExist(tx: Tx, ids: string[]): Promise<void> {
  let found = 0;
  const seen = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await tx.user.findMany({ where: { id: { in: part }, scimIdentity: { deletedAt: null } }, select: { id: true } });
    found += rows.length;
    for (const row of rows) seen.add(row.id);
  }
  if (found !== ids.length) {
    const missing = ids.filter((id) => !seen.has(id)).slice(0, 5);
    throw invalidValue(`Unknown member${missing.length > 1 ? "s" : ""}: ${missing.map((id) => `"${id}"`).join(", ")}.`);
  }
}

async function existingAmong(tx: Tx, groupId: string, ids: string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await tx.groupMembership.findMany({ where: { groupId, userId: { in: part } }, select: { userId: true } });
    for (const row of rows) existing.add(row.userId);
  }
  return existing;
}

async function insert(tx: Tx, groupId: string, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await tx.groupMembership.createMany({ data: part.map((userId) => ({ groupId, userId })) });
}

async function remove(tx: Tx, groupId: string, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await tx.groupMembership.deleteMany({ where: { groupId, userId: { in: part } } });
}

/** A user's `groups` attribute changed: its version (ETag) must too. */
async function touchUsers(tx: Tx, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await tx.scimIdentity.updateMany({ where: { userId: { in: part } }, data: { version: { increment: 1 } } });
}

/**
 * Applies a membership plan: adding a present member or removing an absent one is a no-op; adding an unknown
 * user is a 400. Returns how many memberships were added and removed.
 */
export async function applyMembership(tx: Tx, groupId: string, plan: MembershipPlan): Promise<{ added: number; removed: number }> {
  if (plan.kind === "replace") {
    const wanted = [...plan.members];
    await assertUsersExist(tx, wanted);
    const current = (await tx.groupMembership.findMany({ where: { groupId }, select: { userId: true } })).map((r) => r.userId);
    const currentSet = new Set(current);
    const toAdd = wanted.filter((id) => !currentSet.has(id));
    const toRemove = current.filter((id) => !plan.members.has(id));
    await remove(tx, groupId, toRemove);
    await insert(tx, groupId, toAdd);
    await touchUsers(tx, [...toAdd, ...toRemove]);
    return { added: toAdd.length, removed: toRemove.length };
  }
  const add = [...plan.add];
  if (add.length) await assertUsersExist(tx, add);
  const present = await existingAmong(tx, groupId, add);
  const toAdd = add.filter((id) => !present.has(id));
  await insert(tx, groupId, toAdd);
  const removeIds = [...plan.remove];
  const toRemove = removeIds.length ? [...(await existingAmong(tx, groupId, removeIds))] : [];
  await remove(tx, groupId, toRemove);
  await touchUsers(tx, [...toAdd, ...toRemove]);
  return { added: toAdd.length, removed: toRemove.length };
}
