// Pages of the unfiltered list served from page anchors (lib/users/listed-page.ts) are exactly the pages the plain
// OFFSET walk gives on the same data, with the same totalResults, before and after every change that moves
// positions: deprovisions, re-adds, hard deletes, an identity inserted with an old creation time, and appends.
// The reference is the filtered path (`userName pr` matches every listed user), which walks with OFFSET and COUNTs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUsers } from "../../scripts/bench/seed";
import { postgresReader, sqliteReader } from "../../lib/db/direct-reader";
import { migrate } from "../../lib/db/migrate";
import type { Provider } from "../../lib/db/provider";
import type { SqlReader } from "../../lib/db/reader";
import { ANCHOR_SPACING } from "../../lib/scim/page-anchors";
import { listParamsFromQuery } from "../../lib/scim/list-params";
import { PAGING } from "../../lib/scim-http/request-params";
import { listedPage, settledAnchors } from "../../lib/users/listed-page";
import { listScimUsers } from "../../lib/users/list-scim-users";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { insertIdentity, rawSql, type RawSql } from "../support/raw-sql";
import pg from "pg";

const USERS = 4_500;
const providers = await testProviders();

describe.each(providers)("pages from anchors on %s", (provider: Provider) => {
  let database: TestDatabase;
  let reader: SqlReader;
  let sql: RawSql;
  let close: () => Promise<void>;
  let identityIds: string[];

  beforeAll(async () => {
    database = await freshDatabase(provider, "anchors");
    await migrate(database.url);
    await seedUsers(database.url, USERS, () => {});
    sql = await rawSql(database.url);
    identityIds = (await sql.run(`SELECT "id" FROM "ScimIdentity" ORDER BY "createdAt", "id"`)).map((r) => String(r.id));
    if (provider === "sqlite") {
      reader = sqliteReader(database.url);
      close = async () => {};
    } else {
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      reader = postgresReader(pool);
      close = () => pool.end();
    }
  }, 120_000);
  afterAll(async () => {
    await sql?.close();
    await close?.();
    await database?.drop();
  });

  const page = async (startIndex: number, count: number, filter?: string) => {
    const query: Record<string, string> = { startIndex: String(startIndex), count: String(count), ...(filter ? { filter } : {}) };
    const { total, records } = await listScimUsers(listParamsFromQuery(new URLSearchParams(query), PAGING), reader);
    return { total, ids: records.map((r) => r.id), userNames: records.map((r) => r.userName) };
  };
  /** The page as served with stored documents: on PostgreSQL its statement reads the rows straight from the index. */
  const documentPage = async (startIndex: number, count: number) => {
    const { total, users } = await listedPage(reader, startIndex - 1, count, true);
    return { total, ids: users.map((u) => ("record" in u ? u.record.id : (JSON.parse(u.document) as { id: string }).id)) };
  };
  // Deep pages first: a first page (which needs no anchor) would notice a new generation and drop them itself.
  const starts = () => [1001, 1002, 2001, 2499, 3001, USERS - 150, USERS - 99, USERS - 10, USERS + 5, 1, 2, 999, 1000];

  /** Every start, twice: the first request may find the anchors stale and walk again; the second uses the new ones. */
  async function expectSamePages(label: string) {
    for (let round = 0; round < 2; round++) {
      for (const start of starts()) {
        const walked = await page(start, 100, "userName pr");
        expect(await page(start, 100), `${label}, startIndex ${start}, round ${round}`).toEqual(walked);
        expect(await documentPage(start, 100), `${label}, documents, startIndex ${start}, round ${round}`).toEqual({ total: walked.total, ids: walked.ids });
      }
      await settledAnchors(reader);
    }
  }

  it("finds the anchors on the first deep page, and serves the same pages as the OFFSET walk", async () => {
    expect((await settledAnchors(reader)).generation).toBeNull();
    await page(2_501, 100);
    const anchors = await settledAnchors(reader);
    expect(anchors.keys.length).toBe(Math.floor((USERS - 1) / ANCHOR_SPACING));
    expect(anchors.keys[0][1]).toBe(identityIds[ANCHOR_SPACING]);
    await expectSamePages("fresh");
    expect(await settledAnchors(reader)).toBe(anchors);
  });

  it("after deprovisions and re-adds before and between anchors", async () => {
    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = ? WHERE "id" IN (?, ?, ?)`, ["2026-01-01T00:00:00.000+00:00", identityIds[5], identityIds[1500], identityIds[2000]]);
    await expectSamePages("deprovisioned");
    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = NULL WHERE "id" IN (?, ?)`, [identityIds[5], identityIds[2000]]);
    await expectSamePages("re-added");
    expect((await settledAnchors(reader)).keys.length).toBeGreaterThan(0);
  });

  it("after identities inserted with an old creation time (no new generation: the page's check catches them)", async () => {
    const before = await settledAnchors(reader);
    expect(before.keys.length).toBeGreaterThan(0);
    await insertIdentity(sql, 900_001, { createdAt: "2023-06-01T00:00:00.000+00:00" });
    // Between two seeded identities: same creation time as the 1,700th, an id that sorts before every uuid.
    const [{ createdAt }] = await sql.run(`SELECT "createdAt" FROM "ScimIdentity" WHERE "id" = ?`, [identityIds[1700]]);
    await insertIdentity(sql, 900_002, { createdAt: String(provider === "sqlite" ? createdAt : (createdAt as Date).toISOString()), id: "0" });
    await expectSamePages("old inserts");
    expect((await settledAnchors(reader)).generation).toBe(before.generation);
  });

  it("after hard deletes", async () => {
    await sql.run(`DELETE FROM "User" WHERE "id" = ?`, ["u-900001"]);
    await sql.run(`DELETE FROM "ScimIdentity" WHERE "id" = ?`, [identityIds[3500]]);
    await expectSamePages("hard deletes");
  });

  it("after a deprovision and an old insert that leave the count before the last anchor as it was (the generation tells)", async () => {
    await settledAnchors(reader);
    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = ? WHERE "id" = ?`, ["2026-01-01T00:00:00.000+00:00", identityIds[1600]]);
    await insertIdentity(sql, 900_003, { createdAt: "2023-07-01T00:00:00.000+00:00" });
    await expectSamePages("deprovision and old insert");
  });

  it("keeps its anchors through appends, and extends them as the list grows", async () => {
    const before = await settledAnchors(reader);
    for (let n = 0; n < 1_600; n++) await insertIdentity(sql, 910_000 + n, { createdAt: `2030-01-01T00:${String(Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}.000+00:00` });
    const [{ n: listed }] = await sql.run(`SELECT COUNT(*) AS "n" FROM "ScimIdentity" WHERE "deletedAt" IS NULL`);
    const total = Number(listed);
    expect((await page(total - 50, 100)).total).toBe(total);
    const after = await settledAnchors(reader);
    expect(after.generation).toBe(before.generation);
    expect(after.keys.slice(0, before.keys.length)).toEqual(before.keys);
    expect(after.keys.length).toBe(Math.floor((total - 1) / ANCHOR_SPACING));
    for (const start of [1, 1001, total - 1500, total - 99, total + 1]) expect(await page(start, 100), `startIndex ${start}`).toEqual(await page(start, 100, "userName pr"));
  }, 60_000);
});
