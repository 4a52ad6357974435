import type { Tx } from "../db";
import type { Dialect } from "../scim/sql/dialect";
import { dialectOf } from "./dialect-of";

/**
 * Runs one read statement. Two kinds: through a Prisma client or transaction (reads that must see the
 * transaction's own writes), and straight on the driver (lib/db.ts `reader`) for reads outside any transaction —
 * Prisma's raw-query machinery costs more than the statement itself on the SCIM lookups and pages IdPs send most.
 */
export type SqlReader = {
  dialect: Dialect;
  query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]>;
};

export function readerOf(tx: Tx): SqlReader {
  return { dialect: dialectOf(tx), query: (sql, params) => tx.$queryRawUnsafe(sql, ...params) };
}
