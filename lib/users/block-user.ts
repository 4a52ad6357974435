import type { User } from "../db";
import { db } from "../db";
import { DomainError } from "./errors";
import { setUserActive } from "./set-user-active";
import { lockRow } from "../db/lock-row";

/**
 * An admin blocks or unblocks a user by hand. Goes through setUserActive (source "admin") so the user's state,
 * its SCIM identity (SCIM then reports `active: false`), the end of its sessions and the audit event change
 * together. Returns whether anything changed (blocking a blocked user is a no-op).
 */
export async function setUserBlockedByAdmin(options: {
  userId: string;
  blocked: boolean;
  reason?: string;
  admin: Pick<User, "id" | "username">;
}): Promise<{ changed: boolean; username: string }> {
  const { userId, blocked, admin } = options;
  const reason = options.reason?.trim() || undefined;
  if (blocked && !reason) throw new DomainError("invalid", "Give a reason for blocking this user.");
  if (blocked && userId === admin.id) throw new DomainError("invalid", "You cannot block your own account.");
  return db.$transaction(async (tx) => {
    await lockRow(tx, "User", userId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true } });
    if (!user) throw new DomainError("not_found", "This user no longer exists.");
    const changed = await setUserActive(tx, {
      userId,
      active: !blocked,
      source: "admin",
      actor: { type: "user", id: admin.id, label: admin.username },
      reason,
    });
    return { changed, username: user.username };
  });
}
