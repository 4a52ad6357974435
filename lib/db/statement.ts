import type { Dialect } from "../scim/sql/dialect";
import { sqlOf, type SqlOrTx } from "./reader";

/** One SQL statement with its parameters, numbered from the first (PostgreSQL's `$1`) or positional (SQLite's `?`). */
export type Statement = { text: string; params: unknown[]; returning?: boolean };

/**
 * Runs writes that do not depend on one another with as few round trips as the database allows, in the caller's
 * transaction. On PostgreSQL each statement is a round trip over the network (a create or a deactivation paid for
 * seven or eight of them), so they become one statement of data-modifying WITH queries; SQLite runs in-process,
 * with nothing to save, and takes them one after another. Hence the rule they must keep: in PostgreSQL every part
 * sees the database as it was before the statement, and no two parts may change the same row. Foreign keys are
 * checked when the whole statement ends, so a row and the rows referring to it may go together.
 *
 * Returns the rows each statement's RETURNING gave, in order (none for a statement without RETURNING).
 */
export async function executeTogether(tx: SqlOrTx, statements: Statement[]): Promise<Record<string, unknown>[][]> {
  const sql = sqlOf(tx);
  if (sql.dialect.name === "sqlite" || statements.length === 1) {
    const results: Record<string, unknown>[][] = [];
    for (const { text, params, returning } of statements) {
      if (returning) results.push(await sql.query<Record<string, unknown>>(text, params));
      else {
        await sql.execute(text, params);
        results.push([]);
      }
    }
    return results;
  }
  const { text, params } = asOneStatement(sql.dialect, statements);
  const [row] = await sql.query<Record<string, unknown>>(text, params);
  return statements.map((s, i) => (s.returning ? ((row[`r${i}`] ?? []) as Record<string, unknown>[]) : []));
}

/** PostgreSQL: the statements as WITH queries of one, their RETURNING rows as one JSON list each. */
export function asOneStatement(dialect: Dialect, statements: Statement[]): Statement {
  if (dialect.name !== "postgresql") throw new Error("Only PostgreSQL runs several writes as one statement.");
  const params: unknown[] = [];
  const parts = statements.map((s, i) => {
    const offset = params.length;
    params.push(...s.params);
    // Placeholders are renumbered after the parameters of the statements before; no statement here holds a `$`
    // of its own (identifiers are double-quoted words, values are all parameters).
    return `"s${i}" AS (${s.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  const lists = statements.flatMap((s, i) => (s.returning ? [`(SELECT COALESCE(json_agg("s${i}"), '[]') FROM "s${i}") AS "r${i}"`] : []));
  return { text: `WITH ${parts.join(", ")} SELECT ${lists.length ? lists.join(", ") : "1"}`, params };
}
