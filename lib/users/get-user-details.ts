import type { AuditEvent, ScimIdentity, User, UserEmail } from "../db";
import { db } from "../db";

export const TIMELINE_LIMIT = 50;

export type UserDetails = {
  user: Omit<User, "passwordHash">;
  scimIdentity: ScimIdentity | null;
  emails: UserEmail[];
  groups: { id: string; displayName: string }[];
  /** The user's audit events, newest first, at most TIMELINE_LIMIT. */
  timeline: AuditEvent[];
};

/** Everything the Admin Area's user page shows, or null for an unknown id. */
export async function getUserDetails(options: { id: string }): Promise<UserDetails | null> {
  const { id } = options;
  const [user, timeline] = await Promise.all([
    db.user.findUnique({
      where: { id },
      omit: { passwordHash: true },
      include: {
        scimIdentity: true,
        emails: { orderBy: { position: "asc" } },
        groupMemberships: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { group: { displayNameNorm: "asc" } } },
      },
    }),
    db.auditEvent.findMany({
      where: { targetType: "user", targetId: id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
    }),
  ]);
  if (!user) return null;
  const { scimIdentity, emails, groupMemberships, ...rest } = user;
  return { user: rest, scimIdentity, emails, groups: groupMemberships.map((m) => m.group), timeline };
}
