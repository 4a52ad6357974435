import type pg from "pg";
import { postgresql } from "../scim/sql/dialect";
import { preparedQuery, type QueryOf } from "./pg-statement";
import type { Sql } from "./reader";

/**
 * A transaction straight on the driver, for the provisioning writes IdPs send at machine speed: Prisma's
 * interactive transaction and raw-query layer cost several times the statements of a create or a deactivate.
 * The work must use only the `Sql` it is given: calling Prisma inside it waits for this very transaction (SQLite)
 * or runs outside it (PostgreSQL).
 */
export type SqlWriter = { transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> };

/** PostgreSQL: a connection of the pool Prisma shares, for the length of one transaction. (SQLite: lib/db/sqlite-writer.ts.) */
export function postgresWriter(pool: pg.Pool, queryOf: QueryOf = preparedQuery): SqlWriter {
  return {
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const sql: Sql = {
          dialect: postgresql,
          query: async (text, params) => (await client.query(queryOf(text, params))).rows,
          execute: async (text, params) => (await client.query(queryOf(text, params))).rowCount ?? 0,
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
