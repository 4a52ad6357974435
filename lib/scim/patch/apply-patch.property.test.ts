// Property-based tests: no PATCH body breaks applyPatch, mutates its input or pollutes prototypes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectNoPollution, expectSafeTree, objectOf, RUNS, UNSAFE } from "../property-support";
import { isScimError } from "../errors";
import { USER_RESOURCE_TYPE } from "../schema/resource-types";
import { ENTERPRISE_USER_SCHEMA_ID, PATCH_OP_MESSAGE_ID, USER_SCHEMA_ID } from "../urns";
import { userFromResource } from "../users/from-resource";
import { applyPatch } from "./apply-patch";
import { sampleUser } from "./test-helpers";
import type { PatchResult, ScimResource } from "./types";


// ---------------------------------------------------------------------------------------------------------------
// Helpers

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function expect400(err: unknown): void {
  if (!isScimError(err)) throw err;
  expect(err.status).toBe(400);
  expect(err.scimType).toBeTypeOf("string");
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const KEYS = [
  ...UNSAFE, "polluted", "toString", "hasOwnProperty", "valueOf",
  "value", "Value", "type", "primary", "display", "$ref", "givenName", "familyName", "formatted",
  "userName", "displayName", "active", "emails", "name", "schemas", "id", "meta", "groups", "externalId",
  "employeeNumber", "manager", "department", ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID,
];
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 8 }));

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "True", "false", "work", "a@b.c", "2024-01-01T00:00:00Z", USER_SCHEMA_ID, "x".repeat(3000)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 5 }).map(objectOf),
  ),
})).v;

const hugeArray = fc.constantFrom(
  () => Array.from({ length: 10_000 }, (_, i) => ({ value: `u${i}@x.org`, type: "work" })),
  () => Array.from({ length: 10_000 }, (_, i) => i),
  () => Array.from({ length: 10_000 }, () => objectOf([["__proto__", { polluted: 1 }], ["value", "a@b"]])),
).map((make) => make());

const value = fc.oneof({ weight: 8, arbitrary: json }, hugeArray, fc.constant(undefined));

const PATHS = [
  "userName", "displayName", "nickName", "title", "active", "password", "externalId", "id", "schemas",
  "name", "name.givenName", "name.familyName", "Name.GIVENNAME", "meta", "meta.created", "groups", "groups.value",
  "emails", "emails.value", "emails.primary", 'emails[type eq "work"]', 'emails[type eq "work"].value',
  'emails[primary eq true].value', 'emails[value co "@"]', 'emails[not (type pr)].display', "phoneNumbers",
  'phoneNumbers[type eq "mobile"].value', "addresses", 'addresses[type eq "work"].country',
  USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID, `${USER_SCHEMA_ID}:name.givenName`, `${ENTERPRISE_USER_SCHEMA_ID}:manager`,
  `${ENTERPRISE_USER_SCHEMA_ID}:manager.value`, `${ENTERPRISE_USER_SCHEMA_ID}:employeeNumber`, "urn:x:y:z",
  "__proto__", "__proto__.polluted", "constructor", "constructor.prototype", "prototype", "name.__proto__",
  "emails.__proto__", "emails[__proto__ pr]", 'emails[type eq "work"].__proto__', "toString", "hasOwnProperty",
  `${ENTERPRISE_USER_SCHEMA_ID}:__proto__`, `${ENTERPRISE_USER_SCHEMA_ID}:manager.constructor`, "name.toString",
  'emails[type eq "work"].constructor', "emails[constructor pr].value", "meta.constructor", "valueOf", "", " ", "emails[", "]", "emails[type eq \"work\"].value.x",
];
const patchPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  fc.string({ maxLength: 30 }),
  fc.constantFrom(null, 1, true, [], {}),
);
const opName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("add", "replace", "remove", "Add", "REPLACE", "Remove") },
  fc.string({ maxLength: 8 }),
  fc.constantFrom(null, 1, undefined, ["add"]),
);

const operation = fc
  .record({ op: opName, path: patchPath, value, extra: fc.array(fc.tuple(key, json), { maxLength: 2 }) }, { requiredKeys: [] })
  .map(({ op, path, value: v, extra }) => {
    const entries: [string, unknown][] = [...(extra ?? [])];
    if (op !== undefined) entries.push(["op", op]);
    if (path !== undefined) entries.push(["path", path]);
    if (v !== undefined) entries.push(["value", v]);
    return objectOf(entries);
  });

const validBody = fc
  .tuple(fc.array(fc.oneof({ weight: 9, arbitrary: operation }, json), { maxLength: 5 }), fc.constantFrom("Operations", "operations", "OPERATIONS"))
  .map(([ops, opsKey]) => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], [opsKey, ops]]));

const body = fc.oneof(
  { weight: 8, arbitrary: validBody },
  json,
  fc.constantFrom(
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", Array.from({ length: 1001 }, () => ({ op: "add", path: "title", value: "t" }))]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", Array.from({ length: 1000 }, (_, i) => ({ op: "add", path: "title", value: `t${i}` }))]]),
    () => objectOf([["__proto__", { polluted: true }], ["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", []]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "add", value: objectOf([["__proto__", { polluted: 1 }]]) }]]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "add", path: "__proto__", value: { polluted: 1 } }]]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "replace", path: "constructor.prototype", value: { polluted: 1 } }]]]),
  ).map((make) => make()),
);

/** The frozen input and its JSON snapshot. */
function frozenUser(): { input: ScimResource; snapshot: string } {
  const input = deepFreeze(sampleUser());
  return { input, snapshot: JSON.stringify(input) };
}

function patch(input: ScimResource, b: unknown): PatchResult | undefined {
  try {
    return applyPatch(input, b, { schemas: USER_RESOURCE_TYPE });
  } catch (err) {
    expect400(err);
    return undefined;
  }
}

describe("applyPatch: random PATCH bodies", () => {
  it("gives a result or a ScimError 400 with a scimType; never mutates the input; never pollutes prototypes", () => {
    fc.assert(
      fc.property(body, (b) => {
        const { input, snapshot } = frozenUser();
        patch(input, b);
        expect(JSON.stringify(input)).toBe(snapshot);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it("a result carries no prototype-polluting keys and reads as a User or fails with a ScimError 400", () => {
    let produced = 0;
    fc.assert(
      fc.property(validBody, (b) => {
        const { input } = frozenUser();
        const result = patch(input, b);
        if (!result) return;
        produced++;
        expectSafeTree(result.resource, "resource", { allowNullPrototype: true });
        try {
          userFromResource(result.resource);
        } catch (err) {
          if (!isScimError(err)) throw err;
          expect(err.status).toBe(400);
        }
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    expect(produced).toBeGreaterThan(RUNS / 20);
  });

  it("well-formed operations on known paths give a result or a ScimError 400", () => {
    const wellFormed = fc
      .array(
        fc.record({ op: fc.constantFrom("add", "replace", "remove"), path: fc.constantFrom(...PATHS.slice(0, 36)), value: json }),
        { minLength: 1, maxLength: 4 },
      )
      .map((ops) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: ops }));
    fc.assert(
      fc.property(wellFormed, (b) => {
        const { input, snapshot } = frozenUser();
        const result = patch(input, b);
        expect(JSON.stringify(input)).toBe(snapshot);
        if (result) expectSafeTree(result.resource, "resource", { allowNullPrototype: true });
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });
});
