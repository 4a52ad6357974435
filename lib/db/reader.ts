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

/** Reads and writes in one transaction: a Prisma one (`sqlOf(tx)`) or one straight on the driver (`writeTransaction`). */
export type Sql = SqlReader & {
  /** Runs a statement for its effect; resolves to the number of rows it changed. */
  execute(sql: string, params: unknown[]): Promise<number>;
};

/** What the plain-SQL helpers accept: a Prisma client or transaction, or a driver transaction. */
export type SqlOrTx = Sql | Tx;

/** Reads through a Prisma client or transaction, or through a reader or driver transaction as given. */
export function readerOf(tx: SqlReader | Tx): SqlReader {
  return isReader(tx) ? tx : sqlOf(tx);
}

export function sqlOf(tx: SqlOrTx): Sql {
  if (isReader(tx)) return tx;
  return { dialect: dialectOf(tx), query: (sql, params) => tx.$queryRawUnsafe(sql, ...params), execute: (sql, params) => tx.$executeRawUnsafe(sql, ...params) };
}

// A Prisma client has no `dialect`: only our readers and driver transactions do.
function isReader<T extends SqlReader>(tx: T | Tx): tx is T {
  return typeof (tx as SqlReader).dialect === "object" && typeof (tx as SqlReader).query === "function";
}
