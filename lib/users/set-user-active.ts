import { recordEvent, type Actor, type AuditAction } from "../audit/record-event";
import type { Tx } from "../db";
import { increment, updateRow } from "../db/sql-rows";
import type { IdentityStamp } from "./scim-user-query";

export type StateSource = "scim" | "scim_delete" | "admin";

const ACTIONS: Record<StateSource, { block: AuditAction; unblock: AuditAction }> = {
  scim: { block: "user.deactivated", unblock: "user.reactivated" },
  scim_delete: { block: "user.deprovisioned", unblock: "user.reactivated" },
  admin: { block: "user.blocked", unblock: "user.unblocked" },
};

/**
 * The one way a user is blocked or unblocked, whoever asks: the user's state, its SCIM identity, the end of its
 * sessions and the audit event change together, in the caller's transaction. Returns null when nothing changed,
 * else the identity's new version and modification time (null for a user without one).
 */
export type UserState = {
  state: string;
  username: string;
  scimIdentity: { id: string; active: boolean; deletedAt: Date | null } | null;
};

export async function setUserActive(
  tx: Tx,
  options: { userId: string; active: boolean; source: StateSource; actor: Actor; reason?: string; current?: UserState },
): Promise<{ identity: IdentityStamp | null } | null> {
  const { userId, active, source, actor, reason } = options;
  // A caller that has just read the user in this transaction passes what it read, saving the query.
  const user: UserState =
    options.current ??
    (await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { state: true, username: true, scimIdentity: { select: { id: true, active: true, deletedAt: true } } },
    }));
  const isActive = user.state === "active";
  if (isActive === active && (source !== "scim_delete" || !user.scimIdentity || user.scimIdentity.deletedAt)) return null;
  const now = new Date();
  // Plain SQL: deactivate and reactivate are what an IdP sends most after lookups.
  if (isActive !== active) {
    await updateRow(
      tx,
      "User",
      userId,
      active
        ? { state: "active", blockedAt: null, blockedReason: null, updatedAt: now }
        : { state: "blocked", blockedAt: now, blockedReason: reason ?? null, sessionVersion: increment(1), updatedAt: now },
      ["id"],
    );
  }
  let identity: IdentityStamp | null = null;
  if (user.scimIdentity) {
    const row = await updateRow(
      tx,
      "ScimIdentity",
      user.scimIdentity.id,
      {
        active,
        version: increment(1),
        updatedAt: now,
        ...(active ? (user.scimIdentity.active ? {} : { reactivatedAt: now }) : { deactivatedAt: now }),
        ...(source === "scim_delete" ? { deletedAt: now } : {}),
      },
      ["version"],
    );
    identity = { version: Number(row?.version), updatedAt: now };
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
  return { identity };
}
