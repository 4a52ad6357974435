import { createClient } from "@libsql/client";
import pg from "pg";
import { providerOf } from "../../lib/db/provider";

/** Plain SQL on a test database, straight on the driver: `?` placeholders are rewritten to `$n` on PostgreSQL. */
export type RawSql = {
  run: (sql: string, args?: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
};

export async function rawSql(url: string): Promise<RawSql> {
  if (providerOf(url) === "sqlite") {
    const client = createClient({ url });
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute("PRAGMA busy_timeout = 5000");
    return {
      run: async (sql, args = []) => (await client.execute({ sql, args: args as never })).rows as unknown as Record<string, unknown>[],
      close: async () => client.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    run: async (sql, args = []) => {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), args)).rows;
    },
    close: () => client.end(),
  };
}

/** A provisioned user's rows (user and SCIM identity), for tests that need rows without the services. */
export async function insertIdentity(sql: RawSql, n: number, options: { createdAt: string; deleted?: boolean; id?: string }) {
  const user = `u-${n}`;
  await sql.run(`INSERT INTO "User" ("id", "username", "usernameNorm", "name", "updatedAt") VALUES (?, ?, ?, ?, ?)`, [user, `user${n}`, `user${n}`, `User ${n}`, options.createdAt]);
  await sql.run(
    `INSERT INTO "ScimIdentity" ("id", "userId", "userName", "userNameNorm", "deletedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [options.id ?? `i-${String(n).padStart(6, "0")}`, user, `user${n}@x.example`, `user${n}@x.example`, options.deleted ? options.createdAt : null, options.createdAt, options.createdAt],
  );
}
