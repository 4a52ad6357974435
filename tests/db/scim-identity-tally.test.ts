// The tally the triggers keep on "ScimIdentity" (models.prisma, ScimIdentityTally) against COUNT(*), through
// every way an identity can become listed or stop being listed, on both databases; and on PostgreSQL under
// concurrent writers on several connections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { readMigrations } from "../../lib/db/migrations";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { insertIdentity, rawSql, type RawSql } from "../support/raw-sql";

const providers = await testProviders();
const at = (second: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, second)).toISOString().replace("Z", "+00:00");

describe.each(providers)("the tally of listed identities on %s", (provider: Provider) => {
  let database: TestDatabase;
  let sql: RawSql;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    database = await freshDatabase(provider, "tally");
    databases.push(database);
    await migrate(database.url);
    sql = await rawSql(database.url);
  }, 60_000);
  afterAll(async () => {
    await sql?.close();
    await Promise.all(databases.map((d) => d.drop()));
  });

  const tally = async () => {
    const [row] = await sql.run(`SELECT SUM("listed") AS "listed", SUM("generation") AS "generation" FROM "ScimIdentityTally"`);
    return { listed: Number(row.listed), generation: Number(row.generation) };
  };
  const counted = async () => Number((await sql.run(`SELECT COUNT(*) AS "n" FROM "ScimIdentity" WHERE "deletedAt" IS NULL`))[0].n);

  it("has one row on SQLite, 16 shards on PostgreSQL", async () => {
    expect((await sql.run(`SELECT * FROM "ScimIdentityTally"`)).length).toBe(provider === "sqlite" ? 1 : 16);
  });

  it("equals COUNT(*) through creates, deprovisions, re-adds and hard deletes; the generation moves only when positions do", async () => {
    for (let n = 0; n < 10; n++) await insertIdentity(sql, n, { createdAt: at(n) });
    await insertIdentity(sql, 10, { createdAt: at(10), deleted: true });
    expect((await tally()).listed).toBe(10);
    expect(await counted()).toBe(10);
    // Appends (and a deprovisioned row) leave every position where it was.
    const start = (await tally()).generation;
    expect(start).toBe(0);

    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = ? WHERE "id" IN (?, ?)`, [at(20), "i-000002", "i-000005"]);
    expect(await tally()).toEqual({ listed: 8, generation: 2 });
    // Touching deletedAt without changing whether it is listed (a second DELETE) changes nothing.
    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = ? WHERE "id" = ?`, [at(21), "i-000002"]);
    await sql.run(`UPDATE "ScimIdentity" SET "version" = "version" + 1, "deletedAt" = NULL WHERE "id" = ?`, ["i-000000"]);
    expect(await tally()).toEqual({ listed: 8, generation: 2 });

    // Re-added by a later POST with the same userName: deletedAt back to null.
    await sql.run(`UPDATE "ScimIdentity" SET "deletedAt" = NULL WHERE "id" = ?`, ["i-000005"]);
    expect(await tally()).toEqual({ listed: 9, generation: 3 });

    // Hard deletes: of the identity, and of a user (cascading to its identity), listed or not.
    await sql.run(`DELETE FROM "ScimIdentity" WHERE "id" = ?`, ["i-000001"]);
    await sql.run(`DELETE FROM "User" WHERE "id" IN (?, ?)`, ["u-3", "u-10"]);
    expect(await tally()).toEqual({ listed: 7, generation: 5 });

    // A listed identity whose creation time changes moves; an insert of an old creation time is left to the
    // page's own check (lib/scim/page-anchors.ts), so it does not move the generation.
    await sql.run(`UPDATE "ScimIdentity" SET "createdAt" = ? WHERE "id" = ?`, [at(30), "i-000004"]);
    await insertIdentity(sql, 11, { createdAt: at(0) });
    expect(await tally()).toEqual({ listed: 8, generation: 6 });
    expect(await counted()).toBe(8);
  });

  it("starts from the identities already there when the migration runs", async () => {
    const old = await freshDatabase(provider, "tally");
    databases.push(old);
    const all = readMigrations(provider);
    const before = all.filter((m) => m.name < "20261129103621_scim_identity_tally");
    await migrate(old.url, { migrations: before });
    const oldSql = await rawSql(old.url);
    try {
      for (let n = 0; n < 5; n++) await insertIdentity(oldSql, n, { createdAt: at(n), deleted: n === 3 });
      await migrate(old.url, { migrations: all });
      const [row] = await oldSql.run(`SELECT SUM("listed") AS "listed", SUM("generation") AS "generation" FROM "ScimIdentityTally"`);
      expect({ listed: Number(row.listed), generation: Number(row.generation) }).toEqual({ listed: 4, generation: 0 });
      await insertIdentity(oldSql, 9, { createdAt: at(9) });
      expect(Number((await oldSql.run(`SELECT SUM("listed") AS "n" FROM "ScimIdentityTally"`))[0].n)).toBe(5);
    } finally {
      await oldSql.close();
    }
  }, 60_000);

  // SQLite runs one writer at a time; the concurrency that matters is PostgreSQL's.
  if (provider === "postgresql") it("stays exact with many writers on several connections at once, without deadlocks", async () => {
    const writers = await Promise.all(Array.from({ length: 8 }, () => rawSql(database.url)));
    try {
      const before = await counted();
      // Each writer creates 40 identities, one transaction each, and deprovisions and re-adds some of them, also in
      // transactions that touch several identities (so several shards are wanted at once, if they were per change).
      await Promise.all(
        writers.map(async (w, k) => {
          for (let j = 0; j < 40; j++) await insertIdentity(w, 1000 + k * 100 + j, { createdAt: at(40 + j) });
          for (let j = 0; j < 40; j += 4) {
            await w.run("BEGIN");
            await w.run(`UPDATE "ScimIdentity" SET "deletedAt" = now() WHERE "id" IN ($1, $2)`, [`i-${String(1000 + k * 100 + j).padStart(6, "0")}`, `i-${String(1000 + k * 100 + j + 1).padStart(6, "0")}`]);
            await w.run(`UPDATE "ScimIdentity" SET "deletedAt" = NULL WHERE "id" = $1`, [`i-${String(1000 + k * 100 + j).padStart(6, "0")}`]);
            await w.run("COMMIT");
          }
        }),
      );
      expect(await counted()).toBe(before + 8 * 40 - 8 * 10);
      expect((await tally()).listed).toBe(await counted());
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
  }, 60_000);
});
