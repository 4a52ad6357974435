import type { SqlReader } from "../db/reader";
import type { AnchorKey, Seen } from "../scim/page-anchors";
import type { Dialect } from "../scim/sql/dialect";
import { Params } from "../scim/sql/dialect";
import { documentIsCurrent } from "./resource-document";
import { scimUserRow, selectScimUsers, storedScimUserFromRow, type PageUser } from "./scim-user-query";

// The unfiltered list in its default order (creation time, then id), the way an IdP pages through everyone. The
// page, the tally's total and generation, and the count that checks the page anchors are one statement, so they
// come from one snapshot: a total or a check from a moment other than the page's could disagree with it.

const LISTED = `"ScimIdentity" i WHERE i."deletedAt" IS NULL`;
// deletedAt leads the order because it leads the index (it is NULL on every listed row): PostgreSQL then walks the
// index instead of sorting, as it does not infer that a column tested with IS NULL is constant.
export const INDEX_ORDER = `i."deletedAt", i."createdAt", i."id"`;

/** The sort key of an identity, in the form it is sent back in (PostgreSQL's timestamp as exact text). */
export function keyColumns(dialect: Dialect, alias = "i"): string {
  const createdAt = dialect.name === "sqlite" ? `${alias}."createdAt"` : `to_char(${alias}."createdAt", 'YYYY-MM-DD HH24:MI:SS.US')`;
  return `${createdAt} AS "createdAt", ${alias}."id" AS "id"`;
}

/** `(createdAt, id) >= key`: a seek in the index, on both databases. */
export function fromKey(sql: Params, key: AnchorKey): string {
  return `(i."createdAt", i."id") >= (${sql.dialect.timestampParam(sql.add(key[0]))}, ${sql.add(key[1])})`;
}

/** The tally's totals: one row per shard, summed. */
export const TALLY = `SELECT SUM("listed") AS "total", SUM("generation") AS "generation" FROM "ScimIdentityTally"`;

export async function readTally(reader: SqlReader): Promise<{ total: number; generation: number }> {
  const [row] = await reader.query<{ total: unknown; generation: unknown }>(TALLY, []);
  return { total: Number(row?.total ?? 0), generation: Number(row?.generation ?? 0) };
}

/**
 * `limit` listed users from `start.key` (the top of the list when null) after skipping `start.skip`, and what the
 * tally says, with the identities from `tailFrom` on counted when it is given.
 */
export async function selectListedPage(
  reader: SqlReader,
  options: { start: { key: AnchorKey | null; skip: number }; limit: number; tailFrom: AnchorKey | null; documents?: boolean },
): Promise<{ seen: Seen; users: PageUser[] }> {
  // The page straight from the index, in its order, with the tally's numbers as subqueries run once: a skipped row
  // costs an index step. With documents, the page reads only those; the few users without a current one are built
  // by a second statement. Building them inside the page's statement too (a subquery taken only for those rows)
  // made PostgreSQL plan that subquery on every page: 0.39 ms of planning instead of 0.22, for 1.1 ms executing.
  const sql = new Params(reader.dialect);
  // Parameters are added in the order they appear in the text (SQLite binds `?` by position).
  const tally = tallyColumns(sql, options.tailFrom);
  const columns = options.documents
    ? `CASE WHEN ${documentIsCurrent(reader.dialect)} THEN i."document" END AS "document", i."userId" AS "userId"`
    : `(SELECT ${scimUserRow(reader.dialect)} FROM "User" u WHERE u."id" = i."userId") AS "row"`;
  const seek = options.start.key ? ` AND ${fromKey(sql, options.start.key)}` : "";
  // Straight from the index in its order: the skip is short (fewer than ANCHOR_SPACING entries from an anchor), so
  // PostgreSQL reads the documents as it walks. Reading the page's ids first and joining back to their rows cost it
  // 100 primary-key lookups, a sort and a larger plan (0.9–1.2 ms against 0.7–0.9, pgbench). Built users keep the
  // join there: PostgreSQL computes the select list for the rows OFFSET skips too, and building one costs more.
  const page = `${LISTED}${seek} ORDER BY ${INDEX_ORDER} LIMIT ${sql.add(options.limit)} OFFSET ${sql.add(options.start.skip)}`;
  const from =
    reader.dialect.name === "sqlite" || options.documents ? page : `(SELECT i."id" AS "pageId" FROM ${page}) p JOIN "ScimIdentity" i ON i."id" = p."pageId" ORDER BY i."createdAt", i."id"`;
  const rows = await reader.query<{ total: unknown; generation: unknown; tail?: unknown; row?: unknown; document?: unknown; userId?: unknown }>(`SELECT ${tally}, ${columns} FROM ${from}`, sql.values);
  // Past the end there is no row to carry the tally's numbers: read them alone (the page is empty either way).
  const alone = new Params(reader.dialect);
  const first = rows[0] ?? (await reader.query<{ total: unknown; generation: unknown; tail?: unknown }>(`SELECT ${tallyColumns(alone, options.tailFrom)}`, alone.values))[0];
  const users = options.documents ? await withStaleBuilt(reader, rows) : rows.map((r) => storedScimUserFromRow(r.row));
  return {
    seen: { total: Number(first?.total ?? 0), generation: Number(first?.generation ?? 0), tail: first?.tail === undefined ? null : Number(first.tail) },
    users,
  };
}

/**
 * The page's documents, with the users whose document is not current read and built in their place. They are read
 * a moment after the page, as a GET would then answer; one deleted meanwhile is left out.
 */
async function withStaleBuilt(reader: SqlReader, rows: { document?: unknown; userId?: unknown }[]): Promise<PageUser[]> {
  const stale = rows.filter((r) => typeof r.document !== "string").map((r) => String(r.userId));
  if (stale.length === 0) return rows.map((r) => ({ document: r.document as string }));
  const ids = new Params(reader.dialect);
  const where = `u."id" IN (${stale.map((id) => ids.add(id)).join(", ")})`;
  const built = new Map((await selectScimUsers(reader, { where, params: ids.values })).map((user) => [user.record.id, user]));
  return rows.flatMap((r): PageUser[] => {
    if (typeof r.document === "string") return [{ document: r.document }];
    const user = built.get(String(r.userId));
    return user ? [user] : [];
  });
}

/** The tally's total and generation, and the count of identities from `tailFrom` on, as subqueries. */
function tallyColumns(sql: Params, tailFrom: AnchorKey | null): string {
  const tail = tailFrom ? `, (SELECT COUNT(*) FROM ${LISTED} AND ${fromKey(sql, tailFrom)}) AS "tail"` : "";
  return `(SELECT SUM("listed") FROM "ScimIdentityTally") AS "total", (SELECT SUM("generation") FROM "ScimIdentityTally") AS "generation"${tail}`;
}

/**
 * The keys of the listed identities `spacing`, 2 × `spacing`, … places after `from` (after the top of the list when
 * null), a batch at a time, with the tally's generation in the same snapshot. SQLite: one key per statement, a seek
 * and a skip (0.55 s for 4,000 anchors at 1M, 0.6 s for 1,000 when they were 1,000 apart; a window function over
 * the same rows took 2.7 s). PostgreSQL: up to
 * 1,000 per statement, numbering the rows of one index range (1 s at 1M), because every statement queues for a
 * pooled connection behind the pages being served: 1,000 single steps took 4.4 s at 1M on an idle pool, and under
 * the benchmark's load the walk outlasted the run.
 */
export async function keysAfter(reader: SqlReader, from: AnchorKey | null, spacing: number): Promise<{ generation: number; keys: AnchorKey[] }> {
  const sql = new Params(reader.dialect);
  const seek = from ? ` AND ${fromKey(sql, from)}` : "";
  const keys =
    reader.dialect.name === "sqlite"
      ? `SELECT ${keyColumns(reader.dialect)}, 1 AS "rn" FROM ${LISTED}${seek} ORDER BY ${INDEX_ORDER} LIMIT 1 OFFSET ${sql.add(spacing)}`
      : `SELECT ${keyColumns(reader.dialect, "w")}, w."rn" FROM (SELECT i."createdAt", i."id", row_number() OVER (ORDER BY ${INDEX_ORDER}) AS "rn" FROM ${LISTED}${seek} ORDER BY ${INDEX_ORDER} LIMIT ${sql.add(1000 * spacing + 1)}) w WHERE w."rn" % ${sql.add(spacing)} = 1 AND w."rn" > 1`;
  const rows = await reader.query<{ generation: unknown; createdAt: unknown; id: unknown }>(
    `SELECT t."generation", k."createdAt", k."id" FROM (SELECT SUM("generation") AS "generation" FROM "ScimIdentityTally") t LEFT JOIN (${keys}) k ON 1 = 1 ORDER BY k."rn"`,
    sql.values,
  );
  return { generation: Number(rows[0]?.generation ?? 0), keys: rows.filter((r) => r.id !== null && r.id !== undefined).map((r) => [r.createdAt, String(r.id)]) };
}
