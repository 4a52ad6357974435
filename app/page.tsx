import { redirect } from "next/navigation";
import { checkSession, sessionEndedPath } from "@/lib/auth/check-session";

/** Admins go to the Admin Area, other signed-in users to their account, everyone else to sign-in. */
export default async function Home() {
  const state = await checkSession();
  if (state.status === "ended") redirect(sessionEndedPath());
  if (state.status === "none") redirect("/login");
  redirect(state.user.role === "admin" ? "/admin" : "/account");
}
