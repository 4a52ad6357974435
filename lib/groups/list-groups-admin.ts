import { db } from "../db";

export type AdminGroupRow = {
  id: string;
  displayName: string;
  externalId: string | null;
  memberCount: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The Admin Area's groups table: one page of groups, optionally those whose name contains `q` (through the
 * lowercase copy, so it is case-insensitive on both databases), with member counts for that page only — one
 * groupBy, members never loaded.
 */
export async function listGroupsAdmin(options: { q?: string; page: number; perPage: number }): Promise<{ total: number; groups: AdminGroupRow[] }> {
  const { page, perPage } = options;
  const q = options.q?.trim().toLowerCase();
  const where = q ? { displayNameNorm: { contains: q } } : {};
  const [total, groups] = await Promise.all([
    db.group.count({ where }),
    db.group.findMany({
      where,
      select: { id: true, displayName: true, externalId: true, createdAt: true, updatedAt: true },
      orderBy: [{ displayNameNorm: "asc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
    }),
  ]);
  if (groups.length === 0) return { total, groups: [] };
  const counts = await db.groupMembership.groupBy({
    by: ["groupId"],
    where: { groupId: { in: groups.map((g) => g.id) } },
    _count: { _all: true },
  });
  const byGroup = new Map(counts.map((c) => [c.groupId, c._count._all]));
  return { total, groups: groups.map((g) => ({ ...g, memberCount: byGroup.get(g.id) ?? 0 })) };
}
