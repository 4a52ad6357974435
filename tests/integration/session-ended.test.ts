import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { setUserActive } from "../../lib/users/set-user-active";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { startServer, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

const providers = await testProviders();

describe.each(providers)("sessions ended by a block, over HTTP on %s", (provider) => {
  let server: TestServer;
  let db: Db;
  const blocker = { email: `blocker-${provider}@example.com`, password: "correct horse battery staple" };
  const admin = { email: `blocked-${provider}@example.com`, password: "another long password!" };

  beforeAll(async () => {
    server = await startServer(provider);
    for (const who of [blocker, admin]) {
      const result = await runCli(["create-admin", "--email", who.email, "--password", who.password], server.database.url);
      expect(result.code, result.stderr).toBe(0);
    }
    db = createDb(server.database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("ends an admin's session at the next request once another admin blocks them, clears the cookie and audits it once", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(admin.email, admin.password)).toBe(true);
    expect((await session.fetch("/admin")).status).toBe(200);
    const staleCookie = session.getCookie("next-auth.session-token")!;

    const [by, target] = await Promise.all([blocker, admin].map((w) => db.user.findUniqueOrThrow({ where: { emailNorm: w.email } })));
    await db.$transaction((tx) =>
      setUserActive(tx, { userId: target.id, active: false, source: "admin", actor: { type: "user", id: by.id, label: by.username }, reason: "left the company" }),
    );

    const page = await session.fetch("/admin/users");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("/session-ended");
    const ended = await session.fetch("/session-ended");
    expect(ended.status).toBe(303);
    expect(ended.headers.get("location")).toBe(`${server.baseUrl}/login?ended=blocked`);
    expect(session.getCookie("next-auth.session-token")).toBeUndefined();
    const login = await session.fetch("/login?ended=blocked");
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("your account has been blocked");

    // Another browser still holding the old cookie: sent the same way, and no second event.
    const other = new HttpSession(server.baseUrl);
    other.setCookie("next-auth.session-token", staleCookie);
    expect((await other.fetch("/account")).headers.get("location")).toBe("/session-ended");
    expect((await other.fetch("/session-ended")).status).toBe(303);
    const events = await db.auditEvent.findMany({ where: { action: "user.session_ended", targetId: target.id } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].details!)).toEqual({ reason: "blocked", sessionVersion: 0, blockedReason: "left the company" });

    // A blocked admin cannot sign in with a password either.
    expect(await new HttpSession(server.baseUrl).signIn(admin.email, admin.password)).toBe(false);
  });

  it("leaves a live session alone at /session-ended, and sends visitors without one to /login", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(blocker.email, blocker.password)).toBe(true);
    const res = await session.fetch("/session-ended");
    expect(res.headers.get("location")).toBe(`${server.baseUrl}/`);
    expect(session.getCookie("next-auth.session-token")).toBeDefined();
    expect((await session.fetch("/admin")).status).toBe(200);
    expect((await new HttpSession(server.baseUrl).fetch("/session-ended")).headers.get("location")).toBe(`${server.baseUrl}/login`);
  });

  it("routes / by role: admins to the Admin Area, others to their account, visitors to sign-in", async () => {
    const session = new HttpSession(server.baseUrl);
    expect(await session.signIn(blocker.email, blocker.password)).toBe(true);
    expect((await session.fetch("/")).headers.get("location")).toBe("/admin");
    const member = { email: `member-${provider}@example.com`, password: "yet another long one" };
    expect((await runCli(["create-user", "--email", member.email, "--password", member.password], server.database.url)).code).toBe(0);
    const memberSession = new HttpSession(server.baseUrl);
    expect(await memberSession.signIn(member.email, member.password)).toBe(true);
    expect((await memberSession.fetch("/")).headers.get("location")).toBe("/account");
    const account = await memberSession.fetch("/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("A local account");
    expect((await fetch(`${server.baseUrl}/`, { redirect: "manual" })).headers.get("location")).toBe("/login");
  });
});
