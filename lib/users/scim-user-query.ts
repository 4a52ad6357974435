import type { SqlReader } from "../db/reader";
import type { Dialect } from "../scim/sql/dialect";
import type { ScimUserRecord } from "../scim/users/record";
import { documentOrRow } from "./resource-document";

// SCIM reads are on the hot path of every IdP sync: a page of users, with their emails and groups, is one SQL
// statement here (children aggregated as JSON in the row) instead of one query per relation.

export const SCIM_USER_FROM = `"User" u JOIN "ScimIdentity" i ON i."userId" = u."id"`;

const USER_COLUMNS = [
  "id", "username", "givenName", "familyName", "middleName", "honorificPrefix", "honorificSuffix", "formattedName", "displayName",
  "nickName", "title", "userType", "locale", "preferredLanguage", "timezone", "profileUrl", "phoneNumbers", "addresses", "employeeNumber",
  "costCenter", "organization", "division", "department", "managerId", "managerName", "state",
] as const;

// Each user comes back as a JSON array of these values, in this order: an array has no keys for SQL to write and
// JSON.parse to read, and a page is a hundred users of some thirty-five values each.
const FIELDS = [
  ...USER_COLUMNS.map((c) => [c, `u."${c}"`] as const),
  ["identityId", `i."id"`],
  ["identityActive", `i."active"`],
  ["userName", `i."userName"`],
  ["externalId", `i."externalId"`],
  ["version", `i."version"`],
  ["created", `i."createdAt"`],
  ["lastModified", `i."updatedAt"`],
] as const;
type Field = (typeof FIELDS)[number][0] | "emails" | "groups";
const NAMES: readonly Field[] = [...FIELDS.map(([name]) => name), "emails", "groups"];
const AT = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<Field, number>;
const EMAIL = [`e."value"`, `e."type"`, `e."primary"`, `e."display"`];
const GROUP = [`g."id"`, `g."displayName"`];
type EmailValues = [value: string, type: string | null, primary: unknown, display: string | null];
type GroupValues = [id: string, displayName: string];

export function scimUserSelect(dialect: Dialect): string {
  return `${scimUserRow(dialect)} AS "row"`;
}

/** The user of `u` and `i` as one JSON value: the drivers are far faster with one column than with forty. */
export function scimUserRow(dialect: Dialect): string {
  const emails = dialect.jsonArrayList(EMAIL, `"UserEmail" e WHERE e."userId" = u."id"`, `e."position"`);
  const groups = dialect.jsonArrayList(GROUP, `"GroupMembership" gm JOIN "Group" g ON g."id" = gm."groupId" WHERE gm."userId" = u."id"`, `gm."createdAt", gm."groupId"`);
  return dialect.jsonArray([...FIELDS.map(([, sql]) => sql), emails, groups]);
}

/** A user of a page: as stored, or (when its document is current and the caller can use it) its served JSON. */
export type PageUser = StoredScimUser | { document: string };

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

/** A user from its row's values, in FIELDS order followed by its emails and groups (each a list of arrays). */
function fromValues(v: readonly unknown[]): StoredScimUser {
  const emails = json<EmailValues[] | null>(v[AT.emails]) ?? [];
  const groups = json<GroupValues[] | null>(v[AT.groups]) ?? [];
  return {
    identityId: String(v[AT.identityId]),
    identityActive: v[AT.identityActive] === true || v[AT.identityActive] === 1,
    username: String(v[AT.username]),
    record: {
      id: String(v[AT.id]),
      userName: String(v[AT.userName]),
      externalId: text(v[AT.externalId]),
      active: v[AT.state] === "active",
      version: Number(v[AT.version]),
      created: date(v[AT.created]),
      lastModified: date(v[AT.lastModified]),
      name: {
        formatted: text(v[AT.formattedName]),
        familyName: text(v[AT.familyName]),
        givenName: text(v[AT.givenName]),
        middleName: text(v[AT.middleName]),
        honorificPrefix: text(v[AT.honorificPrefix]),
        honorificSuffix: text(v[AT.honorificSuffix]),
      },
      displayName: text(v[AT.displayName]),
      nickName: text(v[AT.nickName]),
      profileUrl: text(v[AT.profileUrl]),
      title: text(v[AT.title]),
      userType: text(v[AT.userType]),
      preferredLanguage: text(v[AT.preferredLanguage]),
      locale: text(v[AT.locale]),
      timezone: text(v[AT.timezone]),
      emails: emails.map(([value, type, primary, display]) => ({ value, type: type ?? null, primary: primary === true || primary === 1 || primary === "1", display: display ?? null })),
      phoneNumbers: list(v[AT.phoneNumbers]),
      addresses: list(v[AT.addresses]),
      enterprise: {
        employeeNumber: text(v[AT.employeeNumber]),
        costCenter: text(v[AT.costCenter]),
        organization: text(v[AT.organization]),
        division: text(v[AT.division]),
        department: text(v[AT.department]),
        managerId: text(v[AT.managerId]),
        managerName: text(v[AT.managerName]),
      },
      groups: groups.map(([id, displayName]) => ({ id, displayName })),
    },
  };
}

type Email = { value: string; type: string | null; primary: unknown; display: string | null };

/** A user from a row of named values (the columns a write has just stored), mapped as a read maps its rows. */
export function toStoredScimUser(row: Record<string, unknown>): StoredScimUser {
  const values = NAMES.map((name) => row[name]);
  values[AT.emails] = ((row.emails ?? []) as Email[]).map((e): EmailValues => [e.value, e.type, e.primary, e.display]);
  values[AT.groups] = ((row.groups ?? []) as { id: string; displayName: string }[]).map((g): GroupValues => [g.id, g.displayName]);
  return fromValues(values);
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
export async function selectScimUsers(reader: SqlReader, options: SelectOptions): Promise<StoredScimUser[]> {
  return (await selectPageUsers(reader, options, false)) as StoredScimUser[];
}

type SelectOptions = { where: string; params: unknown[]; order?: string; pageOrder?: string; limit?: string; offset?: string; pageFrom?: string };

/** As selectScimUsers; with `documents`, users whose stored document is current come as that document. */
export async function selectPageUsers(reader: SqlReader, options: SelectOptions, documents: boolean): Promise<PageUser[]> {
  const columns = documents ? documentOrRow(reader.dialect, scimUserRow(reader.dialect)) : scimUserSelect(reader.dialect);
  const order = options.order ? ` ORDER BY ${options.order}` : "";
  const sql = options.limit
    ? `SELECT ${columns} FROM ${SCIM_USER_FROM} JOIN (SELECT i."id" AS "pageId" FROM ${options.pageFrom ?? SCIM_USER_FROM} WHERE ${options.where}${options.pageOrder ? ` ORDER BY ${options.pageOrder}` : order} LIMIT ${options.limit}${options.offset ? ` OFFSET ${options.offset}` : ""}) p ON p."pageId" = i."id"${order}`
    : `SELECT ${columns} FROM ${SCIM_USER_FROM} WHERE ${options.where}${order}`;
  const rows = await reader.query<{ row: unknown; document?: unknown }>(sql, options.params);
  return rows.map((r) => (typeof r.document === "string" ? { document: r.document } : storedScimUserFromRow(r.row)));
}

/** A user from the `row` column `scimUserSelect` makes. */
export function storedScimUserFromRow(row: unknown): StoredScimUser {
  return fromValues(json<unknown[]>(row));
}
