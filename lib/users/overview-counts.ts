import { db } from "../db";

export type OverviewCounts = { users: number; active: number; blocked: number; provisioned: number; activeTokens: number };

export async function overviewCounts(): Promise<OverviewCounts> {
  const [users, blocked, provisioned, activeTokens] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { state: "blocked" } }),
    db.scimIdentity.count({ where: { deletedAt: null } }),
    db.scimToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
  ]);
  return { users, active: users - blocked, blocked, provisioned, activeTokens };
}
