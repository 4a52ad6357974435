import { createClient, type Client } from "@libsql/client";
import type pg from "pg";
import { postgresql, sqlite } from "../scim/sql/dialect";
import type { SqlReader } from "./reader";

/**
 * Reads straight on the driver, outside any transaction: for SQLite a second connection of its own (WAL lets it
 * read committed data while the writer works, and it never waits for Prisma's lock), for PostgreSQL the pool the
 * Prisma adapter uses. Every SQL statement read here is a plain SELECT of committed data.
 */
export function sqliteReader(url: string): SqlReader {
  // Opened at the first read, so a process that never reads this way never opens the file twice.
  let opened: Promise<Client> | undefined;
  const open = async () => {
    const client = createClient({ url });
    // Reads never write: query_only makes that a guarantee. A busy wait blocks the event loop, so it stays short.
    for (const pragma of ["PRAGMA busy_timeout = 1000", "PRAGMA query_only = ON", "PRAGMA temp_store = MEMORY"]) await client.execute(pragma);
    return client;
  };
  return {
    dialect: sqlite,
    async query<T>(sql: string, params: unknown[]) {
      const client = await (opened ??= open().catch((error) => {
        opened = undefined;
        throw error;
      }));
      const result = await client.execute({ sql, args: params as never });
      return result.rows as unknown as T[];
    },
  };
}

export function postgresReader(pool: pg.Pool): SqlReader {
  return {
    dialect: postgresql,
    async query<T>(sql: string, params: unknown[]) {
      const result = await pool.query(sql, params);
      return result.rows as T[];
    },
  };
}
