import type pg from "pg";
import { postgresql, sqlite } from "../scim/sql/dialect";
import type { Mutex } from "./mutex";
import type { Sql } from "./reader";
import { SqliteConnection, sqliteFile } from "./sqlite-connection";
import { WRITER_PRAGMAS } from "./sqlite-adapter";

/**
 * A transaction straight on the driver, for the provisioning writes IdPs send at machine speed: Prisma's
 * interactive transaction and raw-query layer cost several times the statements of a create or a deactivate.
 * The work must use only the `Sql` it is given: calling Prisma inside it waits for this very transaction (SQLite)
 * or runs outside it (PostgreSQL).
 */
export type SqlWriter = { transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> };

/**
 * SQLite: a writing connection of its own, taking turns with Prisma's through `lock` (the one SingleConnectionLibSQL
 * holds for each Prisma statement and transaction), so the two never wait on each other inside SQLite, where a
 * wait would block the event loop. Another process (the admin CLI) is still waited for by busy_timeout.
 */
export function sqliteWriter(url: string, lock: Mutex): SqlWriter {
  let connection: SqliteConnection | undefined;
  return {
    async transaction(work) {
      const release = await lock.acquire();
      try {
        connection ??= new SqliteConnection(sqliteFile(url), WRITER_PRAGMAS);
        const open = connection;
        const sql: Sql = {
          dialect: sqlite,
          query: async (text, params) => open.query(text, params),
          execute: async (text, params) => open.run(text, params),
        };
        open.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(sql);
          open.exec("COMMIT");
          return result;
        } catch (error) {
          rollback(() => open.exec("ROLLBACK"));
          throw error;
        }
      } finally {
        release();
      }
    },
  };
}

/** PostgreSQL: a connection of the pool Prisma shares, for the length of one transaction. */
export function postgresWriter(pool: pg.Pool): SqlWriter {
  return {
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const sql: Sql = {
          dialect: postgresql,
          query: async (text, params) => (await client.query(text, params)).rows,
          execute: async (text, params) => (await client.query(text, params)).rowCount ?? 0,
        };
        await client.query("BEGIN");
        try {
          const result = await work(sql);
          await client.query("COMMIT");
          return result;
        } catch (error) {
          // A connection that cannot even roll back is dropped rather than handed to the next request.
          await client.query("ROLLBACK").catch((failure: Error) => (broken = failure));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}

function rollback(run: () => void) {
  try {
    run();
  } catch {
    // SQLite has already rolled back (the error ended the transaction): nothing is left to undo.
  }
}
