// "No way in without a key": every SCIM route, every Admin Area page, route handler and server action, asked
// with every kind of missing, wrong, stale or forged credential. Routes, pages and actions are found on the
// filesystem (and, for action ids, in the build's server-reference manifest) at test time, so a new one cannot
// escape the matrix.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { hashToken, newToken } from "../../lib/scim-tokens/token-format";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { URN, SCIM_MEDIA_TYPE } from "../support/scim-client";
import { generateToken, simpleUser } from "../support/scim-test-helpers";
import { startServer, TEST_AUTH_SECRET, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

const providers = await testProviders();
const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const SESSION_COOKIE = "next-auth.session-token";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// ---------------------------------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------------------------------

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

/** The URL path a file under app/ serves: route groups dropped, [id] → a random uuid, [...rest] → "nope". */
function urlOf(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => (/^\[\[?\.\.\..+\]\]?$/.test(s) ? "nope" : /^\[.+\]$/.test(s) ? crypto.randomUUID() : s));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route file exports: `export const GET`, `export (async) function POST`, `export { GET, … }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const names = HTTP_METHODS.join("|");
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+(${names})\\b`, "g"))) found.add(m[1]);
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*(${names})\\b`, "g"))) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

type Route = { file: string; url: string; methods: string[] };

function routesUnder(dir: string, keep: (relFile: string) => boolean = () => true): Route[] {
  return walk(dir)
    .filter((f) => /\/route\.(ts|tsx|js|mjs)$/.test(f) && keep(rel(f)))
    .sort()
    .map((file) => ({ file: rel(file), url: urlOf(file), methods: exportedMethods(fs.readFileSync(file, "utf8")) }));
}

const scimRoutes = routesUnder(path.join(appDir, "api/scim/v2"));
const adminPages = walk(path.join(appDir, "admin"))
  .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
  .sort()
  .map((file) => ({ file: rel(file), url: urlOf(file) }));
const otherRoutes = routesUnder(appDir, (f) => !/^app\/api\/(scim|auth|health)(\/|$)/.test(f));

/** Every exported function of every "use server" file under app/. */
type ServerAction = { file: string; name: string };
const serverActions: ServerAction[] = walk(appDir)
  .filter((f) => /\.(ts|tsx|js|jsx)$/.test(f))
  .filter((f) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")))
  .sort()
  .flatMap((f) => {
    const source = fs.readFileSync(f, "utf8");
    const names = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]);
    for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=\s*(?:async\b|\()/g)) names.add(m[1]);
    return [...names].map((name) => ({ file: rel(f), name }));
  });

/** Action ids from the build: `<distDir>/server/server-reference-manifest.json` maps id → file and export. */
function actionIds(): Map<string, { id: string; workers: string[] }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const byName = new Map<string, { id: string; workers: string[] }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) byName.set(`${entry.filename}#${entry.exportedName}`, { id, workers: Object.keys(entry.workers) });
  }
  return byName;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

async function withDb<T>(server: TestServer, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(server.database.url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit = 8): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/** A character-flipped copy of a base64url string at `index`. */
function flipAt(value: string, index: number): string {
  const c = value[index];
  const replacement = c === "A" ? "B" : "A";
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

// What only the Admin Area shows: its navigation heading, the signed-in admin header, the token panel.
const ADMIN_MARKERS = [">Admin Area</div>", 'aria-label="Signed in as"', "Generate a SCIM token", "SCIM API endpoint"];

// ---------------------------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------------------------

describe("discovery", () => {
  it("finds the SCIM routes, admin pages and server actions on the filesystem", () => {
    expect(scimRoutes.length).toBeGreaterThanOrEqual(10);
    for (const r of scimRoutes) expect(r.methods.length, `${r.file} exports no HTTP method the parser recognises`).toBeGreaterThan(0);
    expect(adminPages.length).toBeGreaterThanOrEqual(7);
    expect(serverActions.length).toBeGreaterThanOrEqual(5);
  });
});

describe.each(providers)("auth matrix on %s", (provider) => {
  let server: TestServer;
  let liveToken: string;
  let revokedToken: string;
  let expiredToken: string;
  let graceEndedToken: string;
  const admin = { email: `admin-${provider}@example.com`, password: "correct horse battery staple" };
  const member = { email: `member-${provider}@example.com`, password: "another long password" };
  const target = { email: `target-${provider}@example.com`, password: "a third long password!" };
  let adminCookie: string;
  let memberCookie: string;
  let memberId: string;
  let targetId: string;

  beforeAll(async () => {
    server = await startServer(provider);
    // Both tokens before the server sees the first one: its verdict cache cannot hold a stale "valid".
    revokedToken = await generateToken(server);
    liveToken = await generateToken(server);
    expiredToken = newToken().token;
    graceEndedToken = newToken().token;
    await withDb(server, async (db) => {
      // A token whose expiry passed, and a previous token whose grace period ended (what that leaves behind is the
      // same shape: expiresAt in the past, revokedAt null).
      await db.scimToken.create({ data: { hash: hashToken(expiredToken), prefix: expiredToken.slice(0, 12), expiresAt: new Date(Date.now() - 1000) } });
      await db.scimToken.create({ data: { hash: hashToken(graceEndedToken), prefix: graceEndedToken.slice(0, 12), expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 86_400_000) } });
    });
    for (const [cmd, who] of [["create-admin", admin], ["create-user", member], ["create-user", target]] as const) {
      const r = await runCli([cmd, "--email", who.email, "--password", who.password], server.database.url);
      expect(r.code, r.stderr).toBe(0);
    }
    const a = new HttpSession(server.baseUrl);
    expect(await a.signIn(admin.email, admin.password)).toBe(true);
    adminCookie = a.getCookie(SESSION_COOKIE)!;
    const m = new HttpSession(server.baseUrl);
    expect(await m.signIn(member.email, member.password)).toBe(true);
    memberCookie = m.getCookie(SESSION_COOKIE)!;
    await withDb(server, async (db) => {
      memberId = (await db.user.findFirstOrThrow({ where: { emailNorm: member.email } })).id;
      targetId = (await db.user.findFirstOrThrow({ where: { emailNorm: target.email } })).id;
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Sessions that must never reach the Admin Area. `kind` says what refusal to expect. */
  async function badSessions(): Promise<{ label: string; kind: "anonymous" | "non-admin"; session: () => HttpSession }[]> {
    const payload = await decode({ token: adminCookie, secret: TEST_AUTH_SECRET });
    expect(payload?.sub ?? payload?.email, "the admin cookie decodes").toBeTruthy();
    const expired = await encode({ token: payload!, secret: TEST_AUTH_SECRET, maxAge: -3600 });
    const forged = await encode({ token: payload!, secret: "some-other-secret-0123456789abcdefghijklmn", maxAge: 3600 });
    const mid = Math.floor(adminCookie.length / 2);
    const withCookie = (value: string | null) => () => {
      const s = new HttpSession(server.baseUrl);
      if (value !== null) s.setCookie(SESSION_COOKIE, value);
      return s;
    };
    return [
      { label: "anonymous", kind: "anonymous", session: withCookie(null) },
      { label: "signed-in non-admin", kind: "non-admin", session: withCookie(memberCookie) },
      { label: "tampered admin cookie (ciphertext)", kind: "anonymous", session: withCookie(flipAt(adminCookie, mid)) },
      { label: "tampered admin cookie (auth tag)", kind: "anonymous", session: withCookie(`${adminCookie.slice(0, -4)}AAAA`) },
      { label: "expired admin cookie (right secret)", kind: "anonymous", session: withCookie(expired) },
      { label: "admin cookie forged with another secret", kind: "anonymous", session: withCookie(forged) },
      { label: "garbage cookie", kind: "anonymous", session: withCookie("garbage.not-a-jwt") },
    ];
  }

  it("SCIM: every route × exported method × bad credential is a SCIM 401", async () => {
    // The live token works (so 401s below are about the credential, not a broken server).
    const ok = await fetch(`${server.baseUrl}/api/scim/v2/ServiceProviderConfig`, { headers: { authorization: `Bearer ${liveToken}` } });
    expect(ok.status).toBe(200);

    const credentials: { label: string; authorization: string | null }[] = [
      { label: "no Authorization header", authorization: null },
      { label: 'malformed "Bearer"', authorization: "Bearer" },
      { label: 'malformed "Bearer  "', authorization: "Bearer  " },
      { label: 'malformed "Token x"', authorization: `Token ${liveToken}` },
      { label: "Basic", authorization: `Basic ${Buffer.from(`${admin.email}:${admin.password}`).toString("base64")}` },
      { label: "wrong scim_ token", authorization: `Bearer ${newToken().token}` },
      { label: "revoked token", authorization: `Bearer ${revokedToken}` },
      { label: "expired token", authorization: `Bearer ${expiredToken}` },
      { label: "previous token after its grace period", authorization: `Bearer ${graceEndedToken}` },
    ];
    const bodies: Record<string, unknown> = {
      POST: simpleUser(`matrix.${provider}@example.com`),
      PUT: simpleUser(`matrix.${provider}@example.com`),
      PATCH: { schemas: [URN.patchOp], Operations: [{ op: "replace", path: "active", value: false }] },
    };
    const methods = new Set(scimRoutes.flatMap((r) => r.methods));
    const tasks = scimRoutes.flatMap((route) =>
      route.methods.flatMap((method) =>
        credentials.map((cred) => async () => {
          const headers: Record<string, string> = { accept: SCIM_MEDIA_TYPE };
          if (cred.authorization !== null) headers.authorization = cred.authorization;
          const body = bodies[method] === undefined ? undefined : JSON.stringify(bodies[method]);
          if (body) headers["content-type"] = SCIM_MEDIA_TYPE;
          const res = await fetch(`${server.baseUrl}${route.url}`, { method, headers, body, redirect: "manual" });
          const text = await res.text();
          const problems: string[] = [];
          if (res.status !== 401) problems.push(`status ${res.status}`);
          if (!/^application\/scim\+json/.test(res.headers.get("content-type") ?? "")) problems.push(`content-type ${res.headers.get("content-type")}`);
          if (!res.headers.get("www-authenticate")) problems.push("no WWW-Authenticate");
          if (method !== "HEAD") {
            let json: { schemas?: unknown; status?: unknown } | null = null;
            try {
              json = JSON.parse(text);
            } catch {
              problems.push(`body is not JSON: ${text.slice(0, 80)}`);
            }
            if (json && (JSON.stringify(json.schemas) !== JSON.stringify([URN.error]) || json.status !== "401")) problems.push(`body ${text.slice(0, 160)}`);
          }
          return problems.length ? `${method} ${route.url} (${route.file}) with ${cred.label}: ${problems.join(", ")}` : null;
        }),
      ),
    );
    const failures = (await pool(tasks)).filter((f): f is string => f !== null);
    console.log(
      `[${provider}] SCIM auth matrix: ${scimRoutes.length} routes × ${methods.size} methods × ${credentials.length} credentials = ${tasks.length} requests, ${failures.length} bypasses`,
    );
    expect(failures).toEqual([]);
    // Nothing was created by any of them.
    await withDb(server, async (db) => expect(await db.user.count({ where: { emailNorm: `matrix.${provider}@example.com` } })).toBe(0));
  }, 120_000);

  it("Admin Area: every page and non-SCIM route handler refuses every bad session", async () => {
    const sessions = await badSessions();
    const targets = [
      ...adminPages.map((p) => ({ kind: "page" as const, file: p.file, url: p.url, method: "GET" })),
      ...otherRoutes.flatMap((r) => r.methods.map((method) => ({ kind: "route" as const, file: r.file, url: r.url, method }))),
    ];
    const tasks = targets.flatMap((t) =>
      sessions.map((s) => async () => {
        const res = await s.session().fetch(t.url, { method: t.method });
        const text = t.method === "HEAD" ? "" : await res.text();
        const location = res.headers.get("location") ?? "";
        const problems: string[] = [];
        const redirect = [301, 302, 303, 307, 308].includes(res.status);
        if (res.status >= 200 && res.status < 300) problems.push(`status ${res.status}`);
        const leaked = ADMIN_MARKERS.filter((marker) => text.includes(marker));
        if (leaked.length) problems.push(`admin content in the answer: ${leaked.join(", ")}`);
        if (redirect && /\/admin(\/|$|\?)/.test(new URL(location, server.baseUrl).pathname)) problems.push(`redirects into the Admin Area: ${location}`);
        if (t.kind === "page") {
          if (s.kind === "anonymous" && !((redirect && /\/login(\?|$)/.test(location)) || res.status === 401 || res.status === 403))
            problems.push(`expected a redirect to /login (or 401/403), got ${res.status} ${location}`);
          if (s.kind === "non-admin" && res.status !== 403) problems.push(`expected 403, got ${res.status} ${location}`);
        } else if (s.kind === "anonymous" && redirect && !/\/login(\?|$)/.test(new URL(location, server.baseUrl).pathname + new URL(location, server.baseUrl).search)) {
          problems.push(`redirects somewhere other than /login: ${location}`);
        }
        return problems.length ? `${t.method} ${t.url} (${t.file}) as ${s.label}: ${problems.join(", ")}` : null;
      }),
    );
    const failures = (await pool(tasks)).filter((f): f is string => f !== null);
    console.log(
      `[${provider}] Admin Area matrix: (${adminPages.length} pages + ${otherRoutes.reduce((n, r) => n + r.methods.length, 0)} route methods) × ${sessions.length} sessions = ${tasks.length} requests, ${failures.length} bypasses`,
    );
    expect(failures).toEqual([]);

    // The admin session the forged/tampered ones came from does get in (so the refusals above mean something).
    const a = new HttpSession(server.baseUrl);
    a.setCookie(SESSION_COOKIE, adminCookie);
    const page = await a.fetch("/admin");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Admin Area");
  }, 120_000);

  it("Admin Area: every server action, posted directly, refuses every bad session and changes nothing", async () => {
    const ids = actionIds();
    const missing = serverActions.filter((a) => !ids.has(`${a.file}#${a.name}`));
    expect(missing, "exported server actions without an id in the build (rebuild?)").toEqual([]);

    const sessions = await badSessions();
    const snapshot = () =>
      withDb(server, async (db) => ({
        tokens: await db.scimToken.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true, expiresAt: true } }),
        users: await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, state: true, blockedAt: true, blockedReason: true, sessionVersion: true } }),
      }));
    const liveTokenId = () => withDb(server, async (db) => (await db.scimToken.findFirstOrThrow({ where: { hash: hashToken(liveToken) } })).id);

    type Call = {
      label: string;
      body: () => Promise<BodyInit>;
      contentType?: string;
      page: () => string;
      effect: () => Promise<boolean>;
      control?: { body: () => Promise<BodyInit>; contentType?: string; effect: () => Promise<boolean> };
    };
    const json = (args: unknown[]) => ({ body: async () => JSON.stringify(args) as BodyInit, contentType: "text/plain;charset=UTF-8" });
    const form = (root: string, fields: () => Promise<Record<string, string>>) => ({
      body: async () => {
        const fd = new FormData();
        // As React's encodeReply sends it: the FormData argument's fields as _<part>_<name>, then the root row "0"
        // last (the server reads a FormData reference's fields from where it stopped in the entry order).
        for (const [k, v] of Object.entries(await fields())) fd.append(`_1_${k}`, v);
        fd.append("0", root);
        return fd as BodyInit;
      },
    });
    const userField = async (id: string, field: string) => withDb(server, async (db) => ((await db.user.findUniqueOrThrow({ where: { id } })) as Record<string, unknown>)[field]);
    const tokenCount = () => withDb(server, (db) => db.scimToken.count());

    // How to call each action as its page would, and how to tell that it took effect. An action not listed here
    // still gets the generic treatment below (posted with an empty argument list; nothing in the database may change).
    let tokensBefore = 0;
    const calls: Record<string, Call> = {
      "app/admin/settings/actions.ts#generateTokenAction": {
        label: "generate a SCIM token",
        ...form('[null,"$K1"]', async () => ({ grace: "none", expiresInDays: "30" })),
        page: () => "/admin/settings",
        effect: async () => (await tokenCount()) > tokensBefore,
      },
      "app/admin/settings/actions.ts#revokeTokenAction": {
        label: "revoke the live SCIM token",
        ...form('["$K1"]', async () => ({ id: await liveTokenId() })),
        page: () => "/admin/settings",
        effect: async () => withDb(server, async (db) => (await db.scimToken.findFirstOrThrow({ where: { hash: hashToken(liveToken) } })).revokedAt !== null),
      },
      "app/admin/users/[id]/actions.ts#blockUser": {
        label: "block the target user",
        ...json([{ userId: targetId, reason: "auth matrix" }]),
        page: () => `/admin/users/${targetId}`,
        effect: async () => (await userField(targetId, "state")) !== "active",
      },
      "app/admin/users/[id]/actions.ts#unblockUser": {
        label: "unblock the target user",
        ...json([{ userId: targetId, reason: "auth matrix" }]),
        page: () => `/admin/users/${targetId}`,
        effect: async () => (await userField(targetId, "state")) === "active",
      },
      "app/admin/users/[id]/promote-actions.ts#promoteToAdmin": {
        label: "promote the signed-in non-admin",
        ...json([{ userId: memberId }]),
        page: () => `/admin/users/${memberId}`,
        effect: async () => (await userField(memberId, "role")) === "admin",
        // The admin's control promotes the target instead: the member must stay a non-admin for the actions after it.
        control: { ...json([{ userId: targetId }]), effect: async () => (await userField(targetId, "role")) === "admin" },
      },
    };

    async function post(session: HttpSession, pagePath: string, id: string, call: Pick<Call, "body" | "contentType">) {
      const headers: Record<string, string> = { "next-action": id, accept: "text/x-component", origin: server.baseUrl };
      if (call.contentType) headers["content-type"] = call.contentType;
      const res = await session.fetch(pagePath, { method: "POST", headers, body: await call.body() });
      return { status: res.status, redirect: res.headers.get("x-action-redirect"), location: res.headers.get("location"), contentType: res.headers.get("content-type") ?? "", text: await res.text() };
    }
    // A success is the action's result as an RSC payload: 200, text/x-component, no error row (a refusal by
    // requireAdmin() shows up as an E{"digest":"NEXT_HTTP_ERROR_FALLBACK;403"} or NEXT_REDIRECT row, or as the
    // x-action-redirect header; a redirect to /login from an action posted to /login comes back as a bare "{}").
    const succeeded = (r: { status: number; redirect: string | null; contentType: string; text: string }) =>
      r.status === 200 && r.contentType.startsWith("text/x-component") && !r.redirect && !/:E\{"digest"/.test(r.text) && !/"ok":false/.test(r.text);

    const failures: string[] = [];
    let requests = 0;
    // Block before unblock, so that each negative test runs against a state where the action would change something.
    const order = [...serverActions].sort((x, y) => rank(x) - rank(y));
    function rank(a: ServerAction) {
      return ["blockUser", "unblockUser", "promoteToAdmin", "revokeTokenAction", "generateTokenAction"].indexOf(a.name) >>> 0;
    }
    for (const action of order) {
      const key = `${action.file}#${action.name}`;
      const { id, workers } = ids.get(key)!;
      const call: Call = calls[key] ?? {
        label: `${action.name}()`,
        ...json([]),
        page: () => (workers[0] ? urlOf(path.join(root, `${workers[0]}.tsx`)) : "/admin"),
        effect: async () => false,
      };
      if (!calls[key]) failures.push(`${key}: no specific effect check in this test yet; only the generic one ran`);
      // Posted to the page that uses it, and to /login (outside proxy.ts's /admin matcher, so only the action's own
      // requireAdmin() stands in the way).
      const paths = [call.page(), "/login"];
      for (const s of sessions) {
        for (const p of paths) {
          tokensBefore = await tokenCount();
          const before = await snapshot();
          const r = await post(s.session(), p, id, call);
          requests++;
          const after = await snapshot();
          const problems: string[] = [];
          if (await call.effect()) problems.push("the action TOOK EFFECT");
          if (JSON.stringify(before) !== JSON.stringify(after)) problems.push("the database changed");
          if (succeeded(r)) problems.push(`answered like a success (${r.status} ${r.contentType}): ${r.text.slice(0, 160)}`);
          if (problems.length) failures.push(`POST ${p} Next-Action ${action.name} (${call.label}) as ${s.label}: ${problems.join(", ")}`);
        }
      }
      // Positive control: the same request from the admin session does take effect, so the refusals above are
      // refusals and not a malformed request.
      if (calls[key]) {
        tokensBefore = await tokenCount();
        const a = new HttpSession(server.baseUrl);
        a.setCookie(SESSION_COOKIE, adminCookie);
        const control = call.control ?? call;
        const r = await post(a, call.page(), id, control);
        if (!(await control.effect()))
          failures.push(`positive control: ${action.name} as admin did not take effect (${r.status} ${r.text.slice(0, 200)}), so the refusals above prove nothing for it`);
        if (process.env.DEBUG_MATRIX) console.log(action.name, r.status, r.contentType, r.text.slice(0, 300), server.output().slice(-1500));
      }
    }
    console.log(
      `[${provider}] Server action matrix: ${serverActions.length} actions × ${sessions.length} sessions × 2 paths = ${requests} requests, ${failures.length} bypasses/problems`,
    );
    expect(failures).toEqual([]);
  }, 180_000);
});
