import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { throttledRetryAfter } from "../../lib/sign-in-throttle/throttled-error";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { startServer, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

const providers = await testProviders();

type Account = { email: string; password: string };
const WRONG = "not-the-password-at-all";

function attempt(server: TestServer, who: Account | string, password: string, address?: string) {
  const email = typeof who === "string" ? who : who.email;
  return new HttpSession(server.baseUrl).attemptSignIn(email, password, address ? { "x-forwarded-for": `198.51.100.77, ${address}` } : {});
}

async function lockoutEvents(server: TestServer, where: { scope: string; key: string }) {
  const db = createDb(server.database.url);
  try {
    const events = await db.auditEvent.findMany({ where: { action: "admin.sign_in_locked" }, orderBy: { at: "asc" } });
    return events
      .map((e) => ({ ...e, details: JSON.parse(e.details ?? "{}") as Record<string, unknown> }))
      .filter((e) => e.details.scope === where.scope && e.details[where.scope] === where.key);
  } finally {
    await db.$disconnect();
  }
}

async function createAdmins(server: TestServer, names: string[]): Promise<Record<string, Account>> {
  const accounts: Record<string, Account> = {};
  // One at a time: six CLI processes at once (each a tsx start and a bcrypt hash) outlast the CLI's timeout on a busy machine.
  for (const name of names) {
    const who = { email: `${name}-${server.database.provider}@example.com`, password: `${name} has a long password` };
    const result = await runCli(["create-admin", "--email", who.email, "--password", who.password], server.database.url);
    expect(result.code, result.stderr).toBe(0);
    accounts[name] = who;
  }
  return accounts;
}

describe.each(providers)("sign-in throttling behind a trusted proxy, two instances, on %s", (provider) => {
  // 3 failures per account, 6 per address, in 15 minutes; each test signs in from addresses of its own.
  const env = { TRUST_PROXY: "true", SIGNIN_MAX_FAILURES: "3", SIGNIN_MAX_FAILURES_PER_ADDRESS: "6", SIGNIN_WINDOW_MINUTES: "15" };
  let one: TestServer;
  let two: TestServer;
  let a: Record<string, Account>;

  beforeAll(async () => {
    one = await startServer(provider, env);
    two = await startServer(provider, env, { database: one.database });
    a = await createAdmins(one, ["alice", "bob", "carol", "dave", "erin", "frank"]);
  }, 180_000);
  afterAll(async () => {
    await two?.stop();
    await one?.stop();
  });

  it("locks an account after 3 failures, then refuses even the right password, from any address, without checking it", async () => {
    expect(await attempt(one, a.alice, WRONG, "203.0.113.1")).toEqual({ ok: false, error: "CredentialsSignin" });
    expect(await attempt(one, a.alice, WRONG, "203.0.113.1")).toEqual({ ok: false, error: "CredentialsSignin" });
    const third = await attempt(one, a.alice, WRONG, "203.0.113.1");
    expect(third.ok).toBe(false);
    const wait = throttledRetryAfter(third.error);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);

    const right = await attempt(one, a.alice, a.alice.password, "203.0.113.1");
    expect(right.ok).toBe(false);
    expect(throttledRetryAfter(right.error)).toBeGreaterThan(0);
    expect(throttledRetryAfter((await attempt(one, a.alice, a.alice.password, "203.0.113.2")).error)).toBeGreaterThan(0);

    // The password of a refused attempt is never looked at: only the three real failures were audited as such.
    const db = createDb(one.database.url);
    try {
      const failed = await db.auditEvent.findMany({ where: { action: "admin.sign_in_failed", targetLabel: { not: null } } });
      expect(failed.filter((e) => JSON.parse(e.details ?? "{}").email === a.alice.email)).toHaveLength(3);
    } finally {
      await db.$disconnect();
    }
  });

  it("records a lockout once, with account and address, never the password", async () => {
    for (let i = 0; i < 3; i++) await attempt(one, a.bob, WRONG, "203.0.113.10");
    for (let i = 0; i < 3; i++) await attempt(two, a.bob, a.bob.password, "203.0.113.10");
    const events = await lockoutEvents(one, { scope: "account", key: a.bob.email });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "system", targetType: "user", details: { account: a.bob.email, address: "203.0.113.10", level: 1, failures: 3 } });
    expect(JSON.stringify(events)).not.toContain(WRONG);
    expect(JSON.stringify(events)).not.toContain(a.bob.password);
  });

  it("lets another account in from the same address until the address reaches its own bound", async () => {
    const from = "203.0.113.20";
    for (let i = 0; i < 3; i++) await attempt(one, `ghost-${provider}-1@example.com`, WRONG, from);
    expect(throttledRetryAfter((await attempt(one, `ghost-${provider}-1@example.com`, WRONG, from)).error)).toBeGreaterThan(0);
    expect(await attempt(one, a.carol, a.carol.password, from)).toEqual({ ok: true, error: null });

    await attempt(one, `ghost-${provider}-2@example.com`, WRONG, from);
    await attempt(one, `ghost-${provider}-2@example.com`, WRONG, from);
    // The sixth failure from this address locks the address: everyone behind it is refused, right password or not.
    const sixth = await attempt(one, `ghost-${provider}-3@example.com`, WRONG, from);
    expect(throttledRetryAfter(sixth.error)).toBeGreaterThan(890);
    expect(throttledRetryAfter((await attempt(one, a.carol, a.carol.password, from)).error)).toBeGreaterThan(0);
    expect(throttledRetryAfter((await attempt(two, a.dave, a.dave.password, from)).error)).toBeGreaterThan(0);
    // From elsewhere, the same people get in.
    expect((await attempt(one, a.carol, a.carol.password, "203.0.113.21")).ok).toBe(true);
    const events = await lockoutEvents(one, { scope: "address", key: from });
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ scope: "address", address: from, account: `ghost-${provider}-3@example.com` });
  });

  it("forgets an account's failures when it signs in successfully", async () => {
    const from = "203.0.113.30";
    await attempt(one, a.dave, WRONG, from);
    await attempt(one, a.dave, WRONG, from);
    expect((await attempt(one, a.dave, a.dave.password, from)).ok).toBe(true);
    expect(await attempt(one, a.dave, WRONG, from)).toEqual({ ok: false, error: "CredentialsSignin" });
    expect(await attempt(one, a.dave, WRONG, from)).toEqual({ ok: false, error: "CredentialsSignin" });
    expect((await attempt(one, a.dave, a.dave.password, from)).ok).toBe(true);
  });

  it("shares the count between instances on one database", async () => {
    const from = "203.0.113.40";
    expect((await attempt(one, a.erin, WRONG, from)).error).toBe("CredentialsSignin");
    expect((await attempt(two, a.erin, WRONG, from)).error).toBe("CredentialsSignin");
    expect(throttledRetryAfter((await attempt(one, a.erin, WRONG, from)).error)).toBeGreaterThan(0);
    expect(throttledRetryAfter((await attempt(two, a.erin, a.erin.password, from)).error)).toBeGreaterThan(0);
  });

  it("writes one lockout however many instances and attempts race to it", async () => {
    const tries = Array.from({ length: 8 }, (_, i) => attempt(i % 2 ? two : one, a.frank, WRONG, `203.0.113.${50 + i}`));
    const results = await Promise.all(tries);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(throttledRetryAfter((await attempt(two, a.frank, a.frank.password, "203.0.113.60")).error)).toBeGreaterThan(0);
    expect(await lockoutEvents(one, { scope: "account", key: a.frank.email })).toHaveLength(1);
  });

  it("never writes a password to its output", () => {
    for (const server of [one, two]) {
      expect(server.output()).not.toContain(WRONG);
      for (const who of Object.values(a)) expect(server.output()).not.toContain(who.password);
    }
  });
});

describe.each(providers)("sign-in throttling without a trusted proxy, short window, on %s", (provider) => {
  // A 6-second window, so lockouts end within the test.
  let server: TestServer;
  let a: Record<string, Account>;

  beforeAll(async () => {
    server = await startServer(provider, { SIGNIN_MAX_FAILURES: "2", SIGNIN_MAX_FAILURES_PER_ADDRESS: "4", SIGNIN_WINDOW_MINUTES: "0.1" });
    a = await createAdmins(server, ["gina", "hank"]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("ends a lockout after the window, doubles the next one, and prunes old failures", async () => {
    await attempt(server, a.gina, WRONG);
    const locked = await attempt(server, a.gina, WRONG);
    expect(throttledRetryAfter(locked.error)).toBeLessThanOrEqual(6);
    await new Promise((r) => setTimeout(r, 6_500));
    expect((await attempt(server, a.gina, a.gina.password)).ok).toBe(true);

    // A success forgets the account's lockouts; two lockouts in a row without one grow: 6 s, then 12 s.
    await attempt(server, a.gina, WRONG);
    await attempt(server, a.gina, WRONG);
    await new Promise((r) => setTimeout(r, 6_500));
    await attempt(server, a.gina, WRONG);
    const second = await attempt(server, a.gina, WRONG);
    expect(throttledRetryAfter(second.error)).toBeGreaterThan(6);
    expect(throttledRetryAfter(second.error)).toBeLessThanOrEqual(12);
    const events = await lockoutEvents(server, { scope: "account", key: a.gina.email });
    expect(events.map((e) => e.details.level)).toEqual([1, 1, 2]);

    const db = createDb(server.database.url);
    try {
      const oldest = await db.signInFailure.findFirst({ orderBy: { at: "asc" } });
      expect(Date.now() - oldest!.at.getTime()).toBeLessThan(2 * 6_000 + 1_000);
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("counts failures against the connection's address, whatever X-Forwarded-For claims", async () => {
    // Each claims to come from elsewhere; without TRUST_PROXY they all count against 127.0.0.1.
    for (let i = 0; i < 4; i++) await attempt(server, `nobody-${i}@example.com`, WRONG, `192.0.2.${i}`);
    const refused = await attempt(server, a.hank, a.hank.password, "192.0.2.200");
    expect(throttledRetryAfter(refused.error)).toBeGreaterThan(0);
    const events = await lockoutEvents(server, { scope: "address", key: "127.0.0.1" });
    expect(events).toHaveLength(1);
  }, 30_000);
});
