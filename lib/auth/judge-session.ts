import type { User } from "../db";

/** The columns the session check reads: what pages and actions need of the signed-in user, and no more. */
export const SIGNED_IN_COLUMNS = {
  id: true,
  username: true,
  email: true,
  name: true,
  role: true,
  state: true,
  sessionVersion: true,
  blockedReason: true,
} as const;

export type SignedInUser = Pick<User, keyof typeof SIGNED_IN_COLUMNS>;

export type SessionEndReason = "blocked" | "deleted" | "revoked";

/** What a session cookie is worth once its user has been read from the database. */
export type SessionState =
  | { status: "none" }
  | { status: "active"; user: SignedInUser }
  | { status: "ended"; userId: string; tokenVersion: number; reason: SessionEndReason; user: SignedInUser | null };

/**
 * A session lives while its user exists, is active and has the sessionVersion the cookie was issued with:
 * setUserActive bumps the version on every block, so a block ends every session at its next request, and a
 * later reactivation does not bring the old sessions back (the user signs in again).
 */
export function judgeSession(userId: string, tokenVersion: number | undefined, user: SignedInUser | null): SessionState {
  const version = tokenVersion ?? -1;
  if (!user) return { status: "ended", userId, tokenVersion: version, reason: "deleted", user: null };
  if (user.state !== "active") return { status: "ended", userId, tokenVersion: version, reason: "blocked", user };
  if (version !== user.sessionVersion) return { status: "ended", userId, tokenVersion: version, reason: "revoked", user };
  return { status: "active", user };
}
