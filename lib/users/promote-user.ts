import { recordEvent } from "../audit/record-event";
import type { Db, User } from "../db";
import { db } from "../db";
import { DomainError } from "./errors";

/**
 * An admin makes another user an admin: from their next request on they reach the Admin Area (the role is read
 * from the database on every request, so no new sign-in is needed). Only an active user can be promoted; promoting
 * an admin is a no-op. Audit-logged as "user.promoted" in the same transaction.
 */
export async function promoteUser(
  options: { userId: string; admin: Pick<User, "id" | "username"> },
  client: Db = db,
): Promise<{ changed: boolean; username: string }> {
  const { userId, admin } = options;
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true, role: true, state: true, scimIdentity: { select: { id: true } } } });
    if (!user) throw new DomainError("not_found", "This user no longer exists.");
    if (user.role === "admin") return { changed: false, username: user.username };
    if (user.state !== "active") throw new DomainError("invalid", "Unblock this user before making them an admin.");
    // Conditional, so two admins promoting at once write one event.
    const { count } = await tx.user.updateMany({ where: { id: userId, role: { not: "admin" } }, data: { role: "admin" } });
    if (count === 0) return { changed: false, username: user.username };
    await recordEvent(
      {
        actor: { type: "user", id: admin.id, label: admin.username },
        action: "user.promoted",
        target: { type: "user", id: userId, label: user.username },
        details: { from: user.role, to: "admin", provisioned: Boolean(user.scimIdentity) },
      },
      tx,
    );
    return { changed: true, username: user.username };
  });
}
