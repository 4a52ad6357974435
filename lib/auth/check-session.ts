import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "../db";
import { judgeSession, type SessionState } from "./judge-session";
import { authOptions } from "./options";
import { readSignedInUser } from "./read-signed-in-user";

/**
 * The session of this request, checked against the database: one primary-key lookup of a few columns
 * (readSignedInUser; scripts/bench-session-check.ts measures it). Memoized per server render, so a layout and its
 * page share one lookup.
 */
export const checkSession = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return { status: "none" };
  const user = await readSignedInUser(db, id);
  return judgeSession(id, session.sessionVersion, user);
});

/** Where a request with an ended session is sent: a route that clears the cookie and says why. */
export function sessionEndedPath(): string {
  return "/session-ended";
}
