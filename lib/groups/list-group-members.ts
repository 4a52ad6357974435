import { db } from "../db";

export type AdminGroupMember = {
  id: string;
  username: string;
  name: string;
  email: string | null;
  state: string;
  /** Set when SCIM brought the user back after a deactivation. */
  reactivatedAt: Date | null;
};

export type AdminGroupPage = {
  group: { id: string; displayName: string; externalId: string | null; createdAt: Date; updatedAt: Date };
  total: number;
  members: AdminGroupMember[];
};

/** A group and one page of its members, ordered by username; null for an unknown group. */
export async function listGroupMembers(options: { groupId: string; page: number; perPage: number }): Promise<AdminGroupPage | null> {
  const { groupId, page, perPage } = options;
  const [group, total, rows] = await Promise.all([
    db.group.findUnique({ where: { id: groupId }, select: { id: true, displayName: true, externalId: true, createdAt: true, updatedAt: true } }),
    db.groupMembership.count({ where: { groupId } }),
    db.groupMembership.findMany({
      where: { groupId },
      select: {
        user: {
          select: { id: true, username: true, name: true, email: true, state: true, scimIdentity: { select: { reactivatedAt: true } } },
        },
      },
      orderBy: [{ user: { usernameNorm: "asc" } }, { userId: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
    }),
  ]);
  if (!group) return null;
  const members = rows.map(({ user: { scimIdentity, ...user } }) => ({ ...user, reactivatedAt: scimIdentity?.reactivatedAt ?? null }));
  return { group, total, members };
}
