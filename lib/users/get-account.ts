import type { ScimIdentity, User, UserEmail } from "../db";
import { db } from "../db";

export type Account = {
  user: Omit<User, "passwordHash">;
  /** Null for a local account (an admin made with the CLI). */
  identity: Pick<ScimIdentity, "userName" | "externalId" | "active" | "createdAt" | "updatedAt"> | null;
  emails: Pick<UserEmail, "id" | "value" | "type" | "primary">[];
  groups: { id: string; displayName: string }[];
};

/** What "Your account" shows a signed-in user about themselves: the profile as provisioned, and their groups. */
export async function getAccount(options: { userId: string }): Promise<Account | null> {
  const user = await db.user.findUnique({
    where: { id: options.userId },
    omit: { passwordHash: true },
    include: {
      scimIdentity: { select: { userName: true, externalId: true, active: true, createdAt: true, updatedAt: true } },
      emails: { orderBy: { position: "asc" }, select: { id: true, value: true, type: true, primary: true } },
      groupMemberships: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { group: { displayNameNorm: "asc" } } },
    },
  });
  if (!user) return null;
  const { scimIdentity, emails, groupMemberships, ...rest } = user;
  return { user: rest, identity: scimIdentity, emails, groups: groupMemberships.map((m) => m.group) };
}
