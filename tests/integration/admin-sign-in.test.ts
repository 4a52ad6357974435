import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { startServer, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

const providers = await testProviders();

describe.each(providers)("admin sign-in over HTTP on %s", (provider) => {
  let server: TestServer;
  const admin = { email: `admin-${provider}@example.com`, password: "correct horse battery staple" };
  const member = { email: `member-${provider}@example.com`, password: "another long password" };

  beforeAll(async () => {
    server = await startServer(provider);
    const a = await runCli(["create-admin", "--email", admin.email, "--password", admin.password], server.database.url);
    expect(a.code, a.stderr).toBe(0);
    const m = await runCli(["create-user", "--email", member.email, "--password", member.password], server.database.url);
    expect(m.code, m.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves /api/health and /login", async () => {
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const login = await fetch(`${server.baseUrl}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in");
  });

  it("redirects an anonymous visitor from /admin to /login", async () => {
    const res = await fetch(`${server.baseUrl}/admin`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/\/login\?callbackUrl=%2Fadmin$/);
  });

  it("lets an admin in, and out again", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(admin.email.toUpperCase(), admin.password)).toBe(true);
    const page = await session.fetch("/admin");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Overview");
    const csrf = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await session.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
    });
    expect((await session.fetch("/admin")).status).toBe(307);
  });

  it("refuses a wrong password and an unknown account, and audits both", async () => {
    expect(await new HttpSession(server.baseUrl).signIn(admin.email, "wrong password!!")).toBe(false);
    expect(await new HttpSession(server.baseUrl).signIn("nobody@example.com", admin.password)).toBe(false);
    const db = createDb(server.database.url);
    try {
      const failures = await db.auditEvent.findMany({ where: { action: "admin.sign_in_failed" }, orderBy: { at: "asc" } });
      const reasons = failures.map((e) => JSON.parse(e.details ?? "{}").reason);
      expect(reasons).toEqual(expect.arrayContaining(["wrong password", "unknown account"]));
      expect(JSON.stringify(failures)).not.toContain(admin.password);
    } finally {
      await db.$disconnect();
    }
  });

  it("answers a signed-in non-admin with 403", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(member.email, member.password)).toBe(true);
    const res = await session.fetch("/admin");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("You need to be an administrator");
  });

  it("treats a tampered session cookie as no session", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(admin.email, admin.password)).toBe(true);
    const token = session.getCookie("next-auth.session-token")!;
    session.setCookie("next-auth.session-token", `${token.slice(0, -4)}AAAA`);
    const res = await session.fetch("/admin");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("never writes a password to its output", () => {
    expect(server.output()).not.toContain(admin.password);
    expect(server.output()).not.toContain(member.password);
  });
});

describe.runIf(providers.includes("postgresql"))("health when the database goes away", () => {
  it("answers 503 with Retry-After on health and SCIM, shows admins a clear page, then recovers by itself", async () => {
    const server = await startServer("postgresql");
    try {
      const token = (await runCli(["scim-token", "generate"], server.database.url)).stdout.trim();
      const credentials = { email: "outage-admin@example.com", password: "outage-Passw0rd-long-enough" };
      expect((await runCli(["create-admin", "--email", credentials.email, "--password", credentials.password], server.database.url)).code).toBe(0);
      const session = new HttpSession(server.baseUrl);
      expect(await session.signIn(credentials.email, credentials.password)).toBe(true);
      const scim = () => fetch(`${server.baseUrl}/api/scim/v2/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await scim()).status).toBe(200);
      const pg = await import("pg");
      const url = new URL(server.database.url);
      const name = url.pathname.slice(1);
      const renamed = `${name}_away`;
      const admin = new pg.default.Client({ connectionString: url.toString().replace(`/${name}`, "/postgres") });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${name}" RENAME TO "${renamed}"`).catch(async () => {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
        await admin.query(`ALTER DATABASE "${name}" RENAME TO "${renamed}"`);
      });
      const down = await fetch(`${server.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBeTruthy();
      const refused = await scim();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBeTruthy();
      expect(refused.headers.get("content-type")).toContain("application/scim+json");
      expect(await refused.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "503" });
      // The Admin Area says what is going on instead of a bare framework error.
      const adminPage = await session.fetch("/admin");
      expect(adminPage.status).toBe(200);
      const html = await adminPage.text();
      expect(html).toContain("This page could not be loaded");
      expect(html).toContain("works again by");
      await admin.query(`ALTER DATABASE "${renamed}" RENAME TO "${name}"`);
      await admin.end();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await fetch(`${server.baseUrl}/api/health`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      expect((await scim()).status).toBe(200);
      const back = await session.fetch("/admin");
      expect(back.status).toBe(200);
      expect(await back.text()).toContain("Overview");
    } finally {
      await server.stop();
    }
  }, 90_000);
});
