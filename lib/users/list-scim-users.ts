import { reader, writeTransaction } from "../db";
import { config } from "../env";
import type { SqlReader } from "../db/reader";
import type { ListParams } from "../scim/list-params";
import { USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { Params } from "../scim/sql/dialect";
import { filterToSql, sortToSql } from "../scim/sql/filter-to-sql";
import { matchesAtMostOne } from "../scim/sql/unique-match";
import type { ScimUserRecord } from "../scim/users/record";
import { listedPage } from "./listed-page";
import { scimUserColumns } from "./scim-columns";
import { refreshDocumentsOnce, storeRebuilt } from "./refresh-documents";
import { readTally } from "./scim-user-page";
import { SCIM_USER_FROM, selectPageUsers, type PageUser } from "./scim-user-query";

/**
 * GET /Users: the filter and order are translated to SQL and the page is read in one statement. The order always
 * ends on the identity's creation time and id, so paging never skips or repeats a user. The total is counted only
 * when the page cannot tell it: a first page shorter than `count` is everything there is. A lookup by a unique
 * attribute (IdPs' `userName eq "…"`) is one plain statement: it cannot match two users, so it needs no order.
 * Without a filter the total is the tally the triggers keep, and the default ascending order (how IdPs page
 * through everyone) seeks to its page from an anchor (./listed-page.ts). A sortBy or descending order without a
 * filter keeps the OFFSET walk: no IdP we know of pages that way, and anchors for it would need a walk and a cache
 * of their own per sort attribute.
 */
export async function listScimUsers(params: ListParams, source: SqlReader = reader()): Promise<{ total: number; records: ScimUserRecord[] }> {
  const { total, users } = await list(params, source, false);
  return { total, records: users.map((u) => ("record" in u ? u.record : unexpected())) };
}

/**
 * GET /Users as served without a projection: users whose stored document is current (./resource-document.ts) come
 * as that JSON, the others as records to render.
 */
export async function listScimUserPage(params: ListParams, source: SqlReader = reader()): Promise<{ total: number; users: (ScimUserRecord | string)[] }> {
  const baseUrl = config().scimBaseUrl;
  void refreshDocumentsOnce(reader(), writeTransaction, baseUrl);
  const { total, users } = await list(params, source, true);
  // Documents were asked for, so a record is a user whose document is stale: it was rebuilt.
  storeRebuilt(users.flatMap((u) => ("record" in u ? [u.record] : [])), writeTransaction, baseUrl);
  return { total, users: users.map((u) => ("record" in u ? u.record : u.document)) };
}

function unexpected(): never {
  throw new Error("a document where a record was asked for");
}

/** With `documents`, users whose stored document is current come as that document. */
async function list(params: ListParams, source: SqlReader, documents: boolean): Promise<{ total: number; users: PageUser[] }> {
  if (!params.filter && !params.sortBy && params.sortOrder !== "descending") {
    if (params.count === 0) return { total: (await readTally(source)).total, users: [] };
    return listedPage(source, params.startIndex - 1, params.count, documents);
  }
  const sql = new Params(source.dialect);
  let where = `i."deletedAt" IS NULL`;
  if (params.filter) {
    where += ` AND ${filterToSql(params.filter, { schemas: USER_RESOURCE_TYPE, columns: scimUserColumns, params: sql })}`;
  }
  if (params.filter && matchesAtMostOne(params.filter, USER_RESOURCE_TYPE, scimUserColumns)) {
    // A lookup by userName, externalId or id: at most one user, so no order, page subquery or count to work out.
    const found = await selectPageUsers(source, { where, params: sql.values }, documents);
    return { total: found.length, users: found.slice(params.startIndex - 1, params.startIndex - 1 + params.count) };
  }
  const direction = params.sortOrder === "descending" ? "DESC" : "ASC";
  const order = [
    ...(params.sortBy ? [`${sortToSql(params.sortBy, USER_RESOURCE_TYPE, scimUserColumns)} ${direction}`] : []),
    `i."createdAt" ${direction}`,
    `i."id" ${direction}`,
  ].join(", ");
  // The page itself is picked in the index's own order, (deletedAt, createdAt, id): deletedAt is NULL on every
  // row listed, so leading with it changes nothing, but it lets PostgreSQL walk the index instead of sorting
  // every user (it does not infer that a column tested with IS NULL is constant).
  const pageOrder = params.sortBy ? order : `i."deletedAt" ${direction}, ${order}`;
  const filterValues = [...sql.values];
  // Without a filter or sort key, the identities alone answer (every identity has its user): index-only work.
  const countFrom = params.filter ? SCIM_USER_FROM : `"ScimIdentity" i`;
  const pageFrom = params.filter || params.sortBy ? SCIM_USER_FROM : `"ScimIdentity" i`;
  const count = async () => {
    if (!params.filter) return (await readTally(source)).total;
    const rows = await source.query<{ n: number | bigint | string }>(`SELECT COUNT(*) AS n FROM ${countFrom} WHERE ${where}`, filterValues);
    return Number(rows[0]?.n ?? 0);
  };
  if (params.count === 0) return { total: await count(), users: [] };
  const limit = sql.add(params.count);
  const offset = sql.add(params.startIndex - 1);
  const users = await selectPageUsers(source, { where, params: sql.values, order, pageOrder, limit, offset, pageFrom }, documents);
  const total = params.startIndex === 1 && users.length < params.count ? users.length : await count();
  return { total, users };
}
