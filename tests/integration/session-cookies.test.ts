import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { startServer, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

// Cookie attributes come from next-auth's options, not from the database: SQLite alone shows them.
const admin = { email: "cookie-admin@example.com", password: "a long enough password" };

/** Signs in and returns the Set-Cookie lines of the credentials callback, by cookie name. */
async function signInCookies(server: TestServer): Promise<Map<string, string>> {
  const session = new HttpSession(server.baseUrl);
  const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, ...admin, json: "true" }),
  });
  return new Map(res.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line]));
}

function attributes(line: string | undefined): string[] {
  expect(line).toBeDefined();
  return line!.split(";").slice(1).map((part) => part.trim().toLowerCase());
}

describe.each([
  { name: "over http", appUrl: undefined, cookie: "next-auth.session-token", secure: false },
  { name: "behind https", appUrl: "https://scim.example.test", cookie: "__Secure-next-auth.session-token", secure: true },
])("the session cookie $name", ({ appUrl, cookie, secure }) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer("sqlite", appUrl ? { APP_URL: appUrl, NEXTAUTH_URL: appUrl } : {});
    const created = await runCli(["create-admin", "--email", admin.email, "--password", admin.password], server.database.url);
    expect(created.code, created.stderr).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it(`is ${cookie}: httpOnly, SameSite=Lax, Path=/${secure ? ", Secure" : ", not Secure"}`, async () => {
    const cookies = await signInCookies(server);
    const attrs = attributes(cookies.get(cookie));
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
    expect(attrs.includes("secure")).toBe(secure);
    // No cookie of the other naming scheme is set alongside.
    expect([...cookies.keys()].filter((name) => name.endsWith("session-token"))).toEqual([cookie]);
  });
});
