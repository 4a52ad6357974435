import crypto from "node:crypto";
import type pg from "pg";

// node-postgres sends every parameterised query as an unnamed statement, which PostgreSQL parses and plans anew each
// time. The SCIM hot paths send a few dozen distinct texts, so each is named after its text and prepared once per
// connection (node-postgres remembers which connections have it): 54 % more creates per second on the benchmark.
// Past the cap (a flood of distinct filter shapes) texts go unnamed again, so no connection accumulates an
// unbounded number of prepared statements.
const MAX_NAMED = 500;
const names = new Map<string, string>();

export type QueryOf = (text: string, values: unknown[]) => pg.QueryConfig;

/** A query config naming `text`'s prepared statement. */
export const preparedQuery: QueryOf = (text, values) => {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMED) return { text, values };
    name = `scim_${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
};

/** For poolers that cannot keep a session's prepared statements (PgBouncer before 1.21 in transaction mode). */
export const unnamedQuery: QueryOf = (text, values) => ({ text, values });
