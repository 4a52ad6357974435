import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/env";
import { undecodableScimPath } from "@/lib/scim-http/undecodable-path";

// An early, optimistic redirect for visitors without a session cookie. It proves nothing about the session's
// user: every admin page, action and handler still checks through requireAdmin().
export async function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith("/api/scim/")) return undecodableScimPath(req.nextUrl.pathname) ?? NextResponse.next();
  const { authSecret, secureCookies } = appConfig();
  const token = await getToken({ req, secret: authSecret, secureCookie: secureCookies });
  if (token) return NextResponse.next();
  const login = new URL("/login", req.nextUrl);
  login.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

// SCIM paths reach the proxy only when they hold a percent sign: every other SCIM request skips it.
export const config = { matcher: ["/admin/:path*", "/api/scim/:path(.*%.*)"] };
