import { redirect } from "next/navigation";
import { checkSession, sessionEndedPath } from "./check-session";
import type { SignedInUser } from "./judge-session";

/**
 * Pages for any signed-in user (admin or not) call this first: the same database check as requireAdmin(), so a
 * blocked user's session ends at its next request here too.
 */
export async function requireUser(callbackPath = "/account"): Promise<SignedInUser> {
  const state = await checkSession();
  if (state.status === "ended") redirect(sessionEndedPath());
  if (state.status === "none") redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return state.user;
}
