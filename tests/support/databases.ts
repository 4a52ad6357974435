import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Provider } from "../../lib/db/provider";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { provider: Provider; url: string; drop: () => Promise<void> };

let postgresReachable: Promise<boolean> | undefined;

/** Whether the PostgreSQL server of TEST_POSTGRES_URL answers. With CI=true a missing server is an error. */
export function postgresAvailable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI === "true") throw new Error(`PostgreSQL is required in CI but ${TEST_POSTGRES_URL} does not answer: ${(error as Error).message}`);
      console.warn(`\n!!! PostgreSQL at ${TEST_POSTGRES_URL} does not answer: PostgreSQL tests are SKIPPED !!!\n`);
      return false;
    }
  })();
  return postgresReachable;
}

/** The providers to run database tests on: SQLite always, PostgreSQL when reachable (always in CI). */
export async function testProviders(): Promise<Provider[]> {
  return (await postgresAvailable()) ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A new, empty database of its own: a SQLite file in a temp folder, or a uniquely named PostgreSQL database. */
export async function freshDatabase(provider: Provider, label = "test"): Promise<TestDatabase> {
  const id = `${label}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`.toLowerCase();
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scim-${label}-`));
    return { provider, url: `file:${path.join(dir, "app.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  await adminQuery(`CREATE DATABASE "${id}"`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${id}`;
  return { provider, url: url.toString(), drop: () => dropPostgresDatabase(id) };
}

/** How long a drop waits for the database's connections to close by themselves before it terminates them. */
const CLOSING_MS = 2000;

// node-postgres resolves a pool's end() once it has asked each connection to close, not once they have: a drop
// WITH (FORCE) right after terminated connections still closing, and their pool, with no error listener left in a
// test, threw that as an uncaught exception. So a drop first gives them a moment, and forces only what remains.
async function dropPostgresDatabase(id: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const deadline = Date.now() + CLOSING_MS;
    const open = async () => Number((await client.query(`SELECT count(*) AS "open" FROM pg_stat_activity WHERE datname = $1`, [id])).rows[0].open);
    while (Date.now() < deadline && (await open()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await client.query(`DROP DATABASE IF EXISTS "${id}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
