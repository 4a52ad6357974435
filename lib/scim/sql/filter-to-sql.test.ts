import path from "node:path";
import { createClient, type Client, type InValue } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable, type TestDatabase } from "../../../tests/support/databases";
import { readMigrations } from "../../db/migrations";
import { scimUserColumns } from "../../users/scim-columns";
import { ScimError } from "../errors";
import type { Filter } from "../filter/ast";
import { parseFilter } from "../filter/parse-filter";
import { cmp, vp } from "../filter/test-helpers";
import { USER_RESOURCE_TYPE } from "../schema/resource-types";
import { dialectFor, Params, postgresql, sqlite, type Dialect, type DialectName } from "./dialect";
import { filterToSql, sortToSql } from "./filter-to-sql";

// The SQL that filterToSql produces is run against the real schema (the migrations themselves), on an in-memory
// SQLite database and, when a PostgreSQL server answers, on a fresh PostgreSQL database: the assertions are about
// which users come back, not about the SQL text.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const ALICE = "u-alice";
const BOB = "u-bob";
// Mixed case on purpose: `id` is caseExact.
const CAROL = "U-Carol";
const DAVE = "u-dave";
const EVERYONE = [ALICE, BOB, CAROL, DAVE];

/** Groups and their members (a user's `groups` attribute). */
const GROUPS: { id: string; displayName: string; members: string[] }[] = [
  { id: "g-eng", displayName: "Engineering", members: [ALICE, BOB] },
  { id: "g-sales", displayName: "Sales", members: [CAROL] },
];

type EmailRow = { value: string; type: string | null; primary: boolean; display?: string };
type UserRow = {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  locale: string | null;
  state: "active" | "blocked";
  employeeNumber: string | null;
  department: string | null;
  managerId: string | null;
  managerName: string | null;
  /** ISO instants (UTC) of the SCIM identity: meta.created and meta.lastModified. */
  created: string;
  updated: string;
  emails: EmailRow[];
};

const USERS: UserRow[] = [
  {
    id: ALICE,
    userName: "Alice@Example.com",
    externalId: "EXT-Alice",
    displayName: "Alice Smith",
    givenName: "Alice",
    familyName: "Smith",
    title: "Engineer",
    locale: "en-US",
    state: "active",
    employeeNumber: "7",
    department: "R&D",
    managerId: CAROL,
    managerName: "Carol Boss",
    created: "2024-01-10T08:00:00.000Z",
    updated: "2024-03-01T00:00:00.000Z",
    emails: [
      { value: "Alice@Example.com", type: "work", primary: true },
      { value: "alice@home.org", type: "home", primary: false },
    ],
  },
  {
    id: BOB,
    userName: "bob",
    externalId: null,
    displayName: "bob jones",
    givenName: "Bob",
    familyName: "Jones",
    title: null,
    locale: null,
    state: "blocked",
    employeeNumber: "70",
    department: null,
    managerId: null,
    managerName: null,
    created: "2024-01-31T12:00:00.000Z",
    updated: "2024-01-31T12:00:00.000Z",
    emails: [{ value: "bob@EXAMPLE.com", type: "work", primary: false, display: "Bob at work" }],
  },
  {
    id: CAROL,
    userName: "Carol",
    externalId: "ext-carol",
    displayName: "Carol Boss",
    givenName: "Carol",
    familyName: "Boss",
    title: "Manager",
    locale: "fr-FR",
    state: "active",
    employeeNumber: "8",
    department: "Sales",
    managerId: null,
    managerName: null,
    created: "2024-02-15T09:30:00.000Z",
    updated: "2024-06-30T23:59:59.999Z",
    emails: [
      { value: "carol@partner.net", type: "home", primary: true },
      { value: "carol@example.com", type: null, primary: false },
    ],
  },
  {
    id: DAVE,
    userName: "dave",
    externalId: "ext-dave",
    displayName: null,
    givenName: null,
    familyName: "Ångström",
    title: null,
    locale: null,
    state: "active",
    employeeNumber: null,
    department: null,
    managerId: null,
    managerName: null,
    created: "2023-12-31T23:59:59.999Z",
    updated: "2024-01-01T00:00:00.000Z",
    emails: [],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Test databases

type TestDb = {
  dialect: Dialect;
  /** The `id` column of every row the query returns, in the order returned. */
  ids: (sql: string, params: readonly unknown[]) => Promise<string[]>;
  close: () => Promise<void>;
};

/** How each database keeps Prisma's DateTime and Boolean values (written independently of the dialect code). */
const STORAGE: Record<DialectName, { date: (iso: string) => string; bool: (b: boolean) => boolean | number }> = {
  sqlite: { date: (iso) => iso.replace(/Z$/, "+00:00"), bool: (b) => (b ? 1 : 0) },
  postgresql: { date: (iso) => iso.replace("T", " ").replace(/Z$/, ""), bool: (b) => b },
};

function seedStatements(name: DialectName): { sql: string; args: unknown[] }[] {
  const { date, bool } = STORAGE[name];
  const ph = (n: number) => Array.from({ length: n }, (_, i) => (name === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
  const statements: { sql: string; args: unknown[] }[] = [];
  for (const u of USERS) {
    const primaryEmail = u.emails.find((e) => e.primary) ?? u.emails[0];
    const userArgs = [
      u.id,
      u.userName.toLowerCase(),
      u.userName.toLowerCase(),
      primaryEmail?.value ?? null,
      primaryEmail?.value.toLowerCase() ?? null,
      u.displayName ?? u.userName,
      u.displayName,
      u.givenName,
      u.familyName,
      u.title,
      u.locale,
      u.employeeNumber,
      u.department,
      u.managerId,
      u.managerName,
      u.state,
      date(u.created),
      date(u.updated),
    ];
    statements.push({
      sql: `INSERT INTO "User" ("id", "username", "usernameNorm", "email", "emailNorm", "name", "displayName", "givenName",
        "familyName", "title", "locale", "employeeNumber", "department", "managerId", "managerName", "state", "createdAt",
        "updatedAt") VALUES (${ph(userArgs.length)})`,
      args: userArgs,
    });
    const identityArgs = [
      `scim-${u.id}`,
      u.id,
      u.userName,
      u.userName.toLowerCase(),
      u.externalId,
      u.externalId?.toLowerCase() ?? null,
      bool(u.state === "active"),
      date(u.created),
      date(u.updated),
    ];
    statements.push({
      sql: `INSERT INTO "ScimIdentity" ("id", "userId", "userName", "userNameNorm", "externalId", "externalIdNorm", "active",
        "createdAt", "updatedAt") VALUES (${ph(identityArgs.length)})`,
      args: identityArgs,
    });
    u.emails.forEach((e, position) => {
      const emailArgs = [`${u.id}-email-${position}`, u.id, position, e.value, e.value.toLowerCase(), e.type, bool(e.primary), e.display ?? null];
      statements.push({
        sql: `INSERT INTO "UserEmail" ("id", "userId", "position", "value", "valueNorm", "type", "primary", "display")
          VALUES (${ph(emailArgs.length)})`,
        args: emailArgs,
      });
    });
  }
  for (const g of GROUPS) {
    const groupArgs = [g.id, g.displayName, g.displayName.toLowerCase(), date("2024-01-01T00:00:00.000Z")];
    statements.push({
      sql: `INSERT INTO "Group" ("id", "displayName", "displayNameNorm", "updatedAt") VALUES (${ph(groupArgs.length)})`,
      args: groupArgs,
    });
    for (const member of g.members) {
      statements.push({ sql: `INSERT INTO "GroupMembership" ("groupId", "userId") VALUES (${ph(2)})`, args: [g.id, member] });
    }
  }
  return statements;
}

async function sqliteDb(): Promise<TestDb> {
  const client: Client = createClient({ url: ":memory:" });
  for (const migration of readMigrations("sqlite", ROOT)) await client.executeMultiple(migration.sql);
  for (const { sql, args } of seedStatements("sqlite")) await client.execute({ sql, args: args as InValue[] });
  return {
    dialect: sqlite,
    ids: async (sql, params) => (await client.execute({ sql, args: params as InValue[] })).rows.map((r) => String(r.id)),
    close: async () => client.close(),
  };
}

async function postgresDb(): Promise<TestDb> {
  const database: TestDatabase = await freshDatabase("postgresql", "filter_to_sql");
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    for (const migration of readMigrations("postgresql", ROOT)) await client.query(migration.sql);
    for (const { sql, args } of seedStatements("postgresql")) await client.query(sql, args);
  } catch (error) {
    await client.end().catch(() => undefined);
    await database.drop();
    throw error;
  }
  return {
    dialect: postgresql,
    ids: async (sql, params) => (await client.query<{ id: string }>(sql, [...params])).rows.map((r) => r.id),
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

const FROM = `FROM "User" u JOIN "ScimIdentity" i ON i."userId" = u."id"`;

function toSql(filter: string | Filter, dialect: Dialect): { where: string; params: unknown[] } {
  const params = new Params(dialect);
  const parsed = typeof filter === "string" ? parseFilter(filter) : filter;
  const where = filterToSql(parsed, { schemas: USER_RESOURCE_TYPE, columns: scimUserColumns, params });
  return { where, params: params.values };
}

async function matching(db: TestDb, filter: string): Promise<string[]> {
  const { where, params } = toSql(filter, db.dialect);
  return (await db.ids(`SELECT u."id" AS id ${FROM} WHERE ${where}`, params)).sort();
}

async function sorted(db: TestDb, sortBy: string, direction: "ASC" | "DESC", where = "1 = 1"): Promise<string[]> {
  const order = sortToSql(sortBy, USER_RESOURCE_TYPE, scimUserColumns);
  return db.ids(`SELECT u."id" AS id ${FROM} WHERE ${where} ORDER BY ${order} ${direction}, u."id" ASC`, []);
}

const ids = (...users: string[]) => [...users].sort();

function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error("expected a ScimError to be thrown");
}

// ---------------------------------------------------------------------------------------------------------------
// Cases run on every database: [filter, the users it must return]

const STRING_CASES: [string, string[]][] = [
  // userName and externalId compare through their lowercase copies.
  ['userName eq "ALICE@example.COM"', [ALICE]],
  ['userName eq "alice@example.com"', [ALICE]],
  ['USERNAME EQ "Bob"', [BOB]],
  ['userName ne "bob"', [ALICE, CAROL, DAVE]],
  ['userName co "EXAMPLE"', [ALICE]],
  ['userName sw "CA"', [CAROL]],
  ['userName ew "OL"', [CAROL]],
  ['userName gt "c"', [CAROL, DAVE]],
  ['userName ge "carol"', [CAROL, DAVE]],
  ['userName lt "bob"', [ALICE]],
  ['userName le "BOB"', [ALICE, BOB]],
  ["userName pr", EVERYONE],
  ['externalId eq "ext-ALICE"', [ALICE]],
  ['externalId sw "EXT-"', [ALICE, CAROL, DAVE]],
  ["externalId pr", [ALICE, CAROL, DAVE]],
  ["not (externalId pr)", [BOB]],
  // Plain columns compare through lower() on both sides.
  ['name.familyName eq "SMITH"', [ALICE]],
  ['name.familyName co "ON"', [BOB]],
  ['name.familyName ne "smith"', [BOB, CAROL, DAVE]],
  ['name.givenName sw "a"', [ALICE]],
  ["name.givenName pr", [ALICE, BOB, CAROL]],
  ['Name.GivenName lt "bz"', [ALICE, BOB]],
  ['displayName ew "JONES"', [BOB]],
  ['displayName eq "carol boss"', [CAROL]],
  ['displayName ge "BOB"', [BOB, CAROL]],
  ["displayName pr", [ALICE, BOB, CAROL]],
  ['locale eq "EN-us"', [ALICE]],
  [`${USER}:userName eq "dave"`, [DAVE]],
  [`${USER}:name.familyName eq "jones"`, [BOB]],
  // id is caseExact.
  [`id eq "${CAROL}"`, [CAROL]],
  ['id eq "u-carol"', []],
  ['id sw "u-"', [ALICE, BOB, DAVE]],
  ['id co "Carol"', [CAROL]],
  ['id co "carol"', []],
  ['id ew "E"', []],
  [`id ne "${BOB}"`, [ALICE, CAROL, DAVE]],
  // Unquoted values are read as strings (numbers and words alike).
  ["userName eq bob", [BOB]],
  ["externalId eq EXT-CAROL", [CAROL]],
  ["employeeNumber eq 7", [ALICE]],
  // Enterprise extension, qualified or not.
  [`${ENTERPRISE}:employeeNumber eq "7"`, [ALICE]],
  ['employeeNumber sw "7"', [ALICE, BOB]],
  [`${ENTERPRISE}:department eq "r&d"`, [ALICE]],
  [`${ENTERPRISE}:manager.value eq "${CAROL}"`, [ALICE]],
  ['manager.value eq "u-carol"', [ALICE]],
  ['manager.displayName co "boss"', [ALICE]],
  [`${ENTERPRISE}:organization pr`, []],
  // Values only ever travel as parameters.
  [`userName eq "'; DROP TABLE \\"User\\"; --"`, []],
  ['displayName co "%"', []],
  ['displayName co "_"', []],
];

const NULL_AND_LOGIC_CASES: [string, string[]][] = [
  ['title eq "engineer"', [ALICE]],
  ["title eq null", [BOB, DAVE]],
  ["title ne null", [ALICE, CAROL]],
  ["title pr", [ALICE, CAROL]],
  // SCIM: a comparison on an absent value is false, so `ne` and `not` keep users without a title.
  ['title ne "Engineer"', [BOB, CAROL, DAVE]],
  ['not (title eq "Engineer")', [BOB, CAROL, DAVE]],
  ['not (title co "x")', EVERYONE],
  ['not (title eq "Engineer" or title eq "Manager")', [BOB, DAVE]],
  ['not (title eq "Engineer" and active eq true)', [BOB, CAROL, DAVE]],
  ['not (not (title eq "Engineer"))', [ALICE]],
  ["not (title pr)", [BOB, DAVE]],
  ['title eq "Engineer" or title eq null', [ALICE, BOB, DAVE]],
  ["title pr and active eq true", [ALICE, CAROL]],
  ['(title eq "Manager" or userName eq "bob") and not (active eq false)', [CAROL]],
  ['userName eq "bob" or userName eq "dave" and title pr', [BOB]],
  ['(userName eq "bob" or userName eq "dave") and title eq null', [BOB, DAVE]],
];

const BOOLEAN_CASES: [string, string[]][] = [
  ["active eq true", [ALICE, CAROL, DAVE]],
  ["active eq false", [BOB]],
  ['active eq "False"', [BOB]],
  ['active eq "TRUE"', [ALICE, CAROL, DAVE]],
  ["active ne true", [BOB]],
  ['active ne "false"', [ALICE, CAROL, DAVE]],
  ["active pr", EVERYONE],
  ["not (active eq true)", [BOB]],
  ["emails.primary eq true", [ALICE, CAROL]],
  // Any email of the user may match.
  ["emails.primary eq false", [ALICE, BOB, CAROL]],
  ["emails.primary ne true", [ALICE, BOB, CAROL]],
  ['emails.primary eq "True"', [ALICE, CAROL]],
  ['emails[primary eq true and type eq "work"]', [ALICE]],
  ["not (emails.primary eq true)", [BOB, DAVE]],
];

const DATE_CASES: [string, string[]][] = [
  ['meta.created gt "2024-01-31T12:00:00Z"', [CAROL]],
  ['meta.created ge "2024-01-31T12:00:00Z"', [BOB, CAROL]],
  ['meta.created ge "2024-01-31T12:00:00.000Z"', [BOB, CAROL]],
  ['meta.created eq "2024-01-31T12:00:00Z"', [BOB]],
  // The same instant written with an offset.
  ['meta.created eq "2024-01-31T13:00:00+01:00"', [BOB]],
  ['meta.created ne "2024-01-31T12:00:00Z"', [ALICE, CAROL, DAVE]],
  ['meta.created lt "2024-01-01T00:00:00Z"', [DAVE]],
  ['meta.created le "2024-01-10T08:00:00Z"', [ALICE, DAVE]],
  ['meta.created gt "2024-01-01T00:00:00Z" and meta.created lt "2024-02-01T00:00:00Z"', [ALICE, BOB]],
  ["meta.created pr", EVERYONE],
  ['meta.lastModified le "2024-01-31T12:00:00Z"', [BOB, DAVE]],
  ['meta.lastModified lt "2024-06-30T23:59:59.999Z"', [ALICE, BOB, DAVE]],
  // Millisecond precision is kept.
  ['meta.lastModified ge "2024-06-30T23:59:59.999Z"', [CAROL]],
  ['meta.lastModified gt "2024-06-30T23:59:59.998Z"', [CAROL]],
  // A date alone is midnight UTC: Dave was modified exactly then, which is not "greater".
  ['meta.lastModified gt "2024-01-01"', [ALICE, BOB, CAROL]],
  ['META.LASTMODIFIED GE "2024-01-01"', EVERYONE],
];

const EMAIL_CASES: [string, string[]][] = [
  // `emails` alone compares its `value` sub-attribute.
  ['emails eq "BOB@example.com"', [BOB]],
  ['emails co "@example.com"', [ALICE, BOB, CAROL]],
  ['emails.value ew ".ORG"', [ALICE]],
  ['emails.value sw "carol@"', [CAROL]],
  ['emails.value gt "c"', [CAROL]],
  ['emails.type eq "HOME"', [ALICE, CAROL]],
  ["emails pr", [ALICE, BOB, CAROL]],
  ["not (emails pr)", [DAVE]],
  ["emails.value pr", [ALICE, BOB, CAROL]],
  ["emails.display pr", [BOB]],
  ['emails.display co "WORK"', [BOB]],
  ["emails.type eq null", [CAROL]],
  // A multi-valued attribute matches when any of its values does (RFC 7644 §3.4.2.2).
  ['emails.value ne "bob@example.com"', [ALICE, CAROL]],
  // A value path binds both conditions to the same email…
  ['emails[type eq "work" and value co "@example.com"]', [ALICE, BOB]],
  ['emails[type eq "home" and value co "@example.com"]', []],
  // …whereas two separate conditions may match two different emails.
  ['emails.type eq "home" and emails.value co "@example.com"', [ALICE, CAROL]],
  ['EMAILS[TYPE EQ "work"]', [ALICE, BOB]],
  [`${USER}:emails[type eq "work"]`, [ALICE, BOB]],
  ['emails[not (type eq "home")]', [ALICE, BOB, CAROL]],
  ['emails[value ew "partner.net" or primary eq false]', [ALICE, BOB, CAROL]],
  ["emails[type pr]", [ALICE, BOB, CAROL]],
  ['not (emails[type eq "work"])', [CAROL, DAVE]],
  ['emails[type eq "work"] and active eq false', [BOB]],
];

const GROUP_CASES: [string, string[]][] = [
  // groups.value is the group's id (caseExact); groups alone compares it.
  ['groups eq "g-eng"', [ALICE, BOB]],
  ['groups.value eq "g-sales"', [CAROL]],
  ['groups.value eq "G-ENG"', []],
  ['groups.display eq "SALES"', [CAROL]],
  ['groups.display sw "eng"', [ALICE, BOB]],
  ["groups pr", [ALICE, BOB, CAROL]],
  ["not (groups pr)", [DAVE]],
  ['groups[display co "ing" and type eq "direct"]', [ALICE, BOB]],
  ['groups.type eq "indirect"', []],
  ['groups eq "g-eng" and active eq true', [ALICE]],
];

const ALL_CASES = [...STRING_CASES, ...NULL_AND_LOGIC_CASES, ...BOOLEAN_CASES, ...DATE_CASES, ...EMAIL_CASES, ...GROUP_CASES];

// ---------------------------------------------------------------------------------------------------------------

const hasPostgres = await postgresAvailable();

const DATABASES: { label: string; name: DialectName; open: () => Promise<TestDb>; available: boolean }[] = [
  { label: "SQLite (in memory, real migrations)", name: "sqlite", open: sqliteDb, available: true },
  { label: "PostgreSQL (fresh database, real migrations)", name: "postgresql", open: postgresDb, available: hasPostgres },
];

for (const database of DATABASES) {
  describe.skipIf(!database.available)(`filterToSql executed on ${database.label}`, () => {
    let db: TestDb;
    beforeAll(async () => {
      db = await database.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it("sees every seeded user through the User ⋈ ScimIdentity join", async () => {
      expect((await db.ids(`SELECT u."id" AS id ${FROM}`, [])).sort()).toEqual(ids(...EVERYONE));
    });

    describe("strings: case-insensitive attributes, caseExact id, unquoted values, enterprise attributes", () => {
      it.each(STRING_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    describe("null, and/or/not with SCIM semantics for absent values", () => {
      it.each(NULL_AND_LOGIC_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    describe("booleans: active (from the user's state) and emails.primary", () => {
      it.each(BOOLEAN_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    describe("dateTimes: meta.created and meta.lastModified", () => {
      it.each(DATE_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    describe("emails: sub-attributes, the default sub-attribute and value paths", () => {
      it.each(EMAIL_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    describe("groups: membership through GroupMembership", () => {
      it.each(GROUP_CASES)("%s", async (filter, expected) => {
        expect(await matching(db, filter)).toEqual(ids(...expected));
      });
    });

    it("leaves the tables intact after a filter value that looks like SQL", async () => {
      await matching(db, `userName eq "x\\"; DROP TABLE \\"User\\"; --"`);
      expect(await db.ids(`SELECT u."id" AS id ${FROM}`, [])).toHaveLength(EVERYONE.length);
    });

    it('treats `ew ""` as "has a value" without disturbing the parameters of the conditions after it', async () => {
      // Every string ends with "", so this must be exactly `userName eq "bob"`.
      expect(await matching(db, 'userName ew "" and userName eq "bob"')).toEqual([BOB]);
      expect(await matching(db, 'title ew ""')).toEqual(ids(ALICE, CAROL));
    });

    it("compares non-ASCII letters case-insensitively on case-insensitive attributes (ASCII only on SQLite)", async () => {
      // Dave's familyName is stored as "Ångström"; RFC 7643 caseExact=false means any case must match. SQLite's
      // lower() folds ASCII only, so there the non-ASCII letters must match in case (a documented limitation;
      // userName, externalId and email addresses are compared through lowercase copies made in JavaScript).
      expect(await matching(db, 'name.familyName eq "ångström"')).toEqual(database.label.includes("SQLite") ? [] : [DAVE]);
      expect(await matching(db, 'name.familyName eq "ÅNGSTRöM"')).toEqual([DAVE]);
      expect(await matching(db, 'name.familyName sw "Å"')).toEqual([DAVE]);
    });

    describe("sortToSql orders the rows", () => {
      it("by displayName case-insensitively", async () => {
        // Byte order would put "bob jones" after "Carol Boss".
        expect(await sorted(db, "displayName", "ASC", `u."displayName" IS NOT NULL`)).toEqual([ALICE, BOB, CAROL]);
        expect(await sorted(db, "displayName", "DESC", `u."displayName" IS NOT NULL`)).toEqual([CAROL, BOB, ALICE]);
      });

      it("by userName through its lowercase copy", async () => {
        expect(await sorted(db, "userName", "DESC")).toEqual([DAVE, CAROL, BOB, ALICE]);
      });

      it("by emails, meaning the primary email address", async () => {
        expect(await sorted(db, "emails", "ASC", `u."emailNorm" IS NOT NULL`)).toEqual([ALICE, BOB, CAROL]);
      });

      it("by meta.created and meta.lastModified chronologically", async () => {
        expect(await sorted(db, "meta.created", "ASC")).toEqual([DAVE, ALICE, BOB, CAROL]);
        expect(await sorted(db, "meta.lastModified", "DESC")).toEqual([CAROL, ALICE, BOB, DAVE]);
      });

      it("by active, inactive users first when ascending", async () => {
        expect(await sorted(db, "active", "ASC")).toEqual([BOB, CAROL, ALICE, DAVE]);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------

describe("filterToSql: parameters", () => {
  const referenced = (sql: string, dialect: DialectName): number[] =>
    dialect === "sqlite"
      ? Array.from({ length: (sql.match(/\?/g) ?? []).length }, (_, i) => i + 1)
      : [...new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

  it.each([...ALL_CASES.map(([filter]) => filter), 'title ew ""', 'userName ew "" and userName eq "bob"'])(
    "binds exactly one placeholder per parameter, in order: %s",
    (filter) => {
      for (const name of ["sqlite", "postgresql"] as const) {
        const { where, params } = toSql(filter, dialectFor(name));
        expect(referenced(where, name)).toEqual(params.map((_, i) => i + 1));
      }
    },
  );

  it("never inlines a filter value into the SQL", () => {
    const value = `O'Brien"); DELETE FROM "User"; --`;
    const { where, params } = toSql(cmp("name.familyName", "eq", value), sqlite);
    expect(where).not.toContain("O'Brien");
    expect(where).not.toContain("DELETE");
    expect(params).toEqual([value]);
  });

  it("lowercases the value for lowercased columns and passes it as written otherwise", () => {
    expect(toSql('userName eq "BJensen"', sqlite).params).toEqual(["bjensen"]);
    expect(toSql('externalId eq "ABC-1"', sqlite).params).toEqual(["abc-1"]);
    expect(toSql('emails.value eq "B@X.ORG"', sqlite).params).toEqual(["b@x.org"]);
    expect(toSql('id eq "AbC"', sqlite).params).toEqual(["AbC"]);
    expect(toSql('displayName eq "AbC"', sqlite).params).toEqual(["AbC"]);
  });

  it("passes numbers given for strings as their text", () => {
    expect(toSql("employeeNumber eq 701984", sqlite).params).toEqual(["701984"]);
  });

  it("continues the numbering of parameters already collected", () => {
    const params = new Params(postgresql);
    params.add("outer");
    const where = filterToSql(parseFilter('userName eq "a" and title eq "b"'), {
      schemas: USER_RESOURCE_TYPE,
      columns: scimUserColumns,
      params,
    });
    expect(where).toBe(`(i."userNameNorm" = $2 AND lower(u."title") = lower($3))`);
    expect(params.values).toEqual(["outer", "a", "b"]);
  });
});

describe("filterToSql: SQL text per dialect", () => {
  it("uses ?, instr and substr on SQLite", () => {
    expect(toSql('name.familyName co "X" and displayName sw "ab" or title ew "xyz"', sqlite)).toEqual({
      where:
        '((instr(lower(u."familyName"), lower(?)) > 0 AND substr(lower(u."displayName"), 1, 2) = lower(?)) OR substr(lower(u."title"), -3) = lower(?))',
      params: ["X", "ab", "xyz"],
    });
  });

  it("uses $n, strpos, left and right on PostgreSQL", () => {
    expect(toSql('name.familyName co "X" and displayName sw "ab" or title ew "xyz"', postgresql)).toEqual({
      where:
        '((strpos(lower(u."familyName"), lower($1)) > 0 AND left(lower(u."displayName"), 2) = lower($2)) OR right(lower(u."title"), 3) = lower($3))',
      params: ["X", "ab", "xyz"],
    });
  });

  it("compares lowercased columns directly, so their indexes are used", () => {
    expect(toSql('userName eq "Bob"', postgresql)).toEqual({ where: `i."userNameNorm" = $1`, params: ["bob"] });
    expect(toSql('externalId sw "AB"', sqlite)).toEqual({ where: `substr(i."externalIdNorm", 1, 2) = ?`, params: ["ab"] });
  });

  it("casts dateTime parameters to timestamp(3) on PostgreSQL and keeps Prisma's ISO text on SQLite", () => {
    expect(toSql('meta.created gt "2024-01-31T12:00:00Z"', postgresql)).toEqual({
      where: `i."createdAt" > $1::timestamp(3)`,
      params: ["2024-01-31 12:00:00.000"],
    });
    expect(toSql('meta.lastModified le "2024-01-31T13:00:00.5+01:00"', sqlite)).toEqual({
      where: `i."updatedAt" <= ?`,
      params: ["2024-01-31T12:00:00.500+00:00"],
    });
    expect(toSql('meta.created ne "2024-01-31T12:00:00Z"', postgresql).where).toBe(
      `(i."createdAt" IS NULL OR i."createdAt" <> $1::timestamp(3))`,
    );
  });

  it("writes booleans as true/false on PostgreSQL and 1/0 on SQLite", () => {
    const exists = (condition: string) => `u."id" IN (SELECT e."userId" FROM "UserEmail" e WHERE ${condition})`;
    expect(toSql("emails.primary eq true", postgresql).where).toBe(exists(`e."primary" = true`));
    expect(toSql("emails.primary eq true", sqlite).where).toBe(exists(`e."primary" = 1`));
    expect(toSql("emails.primary ne true", sqlite).where).toBe(exists(`(e."primary" IS NULL OR e."primary" = 0)`));
    expect(toSql("not (title pr)", postgresql).where).toBe(`(NOT COALESCE((u."title" IS NOT NULL AND u."title" <> ''), false))`);
    expect(toSql("not (title pr)", sqlite).where).toBe(`(NOT COALESCE((u."title" IS NOT NULL AND u."title" <> ''), 0))`);
  });

  it("translates active into a condition on the user's state, with no parameter", () => {
    expect(toSql("active eq true", postgresql)).toEqual({ where: `u."state" = 'active'`, params: [] });
    expect(toSql('active eq "False"', postgresql)).toEqual({ where: `u."state" <> 'active'`, params: [] });
  });

  it("counts sw/ew lengths in characters, not UTF-16 units", () => {
    expect(toSql('displayName sw "😀a"', postgresql).where).toBe(`left(lower(u."displayName"), 2) = lower($1)`);
    expect(toSql('displayName ew "é😀"', sqlite).where).toBe(`substr(lower(u."displayName"), -2) = lower(?)`);
  });

  it("maps the dialect names to their dialects", () => {
    expect(dialectFor("sqlite")).toBe(sqlite);
    expect(dialectFor("postgresql")).toBe(postgresql);
    expect(new Params(sqlite).add("x")).toBe("?");
    const pgParams = new Params(postgresql);
    expect([pgParams.add("a"), pgParams.add("b")]).toEqual(["$1", "$2"]);
    expect(pgParams.values).toEqual(["a", "b"]);
  });
});

describe("filterToSql: invalid filters → 400 invalidFilter", () => {
  const REJECTED: [string, string][] = [
    ["an unknown attribute", 'foo eq "x"'],
    ["an unknown sub-attribute", 'name.foo eq "x"'],
    ["an unknown email sub-attribute", 'emails.foo eq "x"'],
    ["an unknown extension attribute", `${ENTERPRISE}:userName eq "x"`],
    ["an unknown schema", 'urn:example:unknown:1.0:User:userName eq "x"'],
    ["the never-returned password", 'password eq "x"'],
    ["password presence", "password pr"],
    ["phoneNumbers, which are not queryable", 'phoneNumbers eq "x"'],
    ["a phoneNumbers sub-attribute", 'phoneNumbers.value eq "x"'],
    ["an addresses sub-attribute", 'addresses.locality eq "x"'],
    ["a groups sub-attribute without a column", 'groups.$ref eq "x"'],
    ["the complex name itself", 'name eq "x"'],
    ["the complex manager itself", 'manager eq "x"'],
    ["meta.resourceType", 'meta.resourceType eq "User"'],
    ["co on a boolean", 'active co "t"'],
    ["gt on a boolean", "active gt true"],
    ["sw on emails.primary", 'emails.primary sw "t"'],
    ["a boolean compared with a word", 'active eq "yes"'],
    ["a boolean compared with a number", "active eq 1"],
    ["a non-date for meta.created", 'meta.created gt "yesterday"'],
    ["a number for meta.created", "meta.created gt 5"],
    ["a boolean for meta.lastModified", "meta.lastModified eq true"],
    ["co on a dateTime", 'meta.created co "2024"'],
    ["sw on a dateTime", 'meta.lastModified sw "2024"'],
    ["gt null", "userName gt null"],
    ["co null", "title co null"],
    ["a value path on a single-valued attribute", 'name[givenName eq "x"]'],
    ["a value path on a simple attribute", 'userName[value eq "x"]'],
    ["an unknown sub-attribute in a value path", 'emails[foo eq "x"]'],
    ["a dotted path inside a value path", 'emails[value.x eq "x"]'],
    ["a URN path inside a value path", `emails[${USER}:userName eq "x"]`],
    ["a value path with a bad comparison inside", 'emails[primary co "x"]'],
  ];

  it.each(REJECTED)("rejects %s (%s)", (_, filter) => {
    const error = scimError(() => toSql(filter, sqlite));
    expect(error).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect(error.detail).not.toBe("");
  });

  it("rejects nested value paths (built directly, as the parser already refuses them)", () => {
    const nested = vp("emails", vp("emails", cmp("value", "eq", "x")));
    expect(scimError(() => toSql(nested, sqlite))).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });

  it("rejects a value path after a sub-attribute (built directly)", () => {
    const afterSub: Filter = { kind: "valuePath", path: { attr: "emails", sub: "value" }, filter: cmp("type", "eq", "work") };
    expect(scimError(() => toSql(afterSub, postgresql))).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });

  it("names the offending attribute in the detail", () => {
    expect(scimError(() => toSql('nickNames eq "x"', sqlite)).detail).toContain("nickNames");
    expect(scimError(() => toSql('meta.created gt "soon"', sqlite)).detail).toContain("soon");
  });
});

describe("sortToSql", () => {
  const sortSql = (sortBy: string) => sortToSql(sortBy, USER_RESOURCE_TYPE, scimUserColumns);

  it("sorts case-insensitive plain columns through lower()", () => {
    expect(sortSql("displayName")).toBe(`lower(u."displayName")`);
    expect(sortSql("name.familyName")).toBe(`lower(u."familyName")`);
    expect(sortSql(`${ENTERPRISE}:employeeNumber`)).toBe(`lower(u."employeeNumber")`);
    expect(sortSql("manager.value")).toBe(`lower(u."managerId")`);
  });

  it("uses lowercased and caseExact columns directly", () => {
    expect(sortSql("userName")).toBe(`i."userNameNorm"`);
    expect(sortSql("externalId")).toBe(`i."externalIdNorm"`);
    expect(sortSql("id")).toBe(`u."id"`);
  });

  it("matches names case-insensitively and ignores surrounding spaces", () => {
    expect(sortSql("USERNAME")).toBe(`i."userNameNorm"`);
    expect(sortSql("  displayName ")).toBe(`lower(u."displayName")`);
    expect(sortSql(`${USER}:name.givenName`)).toBe(`lower(u."givenName")`);
  });

  it("sorts emails (and emails.value) by the user's primary email", () => {
    expect(sortSql("emails")).toBe(`u."emailNorm"`);
    expect(sortSql("emails.value")).toBe(`u."emailNorm"`);
  });

  it("sorts dateTimes by their columns and active by the state condition", () => {
    expect(sortSql("meta.created")).toBe(`i."createdAt"`);
    expect(sortSql("meta.lastModified")).toBe(`i."updatedAt"`);
    expect(sortSql("active")).toBe(`(u."state" = 'active')`);
  });

  it.each(["foo", "name", "manager", "meta", "phoneNumbers", "password", "groups", "", "user name", "urn:x:y", "name.foo"])(
    "rejects sortBy=%j with 400 invalidValue",
    (sortBy) => {
      expect(scimError(() => sortSql(sortBy))).toMatchObject({ status: 400, scimType: "invalidValue" });
    },
  );

  it.each(["emails.type", "emails.primary", "emails.display"])(
    "does not silently sort %s by the primary email address: it cannot sort by that sub-attribute → 400 invalidValue",
    (sortBy) => {
      expect(scimError(() => sortSql(sortBy))).toMatchObject({ status: 400, scimType: "invalidValue" });
    },
  );
});
