import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { readMigrations } from "../../lib/db/migrations";
import type { Provider } from "../../lib/db/provider";
import { diffModels, readModels, readSnapshot } from "../../scripts/lib/schema-diff";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { runCli } from "../support/cli";
import { introspect } from "../support/introspect";

const providers = await testProviders();
const created: TestDatabase[] = [];
async function fresh(provider: Provider) {
  const database = await freshDatabase(provider, "migrations");
  created.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
});

async function applySql(provider: Provider, url: string, sql: string) {
  if (provider === "sqlite") {
    fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    const client = createClient({ url });
    await client.executeMultiple(sql);
    client.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(sql);
    await client.end();
  }
}

async function queryAll(provider: Provider, url: string, sql: string): Promise<Record<string, unknown>[]> {
  if (provider === "sqlite") {
    const client = createClient({ url });
    const result = await client.execute(sql);
    client.close();
    return result.rows as unknown as Record<string, unknown>[];
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result = await client.query(sql);
  await client.end();
  return result.rows;
}

describe("migration histories", () => {
  it("record every change to prisma/models.prisma (run `npm run migration:new -- <name>` after editing it)", () => {
    expect(readSnapshot()).toBe(readModels());
  });

  it("move together: the same migrations, by name, for SQLite and PostgreSQL", () => {
    const names = (p: Provider) => readMigrations(p).map((m) => m.name);
    expect(names("sqlite").length).toBeGreaterThan(0);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});

describe.each(providers)("migrate on %s", (provider) => {
  it("builds exactly the schema the models describe", async () => {
    const migrated = await fresh(provider);
    await migrate(migrated.url);
    const direct = await fresh(provider);
    await applySql(provider, direct.url, await diffModels(provider, null));
    expect(await introspect(provider, migrated.url)).toEqual(await introspect(provider, direct.url));
  }, 120_000);

  it("keeps every row through later migrations (table rebuilds must not cascade-delete)", async () => {
    const database = await fresh(provider);
    const [first, ...rest] = readMigrations(provider);
    await migrate(database.url, { migrations: [first] });
    const t = "'2024-01-01 00:00:00'";
    const yes = provider === "sqlite" ? "1" : "true";
    await applySql(provider, database.url, `
      INSERT INTO "User" ("id", "username", "usernameNorm", "name", "updatedAt") VALUES ('u1', 'ann', 'ann', 'Ann', ${t});
      INSERT INTO "ScimIdentity" ("id", "userId", "userName", "userNameNorm", "active", "updatedAt") VALUES ('i1', 'u1', 'ann@x.com', 'ann@x.com', ${yes}, ${t});
      INSERT INTO "UserEmail" ("id", "userId", "position", "value", "valueNorm", "primary") VALUES ('e1', 'u1', 0, 'ann@x.com', 'ann@x.com', ${yes});
      INSERT INTO "ScimToken" ("id", "hash", "prefix", "createdById") VALUES ('t1', 'h', 'scim_abc', 'u1');
      INSERT INTO "AuditEvent" ("id", "actorType", "actorLabel", "action", "targetId") VALUES ('a1', 'system', 'system', 'user.created', 'u1');
    `);
    expect((await migrate(database.url, { migrations: [first, ...rest] })).applied).toEqual(rest.map((m) => m.name));
    const count = async (table: string) => {
      const rows = await queryAll(provider, database.url, `SELECT COUNT(*) AS n FROM "${table}"`);
      return Number(rows[0].n);
    };
    for (const table of ["User", "ScimIdentity", "UserEmail", "ScimToken", "AuditEvent"]) expect(await count(table), table).toBe(1);
  }, 120_000);

  it("applies each migration once when several processes start together, then nothing", async () => {
    const database = await fresh(provider);
    // Separate processes, as real instances are (the SQLite driver is synchronous within one process).
    const outputs = await Promise.all([1, 2, 3].map(() => runCli(["migrate"], database.url)));
    const applied = outputs.flatMap((o) => [...o.stderr.matchAll(/applying migration (\S+)/g)].map((m) => m[1]));
    expect(applied.sort()).toEqual(readMigrations(provider).map((m) => m.name).sort());
    expect((await migrate(database.url)).applied).toEqual([]);
  }, 120_000);
});

describe.runIf(providers.includes("postgresql"))("both databases", () => {
  it("have the same tables, columns and indexes", async () => {
    const sqlite = await fresh("sqlite");
    const postgres = await fresh("postgresql");
    await migrate(sqlite.url);
    await migrate(postgres.url);
    const shape = (s: Awaited<ReturnType<typeof introspect>>) =>
      Object.fromEntries(
        Object.entries(s.tables).map(([name, t]) => [name, { columns: Object.keys(t.columns).sort(), indexes: Object.keys(t.indexes).filter((i) => !i.startsWith("sqlite_autoindex")).sort() }]),
      );
    const pgShape = shape(await introspect("postgresql", postgres.url));
    for (const table of Object.values(pgShape)) table.indexes = table.indexes.filter((i) => !i.endsWith("_pkey"));
    expect(shape(await introspect("sqlite", sqlite.url))).toEqual(pgShape);
  }, 120_000);
});
