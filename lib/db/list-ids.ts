import type { Params } from "../scim/sql/dialect";
import { db } from "../db";

/**
 * One page of ids from a translated SCIM list query, and the total it pages through. `where` and `order` are SQL
 * built with `params`; the order must end on a unique column so that pages never overlap. With `atMostOne` (the
 * filter is a lookup by a unique attribute: lib/scim/sql/unique-match.ts) the match is read in one statement, with
 * no count and no order.
 */
export async function listIds(options: {
  from: string;
  idColumn: string;
  where: string;
  order: string;
  params: Params;
  startIndex: number;
  count: number;
  atMostOne?: boolean;
}): Promise<{ total: number; ids: string[] }> {
  const { from, idColumn, where, order, params, startIndex, count } = options;
  if (options.atMostOne) {
    const found = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT ${idColumn} AS id FROM ${from} WHERE ${where}`, ...params.values);
    return { total: found.length, ids: found.slice(startIndex - 1, startIndex - 1 + count).map((r) => r.id) };
  }
  const counted = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, ...params.values);
  const total = Number(counted[0]?.n ?? 0);
  if (count === 0 || startIndex > total) return { total, ids: [] };
  const limit = params.add(count);
  const offset = params.add(startIndex - 1);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT ${idColumn} AS id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    ...params.values,
  );
  return { total, ids: rows.map((r) => r.id) };
}
