import { db } from "../db";
import { listIds } from "../db/list-ids";
import { config } from "../env";
import type { ListParams } from "../scim/list-params";
import type { ScimGroupRecord } from "../scim/groups/record";
import { GROUP_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { dialectFor, Params } from "../scim/sql/dialect";
import { filterToSql, sortToSql } from "../scim/sql/filter-to-sql";
import { matchesAtMostOne } from "../scim/sql/unique-match";
import { scimGroupColumns } from "./group-columns";
import { loadMembers, toGroupRecord } from "./group-record";

/**
 * GET /Groups, filtered and ordered in the database. Members are loaded only when the response will show them:
 * Entra lists groups with excludedAttributes=members, and a large group must cost nothing then.
 */
export async function listGroups(params: ListParams, options: { withMembers: boolean }): Promise<{ total: number; records: ScimGroupRecord[] }> {
  const sql = new Params(dialectFor(config().provider));
  const where = params.filter ? filterToSql(params.filter, { schemas: GROUP_RESOURCE_TYPE, columns: scimGroupColumns, params: sql }) : "1 = 1";
  const direction = params.sortOrder === "descending" ? "DESC" : "ASC";
  const order = [
    ...(params.sortBy ? [`${sortToSql(params.sortBy, GROUP_RESOURCE_TYPE, scimGroupColumns)} ${direction}`] : []),
    `g."createdAt" ${direction}`,
    `g."id" ${direction}`,
  ].join(", ");
  // Okta's Push Groups looks a group up by `displayName eq`: one statement, no count.
  const atMostOne = params.filter !== undefined && matchesAtMostOne(params.filter, GROUP_RESOURCE_TYPE, scimGroupColumns);
  const { total, ids } = await listIds({ from: `"Group" g`, idColumn: `g."id"`, where, order, params: sql, startIndex: params.startIndex, count: params.count, atMostOne });
  const groups = new Map((await db.group.findMany({ where: { id: { in: ids } } })).map((g) => [g.id, g]));
  const members = options.withMembers ? await loadMembers(ids) : undefined;
  return { total, records: ids.flatMap((id) => (groups.has(id) ? [toGroupRecord(groups.get(id)!, members?.get(id))] : [])) };
}
