import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { createClient } from "@libsql/client";
import pg from "pg";
import { providerOf } from "../../lib/db/provider";

export type Seeded = { ids: string[]; userNames: string[] };

const CHUNK = 500;

export function benchUserName(i: number): string {
  return `user${i}@bench.example.com`;
}

/**
 * The fast path: N provisioned users (user, SCIM identity, work email) written straight into the database with
 * multi-row INSERTs in large transactions — what a completed initial sync leaves behind, without going through HTTP.
 */
export async function seedUsers(url: string, count: number, log: (msg: string) => void): Promise<Seeded> {
  const provider = providerOf(url);
  const ids: string[] = [];
  const userNames: string[] = [];
  const base = Date.UTC(2024, 0, 1);
  const sqliteTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const run = provider === "sqlite" ? await sqliteRunner(url) : await postgresRunner(url);
  const started = Date.now();
  for (let from = 0; from < count; from += CHUNK) {
    const users: unknown[][] = [];
    const identities: unknown[][] = [];
    const emails: unknown[][] = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) {
      const id = crypto.randomUUID();
      const userName = benchUserName(i);
      const at = provider === "sqlite" ? sqliteTime(base + i * 1000) : new Date(base + i * 1000);
      ids.push(id);
      userNames.push(userName);
      users.push([id, `user${i}`, `user${i}`, userName, userName, `Bench User ${i}`, `bench user ${i}`, "Bench", `User ${i}`, at, at]);
      identities.push([crypto.randomUUID(), id, userName, userName, `ext-${i}`, `ext-${i}`, at, at]);
      emails.push([crypto.randomUUID(), id, 0, userName, userName, "work"]);
    }
    await run.insert("User", ["id", "username", "usernameNorm", "email", "emailNorm", "name", "nameNorm", "givenName", "familyName", "createdAt", "updatedAt"], users);
    await run.insert("ScimIdentity", ["id", "userId", "userName", "userNameNorm", "externalId", "externalIdNorm", "createdAt", "updatedAt"], identities);
    await run.insert("UserEmail", ["id", "userId", "position", "value", "valueNorm", "type"], emails, provider === "sqlite" ? `, "primary"` : `, "primary"`, provider === "sqlite" ? "1" : "true");
    if ((from / CHUNK) % 200 === 199) log(`  seeded ${from + CHUNK} users (${Math.round((from + CHUNK) / ((Date.now() - started) / 1000))}/s)`);
  }
  // A live database has statistics (autovacuum gathers them after a bulk load); a freshly seeded one has none,
  // and PostgreSQL then plans a page of users for 38 rows instead of N (35 ms instead of 5 ms at 10,000 users).
  await run.analyze();
  await run.close();
  return { ids, userNames };
}

/**
 * What autovacuum does on a live database after a bulk change: statistics, and on PostgreSQL the visibility map that
 * index-only scans need (rendering the seeded users' documents rewrote every identity row, so without it a page of
 * users fetched thousands of heap rows to check their visibility); then the seed's writes are flushed, to the
 * database file and to the disk, so that none of that I/O lands in the first workload's measurement.
 */
export async function settleDatabase(url: string): Promise<void> {
  const run = providerOf(url) === "sqlite" ? await sqliteRunner(url) : await postgresRunner(url);
  try {
    await run.analyze();
  } finally {
    await run.close();
  }
  spawnSync("sync");
}

/** The ids of the users a previous `seedUsers` wrote, in seeding order (benchUserName(i) is ids[i]'s userName). */
export async function seededIds(url: string): Promise<string[]> {
  const sql = `SELECT "userId" AS id FROM "ScimIdentity" WHERE "userNameNorm" LIKE 'user%@bench.example.com' ORDER BY "createdAt", "id"`;
  if (providerOf(url) === "sqlite") {
    const client = createClient({ url });
    try {
      return (await client.execute(sql)).rows.map((r) => String(r.id));
    } finally {
      client.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows.map((r) => String(r.id));
  } finally {
    await client.end();
  }
}

type Runner = {
  analyze: () => Promise<void>;
  insert: (table: string, columns: string[], rows: unknown[][], extraColumn?: string, extraValue?: string) => Promise<void>;
  close: () => Promise<void>;
};

async function sqliteRunner(url: string): Promise<Runner> {
  const client = createClient({ url });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA synchronous = OFF");
  return {
    async insert(table, columns, rows, extraColumn = "", extraValue = "") {
      const one = `(${columns.map(() => "?").join(", ")}${extraValue ? `, ${extraValue}` : ""})`;
      const cols = `${columns.map((c) => `"${c}"`).join(", ")}${extraColumn}`;
      await client.execute({ sql: `INSERT INTO "${table}" (${cols}) VALUES ${rows.map(() => one).join(", ")}`, args: rows.flat() as never });
    },
    async analyze() {
      await client.execute("ANALYZE");
      // The seed's log copied into the file now: left in the WAL, the server's first commit would hand the copy to
      // its checkpointer, which then competes with the first workload for the two cores.
      await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    },
    async close() {
      client.close();
    },
  };
}

async function postgresRunner(url: string): Promise<Runner> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, columns, rows, extraColumn = "", extraValue = "") {
      let n = 0;
      const values = rows.map((row) => `(${row.map(() => `$${++n}`).join(", ")}${extraValue ? `, ${extraValue}` : ""})`).join(", ");
      const cols = `${columns.map((c) => `"${c}"`).join(", ")}${extraColumn}`;
      await client.query(`INSERT INTO "${table}" (${cols}) VALUES ${values}`, rows.flat());
    },
    async analyze() {
      await client.query("VACUUM ANALYZE");
      // Written out now, not by a checkpoint during the first workload.
      await client.query("CHECKPOINT");
    },
    async close() {
      await client.end();
    },
  };
}
