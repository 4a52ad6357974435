import type { SqlReader } from "../db/reader";
import type { Dialect } from "../scim/sql/dialect";
import type { ScimUserRecord } from "../scim/users/record";

// SCIM reads are on the hot path of every IdP sync: a page of users, with their emails and groups, is one SQL
// statement here (children aggregated as JSON in the row) instead of one query per relation.

export const SCIM_USER_FROM = `"User" u JOIN "ScimIdentity" i ON i."userId" = u."id"`;

const USER_COLUMNS = [
  "id", "username", "givenName", "familyName", "middleName", "honorificPrefix", "honorificSuffix", "formattedName", "displayName",
  "nickName", "title", "userType", "locale", "preferredLanguage", "timezone", "profileUrl", "phoneNumbers", "addresses", "employeeNumber",
  "costCenter", "organization", "division", "department", "managerId", "managerName", "state",
];

export function scimUserSelect(dialect: Dialect): string {
  const emails = dialect.jsonList(
    [["value", `e."value"`], ["type", `e."type"`], ["primary", `e."primary"`], ["display", `e."display"`]],
    `"UserEmail" e WHERE e."userId" = u."id"`,
    `e."position"`,
  );
  const groups = dialect.jsonList(
    [["id", `g."id"`], ["displayName", `g."displayName"`]],
    `"GroupMembership" gm JOIN "Group" g ON g."id" = gm."groupId" WHERE gm."userId" = u."id"`,
    `gm."createdAt", gm."groupId"`,
  );
  const fields: [string, string][] = [
    ...USER_COLUMNS.map((c): [string, string] => [c, `u."${c}"`]),
    ["identityId", `i."id"`],
    ["identityActive", `i."active"`],
    ["userName", `i."userName"`],
    ["externalId", `i."externalId"`],
    ["version", `i."version"`],
    ["created", `i."createdAt"`],
    ["lastModified", `i."updatedAt"`],
    ["emails", emails],
    ["groups", groups],
  ];
  // The whole row as one JSON value: the drivers are far faster with one column than with forty.
  return `${dialect.jsonObject(fields)} AS "row"`;
}

type Row = Record<string, unknown>;

/** A provisioned user as stored, with what the services need beside its SCIM view. */
export type StoredScimUser = { record: ScimUserRecord; identityId: string; identityActive: boolean; username: string };

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const date = (v: unknown) => {
  if (v instanceof Date) return v;
  const s = String(v);
  // SQLite keeps "2024-01-01T00:00:00.000+00:00"; a PostgreSQL timestamp without zone holds UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`);
};
/** A JSON column as the driver hands it over: text on SQLite, already parsed on PostgreSQL. */
export const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const list = (v: unknown) => {
  const parsed = v ? json<unknown>(v) : null;
  return Array.isArray(parsed) && parsed.length ? (parsed as Record<string, unknown>[]) : null;
};

export function toStoredScimUser(row: Row): StoredScimUser {
  const emails = json<{ value: string; type: string | null; primary: unknown; display: string | null }[]>(row.emails ?? "[]");
  return {
    identityId: String(row.identityId),
    identityActive: row.identityActive === true || row.identityActive === 1,
    username: String(row.username),
    record: {
      id: String(row.id),
      userName: String(row.userName),
      externalId: text(row.externalId),
      active: row.state === "active",
      version: Number(row.version),
      created: date(row.created),
      lastModified: date(row.lastModified),
      name: {
        formatted: text(row.formattedName),
        familyName: text(row.familyName),
        givenName: text(row.givenName),
        middleName: text(row.middleName),
        honorificPrefix: text(row.honorificPrefix),
        honorificSuffix: text(row.honorificSuffix),
      },
      displayName: text(row.displayName),
      nickName: text(row.nickName),
      profileUrl: text(row.profileUrl),
      title: text(row.title),
      userType: text(row.userType),
      preferredLanguage: text(row.preferredLanguage),
      locale: text(row.locale),
      timezone: text(row.timezone),
      emails: emails.map((e) => ({ value: e.value, type: e.type ?? null, primary: e.primary === true || e.primary === 1 || e.primary === "1", display: e.display ?? null })),
      phoneNumbers: list(row.phoneNumbers),
      addresses: list(row.addresses),
      enterprise: {
        employeeNumber: text(row.employeeNumber),
        costCenter: text(row.costCenter),
        organization: text(row.organization),
        division: text(row.division),
        department: text(row.department),
        managerId: text(row.managerId),
        managerName: text(row.managerName),
      },
      groups: json<{ id: string; displayName: string }[]>(row.groups ?? "[]"),
    },
  };
}

/** What a write leaves in the identity row, for answering without reading the user back. */
export type IdentityStamp = { version: number; updatedAt: Date };

/**
 * The user a write has just stored, built from the very columns it wrote (through the same mapping a read uses,
 * so the answer to a POST or PATCH is what a GET will return) instead of reading the row back.
 */
export function storedScimUserFromColumns(written: {
  userId: string;
  username: string;
  state: string;
  columns: Record<string, unknown>;
  emails: { value: string; type: string | null; primary: boolean; display: string | null }[];
  identity: { id: string; active: boolean; userName: string; externalId: string | null; createdAt: Date } & IdentityStamp;
  groups: { id: string; displayName: string }[];
}): StoredScimUser {
  const { identity } = written;
  return toStoredScimUser({
    ...written.columns,
    id: written.userId,
    username: written.username,
    state: written.state,
    identityId: identity.id,
    identityActive: identity.active,
    userName: identity.userName,
    externalId: identity.externalId,
    version: identity.version,
    created: identity.createdAt,
    lastModified: identity.updatedAt,
    emails: written.emails,
    groups: written.groups,
  });
}

/**
 * Provisioned users matching `where` (SQL over `u` and `i`), in `order`, as one statement. A page is chosen by
 * identity id in a subquery first, so the children are aggregated for the page's rows only, not for every row
 * the OFFSET skips; `pageFrom` may narrow that subquery to the identities when nothing in it reads `u`.
 */
export async function selectScimUsers(
  reader: SqlReader,
  options: { where: string; params: unknown[]; order?: string; pageOrder?: string; limit?: string; offset?: string; pageFrom?: string },
): Promise<StoredScimUser[]> {
  const order = options.order ? ` ORDER BY ${options.order}` : "";
  const sql = options.limit
    ? `SELECT ${scimUserSelect(reader.dialect)} FROM ${SCIM_USER_FROM} JOIN (SELECT i."id" AS "pageId" FROM ${options.pageFrom ?? SCIM_USER_FROM} WHERE ${options.where}${options.pageOrder ? ` ORDER BY ${options.pageOrder}` : order} LIMIT ${options.limit}${options.offset ? ` OFFSET ${options.offset}` : ""}) p ON p."pageId" = i."id"${order}`
    : `SELECT ${scimUserSelect(reader.dialect)} FROM ${SCIM_USER_FROM} WHERE ${options.where}${order}`;
  const rows = await reader.query<{ row: unknown }>(sql, options.params);
  return rows.map((r) => toStoredScimUser(json<Row>(r.row)));
}
