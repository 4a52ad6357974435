import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { startServer, type TestServer } from "../support/server";
import { HttpSession } from "../support/session";

const providers = await testProviders();
const admin = { email: "expiry-admin@example.com", password: "a long enough password" };

/** The "Stops working" cell of the token row with this prefix on Settings, as HTML. */
async function stopsWorking(session: HttpSession, prefix: string): Promise<string | undefined> {
  const res = await session.fetch("/admin/settings");
  expect(res.status).toBe(200);
  const html = await res.text();
  // React separates the prefix from the "…" after it with a comment: look for the prefix alone.
  const row = html.split("<tr").find((r) => r.includes(`>${prefix}<`));
  return row?.split("<td").at(5);
}

describe.each(providers)("SCIM token expiry on %s", (provider) => {
  let server: TestServer;
  let session: HttpSession;

  beforeAll(async () => {
    server = await startServer(provider);
    const created = await runCli(["create-admin", "--email", admin.email, "--password", admin.password], server.database.url);
    expect(created.code, created.stderr).toBe(0);
    session = new HttpSession(server.baseUrl);
    expect(await session.signIn(admin.email, admin.password)).toBe(true);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("takes an optional expiry, lists it on Settings, and refuses the token once it has passed", async () => {
    const before = Date.now();
    const generated = await runCli(["scim-token", "generate", "--expires-in-days", "2"], server.database.url);
    expect(generated.code, generated.stderr).toBe(0);
    const token = generated.stdout.trim();
    const users = () => fetch(`${server.baseUrl}/api/scim/v2/Users?count=1`, { headers: { authorization: `Bearer ${token}` } });
    expect((await users()).status).toBe(200);

    const db = createDb(server.database.url);
    try {
      const row = await db.scimToken.findFirstOrThrow({ where: { revokedAt: null }, orderBy: { createdAt: "desc" } });
      expect(row.expiresAt!.getTime() - before).toBeGreaterThanOrEqual(2 * 86_400_000 - 1000);
      expect(row.expiresAt!.getTime() - before).toBeLessThan(2 * 86_400_000 + 60_000);
      const cell = await stopsWorking(session, row.prefix);
      expect(cell).toMatch(new RegExp(`datetime="${row.expiresAt!.toISOString()}"`, "i"));

      // Time passes: the expiry is now behind us (the verdict cache keeps a token for 5 s at most).
      await db.scimToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await new Promise((r) => setTimeout(r, 5_500));
      const refused = await users();
      expect(refused.status).toBe(401);
      expect(refused.headers.get("content-type")).toMatch(/^application\/scim\+json/);
      expect(await stopsWorking(session, row.prefix)).toBeUndefined();
    } finally {
      await db.$disconnect();
    }
  }, 30_000);

  it("lists a token without an expiry as never stopping", async () => {
    const generated = await runCli(["scim-token", "generate"], server.database.url);
    expect(generated.code, generated.stderr).toBe(0);
    const db = createDb(server.database.url);
    try {
      const row = await db.scimToken.findFirstOrThrow({ where: { revokedAt: null }, orderBy: { createdAt: "desc" } });
      expect(row.expiresAt).toBeNull();
      expect(await stopsWorking(session, row.prefix)).toMatch(/>Never</);
    } finally {
      await db.$disconnect();
    }
  }, 30_000);
});
