import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/env";

// An early, optimistic redirect for visitors without a session cookie. It proves nothing about the session's
// user: every admin page, action and handler still checks through requireAdmin().
export async function proxy(req: NextRequest) {
  const { authSecret, secureCookies } = appConfig();
  const token = await getToken({ req, secret: authSecret, secureCookie: secureCookies });
  if (token) return NextResponse.next();
  const login = new URL("/login", req.nextUrl);
  login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*"] };
