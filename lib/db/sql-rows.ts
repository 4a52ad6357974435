import type { AuditEvent, ScimIdentity, ScimRequestLog, User, UserEmail } from "../db";
import { Params, type Dialect } from "../scim/sql/dialect";
import { sqlOf, type SqlOrTx } from "./reader";
import type { Statement } from "./statement";

// Plain SQL for the provisioning hot path, where each ORM call costs several times the statement it sends. Rows
// are typed by the generated models: an INSERT that forgets a required column, or names one that does not
// exist, does not compile. Prisma-side defaults (ids, timestamps, @updatedAt) are the caller's job here.

type Tables = { User: User; ScimIdentity: ScimIdentity; UserEmail: UserEmail; AuditEvent: AuditEvent; ScimRequestLog: ScimRequestLog };
export type TableName = keyof Tables;

/** Columns Prisma fills in when the ORM writes: a raw INSERT may leave them out only if the database has a default. */
type DatabaseDefaults = {
  User: "nameNorm" | "state" | "role" | "sessionVersion";
  ScimIdentity: "active" | "version";
  UserEmail: "primary";
  AuditEvent: never;
  ScimRequestLog: never;
};

/** A row to insert: every column without a database default, nullable ones included (explicit beats implicit). */
export type InsertRow<T extends TableName> = Omit<Tables[T], DatabaseDefaults[T]> & Partial<Pick<Tables[T], DatabaseDefaults[T] & keyof Tables[T]>>;

/** A value as the column stores it: SQLite keeps booleans as 0/1 and DateTimes as Prisma's ISO text. */
function bind(params: Params, value: unknown): string {
  const { dialect } = params;
  if (value instanceof Date) return dialect.timestampParam(params.add(dialect.timestamp(value)));
  if (typeof value === "boolean" && dialect.name === "sqlite") return params.add(value ? 1 : 0);
  return params.add(value === undefined ? null : value);
}

/** One multi-row INSERT (all rows must have the same columns). */
export async function insertRows<T extends TableName>(tx: SqlOrTx, table: T, rows: InsertRow<T>[]): Promise<void> {
  if (!rows.length) return;
  const sql = sqlOf(tx);
  const { text, params } = insertStatement(sql.dialect, table, rows);
  await sql.execute(text, params);
}

/** The multi-row INSERT of `insertRows`, to run with others (lib/db/statement.ts); `rows` must not be empty. */
export function insertStatement<T extends TableName>(dialect: Dialect, table: T, rows: InsertRow<T>[]): Statement {
  const columns = Object.keys(rows[0]);
  const params = new Params(dialect);
  const tuples = rows.map((row) => `(${columns.map((c) => bind(params, (row as Record<string, unknown>)[c])).join(", ")})`);
  return { text: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, params: params.values };
}

/** A column set to a SQL expression over its current value, e.g. `increment(1)`. */
export type SqlExpression = { sql: (column: string) => string };
export const increment = (by: number): SqlExpression => ({ sql: (column) => `"${column}" + ${Math.trunc(by)}` });

type Assignments<T extends TableName> = { [K in keyof Tables[T]]?: Tables[T][K] | SqlExpression };

/**
 * UPDATE one row by id, returning the named columns as the database now holds them (SQLite ≥ 3.35 and
 * PostgreSQL both have RETURNING), or null when no row has that id.
 */
export async function updateRow<T extends TableName, R extends keyof Tables[T] & string>(
  tx: SqlOrTx,
  table: T,
  id: string,
  set: Assignments<T>,
  returning: R[],
): Promise<Record<R, unknown> | null> {
  const sql = sqlOf(tx);
  const { text, params } = updateStatement(sql.dialect, table, id, set, returning);
  const rows = await sql.query<Record<R, unknown>>(text, params);
  return rows[0] ?? null;
}

/** The UPDATE of `updateRow`, to run with others (lib/db/statement.ts); without RETURNING when `returning` is empty. */
export function updateStatement<T extends TableName>(dialect: Dialect, table: T, id: string, set: Assignments<T>, returning: (keyof Tables[T] & string)[]): Statement {
  const params = new Params(dialect);
  const assignments = Object.entries(set)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => `"${column}" = ${isExpression(value) ? value.sql(column) : bind(params, value)}`);
  const where = params.add(id);
  const text = `UPDATE "${table}" SET ${assignments.join(", ")} WHERE "id" = ${where}`;
  if (!returning.length) return { text, params: params.values };
  return { text: `${text} RETURNING ${returning.map((c) => `"${c}"`).join(", ")}`, params: params.values, returning: true };
}

function isExpression(value: unknown): value is SqlExpression {
  return typeof value === "object" && value !== null && typeof (value as SqlExpression).sql === "function";
}
