import { db, type Tx } from "../db";
import type { GroupMember, ScimGroupRecord } from "../scim/groups/record";
import { notFound } from "../scim/errors";

type GroupRow = { id: string; displayName: string; externalId: string | null; version: number; createdAt: Date; updatedAt: Date };

export function toGroupRecord(group: GroupRow, members?: GroupMember[]): ScimGroupRecord {
  return {
    id: group.id,
    displayName: group.displayName,
    externalId: group.externalId,
    version: group.version,
    created: group.createdAt,
    lastModified: group.updatedAt,
    members,
  };
}

/** The group's members as SCIM shows them: users whose identity is not deprovisioned, oldest membership first. */
export async function loadMembers(groupIds: string[], tx: Tx = db): Promise<Map<string, GroupMember[]>> {
  const rows = await tx.groupMembership.findMany({
    where: { groupId: { in: groupIds }, user: { scimIdentity: { deletedAt: null } } },
    select: { groupId: true, user: { select: { id: true, displayName: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  const byGroup = new Map<string, GroupMember[]>(groupIds.map((id) => [id, []]));
  for (const row of rows) byGroup.get(row.groupId)!.push({ id: row.user.id, display: row.user.displayName ?? row.user.name });
  return byGroup;
}

export async function findGroup(id: string, options: { withMembers: boolean }, tx: Tx = db): Promise<ScimGroupRecord> {
  const group = await tx.group.findUnique({ where: { id } });
  if (!group) throw notFound(`Group "${id}" not found.`);
  return toGroupRecord(group, options.withMembers ? (await loadMembers([id], tx)).get(id) : undefined);
}
