import { recordEvent, type Actor, type AuditAction } from "../audit/record-event";
import type { Tx } from "../db";

export type StateSource = "scim" | "scim_delete" | "admin";

const ACTIONS: Record<StateSource, { block: AuditAction; unblock: AuditAction }> = {
  scim: { block: "user.deactivated", unblock: "user.reactivated" },
  scim_delete: { block: "user.deprovisioned", unblock: "user.reactivated" },
  admin: { block: "user.blocked", unblock: "user.unblocked" },
};

/**
 * The one way a user is blocked or unblocked, whoever asks: the user's state, its SCIM identity, the end of its
 * sessions and the audit event change together, in the caller's transaction. Returns whether anything changed.
 */
export type UserState = {
  state: string;
  username: string;
  scimIdentity: { id: string; active: boolean; deletedAt: Date | null } | null;
};

export async function setUserActive(
  tx: Tx,
  options: { userId: string; active: boolean; source: StateSource; actor: Actor; reason?: string; current?: UserState },
): Promise<boolean> {
  const { userId, active, source, actor, reason } = options;
  // A caller that has just read the user in this transaction passes what it read, saving the query.
  const user: UserState =
    options.current ??
    (await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { state: true, username: true, scimIdentity: { select: { id: true, active: true, deletedAt: true } } },
    }));
  const isActive = user.state === "active";
  if (isActive === active && (source !== "scim_delete" || !user.scimIdentity || user.scimIdentity.deletedAt)) return false;
  const now = new Date();
  if (isActive !== active) {
    await tx.user.update({
      where: { id: userId },
      data: active
        ? { state: "active", blockedAt: null, blockedReason: null }
        : { state: "blocked", blockedAt: now, blockedReason: reason ?? null, sessionVersion: { increment: 1 } },
    });
  }
  if (user.scimIdentity) {
    await tx.scimIdentity.update({
      where: { id: user.scimIdentity.id },
      data: {
        active,
        version: { increment: 1 },
        ...(active ? { reactivatedAt: user.scimIdentity.active ? undefined : now } : { deactivatedAt: now }),
        ...(source === "scim_delete" ? { deletedAt: now } : {}),
      },
    });
  }
  // Deprovisioning hides the user from its groups' member lists: their ETags move (a re-add does the same).
  if (source === "scim_delete") {
    await tx.group.updateMany({ where: { members: { some: { userId } } }, data: { version: { increment: 1 } } });
  }
  await recordEvent(
    {
      actor,
      action: active ? ACTIONS[source].unblock : ACTIONS[source].block,
      target: { type: "user", id: userId, label: user.username },
      details: reason ? { reason } : undefined,
    },
    tx,
  );
  return true;
}
