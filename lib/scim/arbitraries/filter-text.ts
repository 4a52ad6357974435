// Filter texts for property tests and the fuzzer (scripts/fuzz.ts): adversarial text, grammar-token soup, deep
// nesting, huge literals, and every operator on every User attribute.
import fc from "fast-check";
import type { CompareOp } from "../filter/ast";
import { MAX_FILTER_LENGTH } from "../filter/parse-filter";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";

export const OPS: CompareOp[] = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

export const CORE_ATTRS = [
  "id", "externalId", "userName", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
  "locale", "timezone", "active", "password", "schemas",
  "name", "name.formatted", "name.familyName", "name.givenName", "name.middleName", "name.honorificPrefix",
  "name.honorificSuffix",
  "emails", "emails.value", "emails.display", "emails.type", "emails.primary",
  "phoneNumbers", "phoneNumbers.value", "phoneNumbers.type", "phoneNumbers.primary",
  "addresses", "addresses.formatted", "addresses.streetAddress", "addresses.locality", "addresses.region",
  "addresses.postalCode", "addresses.country", "addresses.type", "addresses.primary",
  "groups", "groups.value", "groups.$ref", "groups.display", "groups.type",
  "meta", "meta.resourceType", "meta.created", "meta.lastModified", "meta.location", "meta.version",
];
export const ENTERPRISE_ATTRS = [
  "employeeNumber", "costCenter", "organization", "division", "department", "manager", "manager.value",
  "manager.$ref", "manager.displayName",
];
/** Every User attribute path, bare and URN-qualified (the enterprise ones also bare, as clients send them). */
export const USER_PATHS: string[] = [
  ...CORE_ATTRS,
  ...CORE_ATTRS.map((a) => `${USER_SCHEMA_ID}:${a}`),
  ...ENTERPRISE_ATTRS,
  ...ENTERPRISE_ATTRS.map((a) => `${ENTERPRISE_USER_SCHEMA_ID}:${a}`),
];

export const GRAMMAR_TOKENS = [
  "(", ")", "[", "]", "not", "NOT", "not(", "and", "AND", "or", "Or", "pr", "PR", ...OPS, ...OPS.map((o) => o.toUpperCase()),
  '"', '"x"', '"\\"', '"\\u00e9"', '"\\uZZZZ"', '"\\q"', '"unterminated', "\\", "true", "false", "null", "TRUE",
  "0", "-0", "1e400", "-1e400", "1.5", "1e-400", "01", "1.", ".5", "NaN", "Infinity",
  ".", ".value", "..", ":", "urn:", "urn::", "urn:x:", "urn:ietf:params:scim:schemas:core:2.0:User:",
  "$ref", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  ...USER_PATHS,
  "emails[", "emails[type eq \"work\"]", "].value", "]", "[]",
  " ", "\t", "\n", "\r", "\u00a0", "\u2028", "\ufeff", "\u0000", "\ud800", "😀",
];

export const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.string({ unit: fc.constantFrom(..."()[]\" \\.:$eqnotandrpr0123456789-eE+u".split("")), maxLength: 200 }),
);

export const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...GRAMMAR_TOKENS), fc.constantFrom(" ", "", "  ", "\t")), { maxLength: 40 })
  .map((parts) => parts.map(([token, sep]) => token + sep).join(""));

export const deepNesting = fc
  .record({
    depth: fc.integer({ min: 0, max: 3000 }),
    opener: fc.constantFrom("(", "not (", "not(", "emails[", "NOT ("),
    inner: fc.constantFrom("userName pr", 'userName eq "a"', "", "pr", "emails[value pr]", "a eq 1 and b eq 2"),
    closer: fc.constantFrom(")", "]", ""),
    closeCount: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 3000 })),
  })
  .map(({ depth, opener, inner, closer, closeCount }) =>
    opener.repeat(depth) + inner + closer.repeat(closeCount < 0 ? depth : closeCount),
  );

export const hugeLiterals = fc.oneof(
  fc.integer({ min: 1, max: MAX_FILTER_LENGTH + 200 }).map((n) => `userName eq "${"a".repeat(n)}"`),
  fc.integer({ min: 1, max: 5000 }).map((n) => `userName eq ${"9".repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `userName eq 1e${"9".repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `userName eq "${"\\u00e9".repeat(n)}"`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `userName eq "${"\\".repeat(n)}"`),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${"a".repeat(n)} pr`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `urn:${":".repeat(n)}x pr`),
  fc.integer({ min: 1, max: 1000 }).map((n) => Array.from({ length: n }, () => "userName pr").join(" and ")),
  fc.integer({ min: 1, max: 1000 }).map((n) => Array.from({ length: n }, () => "x pr").join(" or ")),
);

export const rawValue = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 20 }).filter((s) => !/[\s()[\]"]/.test(s) && s !== ""),
  fc.double().map(String),
  fc.constantFrom("true", "false", "null", "True", "NULL", '"2024-01-01T00:00:00Z"', "2024-01-01T00:00:00Z", '""'),
);

export const everyOperatorOnEveryAttribute = fc.oneof(
  fc
    .tuple(fc.constantFrom(...USER_PATHS), fc.constantFrom(...OPS, ...OPS.map((o) => o.toUpperCase()), "Eq", "xx"), rawValue)
    .map(([p, op, v]) => `${p} ${op} ${v}`),
  fc.constantFrom(...USER_PATHS).map((p) => `${p} pr`),
  fc.constantFrom(...USER_PATHS).map((p) => `${p}[value eq "x"]`),
  fc.constantFrom(...USER_PATHS).map((p) => `${p}[type eq "work"].value eq "x"`),
);
