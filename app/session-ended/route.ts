import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { checkSession } from "@/lib/auth/check-session";
import { recordSessionEnded } from "@/lib/auth/record-session-ended";
import { config } from "@/lib/env";

// next-auth's session cookie, with the __Secure- prefix behind https and `.N` chunks for a large token.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Where requireUser()/requireAdmin() send a request whose session a block has ended: audits it (once per user and
 * session version), clears the cookie (pages cannot), and shows the sign-in page saying why. A live session is
 * left alone, so a link here cannot sign anyone out.
 */
export async function GET() {
  const { appUrl, secureCookies } = config();
  const state = await checkSession();
  if (state.status === "active") return NextResponse.redirect(`${appUrl}/`, 303);
  if (state.status === "ended") {
    await recordSessionEnded({
      userId: state.userId,
      tokenVersion: state.tokenVersion,
      reason: state.reason,
      username: state.user?.username,
      blockedReason: state.user?.blockedReason,
    });
  }
  const res = NextResponse.redirect(`${appUrl}/login${state.status === "ended" ? `?ended=${state.reason}` : ""}`, 303);
  for (const cookie of (await cookies()).getAll()) {
    if (SESSION_COOKIE.test(cookie.name)) {
      res.cookies.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies });
    }
  }
  return res;
}
