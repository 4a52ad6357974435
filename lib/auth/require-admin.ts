import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db, type User } from "../db";
import { authOptions } from "./options";

export type SignedIn = { user: User };

/**
 * The signed-in user, read fresh from the database, or null. A session whose user was deleted, blocked or had
 * its sessions ended (sessionVersion bumped) since the cookie was issued counts as no session.
 */
export async function currentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || user.state !== "active") return null;
  if (session.sessionVersion !== user.sessionVersion) return null;
  return user;
}

/**
 * Every admin page, server action and admin route handler calls this first: anonymous → /login,
 * signed in but not an admin → 403. proxy.ts only redirects early; this is the check that counts.
 */
export async function requireAdmin(callbackPath = "/admin"): Promise<User> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  if (user.role !== "admin") forbidden();
  return user;
}
