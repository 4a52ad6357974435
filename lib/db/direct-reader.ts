import type pg from "pg";
import { postgresql, sqlite } from "../scim/sql/dialect";
import type { SqlReader } from "./reader";
import { preparedQuery, type QueryOf } from "./pg-statement";
import { SqliteConnection, sqliteFile } from "./sqlite-connection";

// Reads never write: query_only makes that a guarantee. A busy wait blocks the event loop, so it stays short.
const READER_PRAGMAS = ["PRAGMA busy_timeout = 1000", "PRAGMA query_only = ON", "PRAGMA temp_store = MEMORY"];

/**
 * Reads straight on the driver, outside any transaction: for SQLite a second connection of its own (WAL lets it
 * read committed data while the writer works, and it never waits for the writer's lock), for PostgreSQL the pool
 * the Prisma adapter uses. Every SQL statement read here is a plain SELECT of committed data.
 */
export function sqliteReader(url: string): SqlReader {
  // Opened at the first read, so a process that never reads this way never opens the file twice.
  let connection: SqliteConnection | undefined;
  return {
    dialect: sqlite,
    async query<T>(sql: string, params: unknown[]) {
      connection ??= new SqliteConnection(sqliteFile(url), READER_PRAGMAS);
      return connection.query<T>(sql, params);
    },
  };
}

export function postgresReader(pool: pg.Pool, queryOf: QueryOf = preparedQuery): SqlReader {
  return {
    dialect: postgresql,
    async query<T>(sql: string, params: unknown[]) {
      const result = await pool.query(queryOf(sql, params));
      return result.rows as T[];
    },
  };
}
