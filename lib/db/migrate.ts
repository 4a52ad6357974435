import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client as LibsqlClient } from "@libsql/client";
import pg from "pg";
import { readMigrations, type Migration } from "./migrations";
import { providerOf } from "./provider";
import { sqliteFile } from "./sqlite-connection";

// Applies the committed migration history at start-up, recording it in Prisma Migrate's own `_prisma_migrations`
// table (same columns, same checksums), so `prisma migrate` keeps working for developers. Doing it here rather
// than through the Prisma CLI keeps start-up free of the WebAssembly schema engine and lets us hold a lock:
// instances starting together apply each migration once, and none serves before its schema is current.

/** Prisma Migrate's own advisory lock key, so this and `prisma migrate deploy` also exclude each other. */
const PG_LOCK_KEY = 72707369;

export type MigrateResult = { applied: string[]; total: number };
type Log = (msg: string) => void;

export async function migrate(
  databaseUrl: string,
  options: { root?: string; log?: Log; migrations?: Migration[] } = {},
): Promise<MigrateResult> {
  const provider = providerOf(databaseUrl);
  const migrations = options.migrations ?? readMigrations(provider, options.root);
  const log = options.log ?? (() => {});
  return provider === "sqlite"
    ? migrateSqlite(databaseUrl, migrations, log)
    : migratePostgres(databaseUrl, migrations, log);
}

function pending(all: Migration[], applied: Map<string, string>, log: Log): Migration[] {
  for (const m of all) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) log(`warning: migration ${m.name} was edited after it was applied`);
  }
  const known = new Set(all.map((m) => m.name));
  const unknown = [...applied.keys()].filter((name) => !known.has(name));
  if (unknown.length) log(`warning: the database has migrations this build does not know: ${unknown.join(", ")}`);
  return all.filter((m) => !applied.has(m.name));
}

async function migrateSqlite(url: string, all: Migration[], log: Log): Promise<MigrateResult> {
  const file = sqliteFile(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client: LibsqlClient = createClient({ url });
  try {
    await client.execute("PRAGMA busy_timeout = 30000");
    // WAL persists in the file: every later connection gets it.
    await client.execute("PRAGMA journal_mode = WAL");
    // Prisma's SQLite migrations rebuild tables (create new, copy, drop old) behind `PRAGMA foreign_keys=OFF`,
    // which is a no-op inside a transaction: with keys on, dropping the old table would cascade-delete every row
    // that refers to it. So keys go off on this connection before the transaction, and are checked before commit.
    await client.execute("PRAGMA foreign_keys = OFF");
    // BEGIN IMMEDIATE takes the write lock up front: a second process waits here, then finds nothing to do.
    const tx = await client.transaction("write");
    try {
      await tx.execute(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
        "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
        "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
      const rows = await tx.execute(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const applied = new Map(rows.rows.map((r) => [String(r.migration_name), String(r.checksum)]));
      const todo = pending(all, applied, log);
      for (const m of todo) {
        log(`applying migration ${m.name}`);
        await tx.executeMultiple(m.sql);
        const now = new Date().toISOString();
        await tx.execute({
          sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
          args: [crypto.randomUUID(), m.checksum, now, m.name, now],
        });
      }
      const violations = await tx.execute("PRAGMA foreign_key_check");
      if (violations.rows.length) throw new Error(`migrations left ${violations.rows.length} foreign key violation(s); nothing was applied`);
      // SQLite DDL is transactional: the whole batch lands or none of it does.
      await tx.commit();
      return { applied: todo.map((m) => m.name), total: all.length };
    } finally {
      tx.close();
    }
  } finally {
    client.close();
  }
}

async function migratePostgres(url: string, all: Migration[], log: Log): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const todo = pending(all, new Map(rows.map((r) => [r.migration_name, r.checksum])), log);
      for (const m of todo) {
        log(`applying migration ${m.name}`);
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
            [crypto.randomUUID(), m.checksum, m.name],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${m.name} failed: ${(error as Error).message}`);
        }
      }
      return { applied: todo.map((m) => m.name), total: all.length };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
