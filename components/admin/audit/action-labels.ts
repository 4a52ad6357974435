import type { AuditAction } from "@/lib/audit/record-event";

/** A human-readable label for every audit action (a new action fails type-checking until it has one). */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "admin.created": "Admin created",
  "admin.signed_in": "Admin signed in",
  "admin.sign_in_failed": "Sign-in failed",
  "admin.sign_in_locked": "Sign-in locked out",
  "user.created": "User created",
  "user.linked": "User linked to IdP",
  "user.updated": "User updated",
  "user.deactivated": "User deactivated",
  "user.reactivated": "User reactivated",
  "user.deprovisioned": "User deprovisioned",
  "user.blocked": "User blocked",
  "user.unblocked": "User unblocked",
  "user.signed_in": "User signed in (SSO)",
  "user.sign_in_refused": "SSO sign-in refused",
  "user.session_ended": "Session ended by block",
  "user.promoted": "User promoted to admin",
  "group.created": "Group created",
  "group.updated": "Group updated",
  "group.deleted": "Group deleted",
  "group.members_changed": "Group members changed",
  "scim_token.generated": "SCIM token generated",
  "scim_token.grace_started": "SCIM token grace period started",
  "scim_token.revoked": "SCIM token revoked",
};

export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(ACTION_LABELS, value);
}

/** The label of an action, or the raw name for one recorded by a newer or older build. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? ACTION_LABELS[action] : action;
}

const ACTOR_TYPES: Record<string, string> = { user: "User", scim_token: "SCIM token", system: "System" };

export function actorTypeLabel(type: string): string {
  return ACTOR_TYPES[type] ?? type;
}
