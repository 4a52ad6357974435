// User resource bodies for property tests and the fuzzer (scripts/fuzz.ts): wrong types, nulls, arrays for
// objects, huge lists and prototype-polluting keys.
import fc from "fast-check";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import { objectOf, UNSAFE } from "./object-of";

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

export const userJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    fc.array(tie("v"), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie("v")), { maxLength: 6 }).map(objectOf),
  ),
})).v;

const polluting = (inner: unknown) => objectOf([["__proto__", inner], ["constructor", { prototype: inner }], ["prototype", inner]]);

const attributeValue = fc.oneof(
  { weight: 6, arbitrary: userJson },
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
export const userishBody = fc
  .record(
    {
      schemas: fc.oneof(fc.constant([USER_SCHEMA_ID]), fc.constant([USER_SCHEMA_ID.toUpperCase(), ENTERPRISE_USER_SCHEMA_ID]), userJson),
      userName: fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }, userJson),
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
