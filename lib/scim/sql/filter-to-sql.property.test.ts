// Property-based tests: any valid filter over the User attributes becomes parameterised SQL (or a 400), and the
// SQL runs on the real SQLite schema.
import path from "node:path";
import { createClient, type Client, type InValue } from "@libsql/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../db/migrations";
import { scimUserColumns } from "../../users/scim-columns";
import { isScimError } from "../errors";
import type { AttrPath, Filter, FilterValue } from "../filter/ast";
import { USER_RESOURCE_TYPE } from "../schema/resource-types";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import { Params, postgresql, sqlite, type Dialect } from "./dialect";
import { filterToSql } from "./filter-to-sql";
import { CORE_ATTRS as SHARED_CORE_ATTRS, ENTERPRISE_ATTRS, OPS } from "../arbitraries/filter-text";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** FC_RUNS_SCALE=10 multiplies every numRuns, for a longer local bug hunt. */
const SCALE = Number(process.env.FC_RUNS_SCALE ?? 1);
const RUNS = Math.round(400 * SCALE);
/** Marks generated string values so their presence in SQL text can be checked without false positives. */
const SENTINEL = "Qx7";

// The shared attribute lists, plus names that are not attributes but that an object-literal lookup would find on
// Object.prototype.
const CORE_ATTRS = [...SHARED_CORE_ATTRS, "constructor", "toString", "hasOwnProperty", "__proto__", "name.constructor", "emails.toString", "meta.__proto__"];
const MULTI = ["emails", "groups", "phoneNumbers", "addresses", "name", "userName", "meta"];
const SUB_ATTRS = ["value", "type", "primary", "display", "$ref", "Value", "TYPE", "country", "bogus", "constructor", "__proto__", "toString"];

function toPath(text: string): AttrPath {
  const colon = text.lastIndexOf(":");
  const uri = colon < 0 ? undefined : text.slice(0, colon);
  const [attr, sub] = text.slice(colon + 1).split(".");
  const p: AttrPath = { attr };
  if (uri !== undefined) p.uri = uri;
  if (sub !== undefined) p.sub = sub;
  return p;
}

const randomCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flags) =>
    [...s].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(""),
  );

const userPath: fc.Arbitrary<AttrPath> = fc
  .oneof(
    fc.constantFrom(...CORE_ATTRS),
    fc.constantFrom(...CORE_ATTRS).map((a) => `${USER_SCHEMA_ID}:${a}`),
    fc.constantFrom(...ENTERPRISE_ATTRS),
    fc.constantFrom(...ENTERPRISE_ATTRS).map((a) => `${ENTERPRISE_USER_SCHEMA_ID}:${a}`),
    fc.constantFrom(...CORE_ATTRS).chain(randomCase),
  )
  .map(toPath);
const subPath: fc.Arbitrary<AttrPath> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SUB_ATTRS).map((attr) => ({ attr })) },
  fc.constantFrom("value", "type").map((attr) => ({ attr, uri: USER_SCHEMA_ID })),
  fc.constantFrom("emails.value", "value.x").map(toPath),
);

const isoDate = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const filterValue: fc.Arbitrary<FilterValue> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `${a}${SENTINEL}${b}`) },
  fc.constantFrom(`'${SENTINEL}'; DROP TABLE "User"; --`, `${SENTINEL}"); --`, `${SENTINEL}?`, `${SENTINEL}$1`, `${SENTINEL}İ`, `${SENTINEL}\u0000`),
  fc.constantFrom("", " ", "?", "$1", "'", "İ", "ß", "true", "False", "TRUE "),
  { weight: 2, arbitrary: isoDate },
  isoDate.map((d) => d.slice(0, 10)),
  fc.constantFrom("2024-13-45", "2024-01-01garbage", "2024-01-01T25:00:00Z", "2024-02-30", "+275760-09-13T00:00:00Z", "9999-99-99"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

function filterArb(): fc.Arbitrary<Filter> {
  const leaf = (p: fc.Arbitrary<AttrPath>): fc.Arbitrary<Filter> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant("compare" as const), path: p, op: fc.constantFrom(...OPS), value: filterValue }) },
      fc.record({ kind: fc.constant("present" as const), path: p }),
    );
  const inner = fc.letrec<{ f: Filter }>((tie) => ({
    f: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(subPath),
      fc.record({ kind: fc.constant("and" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("or" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("not" as const), filter: tie("f") }),
    ),
  })).f;
  return fc.letrec<{ f: Filter }>((tie) => ({
    f: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf(userPath),
      fc.record({ kind: fc.constant("valuePath" as const), path: fc.constantFrom(...MULTI).map(toPath), filter: inner }),
      fc.record({ kind: fc.constant("and" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("or" as const), left: tie("f"), right: tie("f") }),
      fc.record({ kind: fc.constant("not" as const), filter: tie("f") }),
    ),
  })).f;
}

/** filterToSql, with anything other than SQL or a ScimError 400 failing the property. */
function translate(filter: Filter, dialect: Dialect): { where: string; params: unknown[] } | undefined {
  const params = new Params(dialect);
  try {
    const where = filterToSql(filter, { schemas: USER_RESOURCE_TYPE, columns: scimUserColumns, params });
    return { where, params: params.values };
  } catch (err) {
    if (!isScimError(err)) throw err;
    expect(err.status).toBe(400);
    return undefined;
  }
}

function placeholderCount(sql: string, dialect: Dialect): number {
  if (dialect === sqlite) return (sql.match(/\?/g) ?? []).length;
  const numbers = [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  // PostgreSQL placeholders are numbered 1..n in order of appearance.
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  return numbers.length;
}

/** The string literals the column map and dialects put in SQL themselves. */
const FIXED_LITERALS = /'active'|'direct'|'\[\]'|''/g;

function checkSqlText(sql: string, params: unknown[], dialect: Dialect): void {
  expect(placeholderCount(sql, dialect)).toBe(params.length);
  const lowerSql = sql.toLowerCase();
  expect(lowerSql).not.toContain(SENTINEL.toLowerCase());
  for (const value of params) {
    expect(["string", "number", "boolean"]).toContain(typeof value);
    const text = String(value);
    if (text.length >= 6) expect(lowerSql).not.toContain(text.toLowerCase());
  }
  // No quoting of client data: the only string literals are the translation's own.
  expect(sql.replace(FIXED_LITERALS, "")).not.toMatch(/['`;]/);
}

const FROM = `FROM "User" u JOIN "ScimIdentity" i ON i."userId" = u."id"`;
let db: Client;

beforeAll(async () => {
  db = createClient({ url: ":memory:" });
  for (const migration of readMigrations("sqlite", ROOT)) await db.executeMultiple(migration.sql);
  const users: [string, string, string | null, boolean][] = [
    ["u-1", "Alice@Example.com", "Alice", true],
    ["u-2", "bob", null, false],
    ["u-3", "İstanbul", "Ωmega", true],
  ];
  for (const [id, userName, givenName, active] of users) {
    await db.execute({
      sql: `INSERT INTO "User" ("id", "username", "usernameNorm", "email", "emailNorm", "name", "givenName", "state", "employeeNumber", "managerId", "createdAt", "updatedAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, userName, userName.toLowerCase(), `${id}@x.org`, `${id}@x.org`, userName, givenName, active ? "active" : "blocked", "42", null, "2024-01-01T00:00:00.000+00:00", "2024-02-01T00:00:00.000+00:00"],
    });
    await db.execute({
      sql: `INSERT INTO "ScimIdentity" ("id", "userId", "userName", "userNameNorm", "externalId", "externalIdNorm", "active", "createdAt", "updatedAt")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [`s-${id}`, id, userName, userName.toLowerCase(), `EXT-${id}`, `ext-${id}`, active ? 1 : 0, "2024-01-01T00:00:00.000+00:00", "2024-02-01T00:00:00.000+00:00"],
    });
    await db.execute({
      sql: `INSERT INTO "UserEmail" ("id", "userId", "position", "value", "valueNorm", "type", "primary", "display") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [`e-${id}`, id, 0, `${id}@X.org`, `${id}@x.org`, "work", 1, null],
    });
  }
  await db.execute(`INSERT INTO "Group" ("id", "displayName", "displayNameNorm", "updatedAt") VALUES ('g-1', 'Eng', 'eng', '2024-01-01T00:00:00.000+00:00')`);
  await db.execute(`INSERT INTO "GroupMembership" ("groupId", "userId") VALUES ('g-1', 'u-1')`);
});

afterAll(() => db?.close());

describe("filterToSql: random filters over the User attributes", () => {
  it.each([
    ["sqlite", sqlite],
    ["postgresql", postgresql],
  ] as const)("%s: SQL or 400; one parameter per placeholder; values never in the SQL text", (_, dialect) => {
    fc.assert(
      fc.property(filterArb(), (filter) => {
        const out = translate(filter, dialect);
        if (out) checkSqlText(out.where, out.params, dialect);
      }),
      { numRuns: RUNS },
    );
  });

  it("both dialects agree on which filters are rejected and on the number of parameters", () => {
    fc.assert(
      fc.property(filterArb(), (filter) => {
        const a = translate(filter, sqlite);
        const b = translate(filter, postgresql);
        expect(a === undefined).toBe(b === undefined);
        if (a && b) expect(a.params.length).toBe(b.params.length);
      }),
      { numRuns: RUNS },
    );
  });

  it("the generated SQLite SQL always executes on the real schema", async () => {
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(filterArb(), async (filter) => {
        const out = translate(filter, sqlite);
        if (!out) return;
        executed++;
        const sql = `SELECT u."id" AS id ${FROM} WHERE ${out.where}`;
        try {
          await db.execute({ sql, args: out.params as InValue[] });
        } catch (err) {
          throw new Error(`SQLite rejected ${sql} with ${JSON.stringify(out.params)}: ${String(err)}`);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator is not just producing rejected filters.
    expect(executed).toBeGreaterThan(RUNS / 10);
  });
});
