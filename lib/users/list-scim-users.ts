import { db } from "../db";
import { listIds } from "../db/list-ids";
import { config } from "../env";
import type { ListParams } from "../scim/list-params";
import { USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { dialectFor, Params } from "../scim/sql/dialect";
import { filterToSql, sortToSql } from "../scim/sql/filter-to-sql";
import type { ScimUserRecord } from "../scim/users/record";
import { scimUserColumns } from "./scim-columns";
import { scimUserInclude, toScimRecord } from "./scim-record";

const FROM = `"User" u JOIN "ScimIdentity" i ON i."userId" = u."id"`;

/**
 * GET /Users: the filter and order are translated to SQL and run in the database; the page is then loaded by id.
 * The order always ends on the identity's creation time and id, so paging never skips or repeats a user.
 */
export async function listScimUsers(params: ListParams): Promise<{ total: number; records: ScimUserRecord[] }> {
  const sql = new Params(dialectFor(config().provider));
  let where = `i."deletedAt" IS NULL`;
  if (params.filter) {
    where += ` AND ${filterToSql(params.filter, { schemas: USER_RESOURCE_TYPE, columns: scimUserColumns, params: sql })}`;
  }
  const direction = params.sortOrder === "descending" ? "DESC" : "ASC";
  const order = [
    ...(params.sortBy ? [`${sortToSql(params.sortBy, USER_RESOURCE_TYPE, scimUserColumns)} ${direction}`] : []),
    `i."createdAt" ${direction}`,
    `i."id" ${direction}`,
  ].join(", ");

  const { total, ids } = await listIds({ from: FROM, idColumn: `u."id"`, where, order, params: sql, startIndex: params.startIndex, count: params.count });
  const users = await db.user.findMany({ where: { id: { in: ids } }, include: scimUserInclude });
  const byId = new Map(users.map((u) => [u.id, u]));
  return { total, records: ids.flatMap((id) => (byId.has(id) ? [toScimRecord(byId.get(id)!)] : [])) };
}
