// PATCH bodies for property tests and the fuzzer (scripts/fuzz.ts): valid and broken operations, paths, value
// types, huge arrays and prototype-polluting keys.
import fc from "fast-check";
import { ENTERPRISE_USER_SCHEMA_ID, PATCH_OP_MESSAGE_ID, USER_SCHEMA_ID } from "../urns";
import { objectOf, UNSAFE } from "./object-of";

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

export const patchJson: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
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

const value = fc.oneof({ weight: 8, arbitrary: patchJson }, hugeArray, fc.constant(undefined));

export const PATCH_PATHS = [
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
  { weight: 6, arbitrary: fc.constantFrom(...PATCH_PATHS) },
  fc.string({ maxLength: 30 }),
  fc.constantFrom(null, 1, true, [], {}),
);
const opName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("add", "replace", "remove", "Add", "REPLACE", "Remove") },
  fc.string({ maxLength: 8 }),
  fc.constantFrom(null, 1, undefined, ["add"]),
);

const operation = fc
  .record({ op: opName, path: patchPath, value, extra: fc.array(fc.tuple(key, patchJson), { maxLength: 2 }) }, { requiredKeys: [] })
  .map(({ op, path, value: v, extra }) => {
    const entries: [string, unknown][] = [...(extra ?? [])];
    if (op !== undefined) entries.push(["op", op]);
    if (path !== undefined) entries.push(["path", path]);
    if (v !== undefined) entries.push(["value", v]);
    return objectOf(entries);
  });

export const validPatchBody = fc
  .tuple(fc.array(fc.oneof({ weight: 9, arbitrary: operation }, patchJson), { maxLength: 5 }), fc.constantFrom("Operations", "operations", "OPERATIONS"))
  .map(([ops, opsKey]) => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], [opsKey, ops]]));

export const patchBody = fc.oneof(
  { weight: 8, arbitrary: validPatchBody },
  patchJson,
  fc.constantFrom(
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", Array.from({ length: 1001 }, () => ({ op: "add", path: "title", value: "t" }))]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", Array.from({ length: 1000 }, (_, i) => ({ op: "add", path: "title", value: `t${i}` }))]]),
    () => objectOf([["__proto__", { polluted: true }], ["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", []]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "add", value: objectOf([["__proto__", { polluted: 1 }]]) }]]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "add", path: "__proto__", value: { polluted: 1 } }]]]),
    () => objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "replace", path: "constructor.prototype", value: { polluted: 1 } }]]]),
  ).map((make) => make()),
);
