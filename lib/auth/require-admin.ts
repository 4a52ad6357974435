import { forbidden, redirect } from "next/navigation";
import { checkSession, sessionEndedPath } from "./check-session";
import type { SignedInUser } from "./judge-session";

/**
 * The signed-in user, read fresh from the database, or null. A session whose user was deleted, blocked or had
 * its sessions ended (sessionVersion bumped) since the cookie was issued counts as no session.
 */
export async function currentUser(): Promise<SignedInUser | null> {
  const state = await checkSession();
  return state.status === "active" ? state.user : null;
}

/**
 * Every admin page, server action and admin route handler calls this first: anonymous → /login, a session
 * ended by a block → /session-ended (which clears it and says why), signed in but not an admin → 403.
 * proxy.ts only redirects early; this is the check that counts.
 */
export async function requireAdmin(callbackPath = "/admin"): Promise<SignedInUser> {
  const state = await checkSession();
  if (state.status === "ended") redirect(sessionEndedPath());
  if (state.status === "none") redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (state.user.role !== "admin") forbidden();
  return state.user;
}
