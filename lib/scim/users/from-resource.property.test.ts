// Property-based tests: no request body breaks userFromResource or pollutes prototypes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectNoPollution, expectSafeTree, objectOf, RUNS, UNSAFE } from "../property-support";
import { isScimError } from "../errors";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import { userFromResource } from "./from-resource";


/** userFromResource, with anything but a result or a ScimError 400 failing the property. */
function read(body: unknown): ReturnType<typeof userFromResource> | undefined {
  try {
    return userFromResource(body);
  } catch (err) {
    if (!isScimError(err)) throw err;
    expect(err.status).toBe(400);
    expect(err.scimType).toBeTypeOf("string");
    return undefined;
  } finally {
    expectNoPollution();
  }
}

const KEYS = [
  ...UNSAFE, "polluted", "toString", "hasOwnProperty", "schemas", "userName", "USERNAME", "externalId", "active",
  "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone",
  "emails", "phoneNumbers", "addresses", "password", "value", "type", "primary", "display", "givenName", "familyName",
  "formatted", "country", "manager", "employeeNumber", "department", ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID,
];
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 8 }));

const leaf = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("", " ", "True", "FALSE", " true ", "a@b.c", USER_SCHEMA_ID, "x".repeat(257), "x".repeat(2049)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 6 }).map(objectOf),
  ),
})).v;

const polluting = (inner: unknown) => objectOf([["__proto__", inner], ["constructor", { prototype: inner }], ["prototype", inner]]);

const attributeValue = fc.oneof(
  { weight: 6, arbitrary: json },
  fc.constantFrom(
    () => Array.from({ length: 10_000 }, (_, i) => ({ value: `u${i}@x.org`, type: "work", primary: i % 2 === 0 })),
    () => Array.from({ length: 100 }, (_, i) => ({ value: `u${i}@x.org`, primary: "True" })),
    () => Array.from({ length: 101 }, () => ({ value: "a@b" })),
    () => Array.from({ length: 10_000 }, () => polluting({ polluted: 1 })),
    () => polluting({ polluted: 1 }),
    () => [polluting({ polluted: 1 }), { value: "a@b", __proto__: { polluted: 1 } }],
  ).map((make) => make()),
);

/** A User-shaped body whose attributes get random values (wrong types, nulls, arrays for objects, ...). */
const userish = fc
  .record(
    {
      schemas: fc.oneof(fc.constant([USER_SCHEMA_ID]), fc.constant([USER_SCHEMA_ID.toUpperCase(), ENTERPRISE_USER_SCHEMA_ID]), json),
      userName: fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }, json),
      extra: fc.array(fc.tuple(key, attributeValue), { maxLength: 6 }),
      enterprise: fc.oneof(
        fc.array(fc.tuple(fc.constantFrom("employeeNumber", "manager", "department", ...UNSAFE), attributeValue), { maxLength: 4 }).map(objectOf),
        attributeValue,
      ),
    },
    { requiredKeys: ["extra"] },
  )
  .map(({ schemas, userName, extra, enterprise }) => {
    const entries: [string, unknown][] = [];
    if (schemas !== undefined) entries.push(["schemas", schemas]);
    if (userName !== undefined) entries.push(["userName", userName]);
    if (enterprise !== undefined) entries.push([ENTERPRISE_USER_SCHEMA_ID, enterprise]);
    return objectOf([...entries, ...extra]);
  });

describe("userFromResource: random bodies", () => {
  it("any JSON-ish value → a user or a ScimError 400; prototypes untouched", () => {
    fc.assert(fc.property(json, (body) => void read(body)), { numRuns: RUNS });
  });

  it("User-shaped bodies with wrong types, nulls, huge lists and polluting keys → a user or a ScimError 400", () => {
    let accepted = 0;
    fc.assert(
      fc.property(userish, (body) => {
        const user = read(body);
        if (user) {
          accepted++;
          expectSafeTree(user, "user");
          expect(user.userName.length).toBeGreaterThan(0);
          expect(user.emails.filter((e) => e.primary).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it("10,000 emails are rejected with a 400, not processed", () => {
    const emails = Array.from({ length: 10_000 }, (_, i) => ({ value: `u${i}@x.org` }));
    expect(read({ schemas: [USER_SCHEMA_ID], userName: "a", emails })).toBeUndefined();
  });
});
