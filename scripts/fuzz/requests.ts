// The fuzzer's request generator: adversarial SCIM traffic over every route and method, with valid traffic mixed
// in so that state changes. Ids of users and groups are placeholders (`@@user:7@@`) resolved when the request is
// sent, since the server assigns them: the generated sequence is the same for the same seed.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { anyText, deepNesting, everyOperatorOnEveryAttribute, hugeLiterals, tokenSoup, USER_PATHS } from "../../lib/scim/arbitraries/filter-text";
import { objectOf, UNSAFE } from "../../lib/scim/arbitraries/object-of";
import { PATCH_PATHS, patchBody, patchJson } from "../../lib/scim/arbitraries/patch-body";
import { userishBody, userJson } from "../../lib/scim/arbitraries/user-body";
import { GROUP_SCHEMA_ID, PATCH_OP_MESSAGE_ID, USER_SCHEMA_ID } from "../../lib/scim/urns";

export type FuzzRequest = {
  label: string;
  method: string;
  /** Below /api/scim/v2, with the query string. */
  path: string;
  headers: Record<string, string>;
  /** JSON text, or raw bytes for bodies that are not JSON. */
  body?: string | Uint8Array;
};

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), "utf8"));
const IDP_BODIES = ["okta/create-user", "okta/replace-user", "entra/create-user", "okta/groups/create-group", "entra/groups/create-group"].map(fixture);
const IDP_PATCHES = [
  "okta/deactivate-user", "okta/activate-user", "entra/disable-user-default", "entra/enable-user-default", "entra/add-manager",
  "entra/replace-multiple-default", "entra/update-user-multi-valued", "entra/empty-operations",
].map(fixture);

const user = fc.nat().map((n) => `@@user:${n}@@`);
const group = fc.nat().map((n) => `@@group:${n}@@`);
const seededName = fc.nat({ max: 10_000 }).map((n) => `user${n}@bench.example.com`);

const oddId = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", ".search", "..", "%2e%2e", "%00", "a/b", "Users", "null", "__proto__", "constructor", "0", "-1", "x".repeat(2000), "😀", "İ"),
);

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

// ---------------------------------------------------------------------------------------------------------------
// Query strings

const validFilter = fc.oneof(
  seededName.map((n) => `userName eq "${n}"`),
  user.map((u) => `id eq "${u}"`),
  user.map((u) => `groups.value eq "${u}"`),
  fc.constantFrom(
    'emails[type eq "work" and value co "@bench"]', 'name.familyName sw "User 1"', "active eq false", "active eq true",
    'meta.lastModified gt "2024-01-01T00:00:00Z"', 'externalId eq "ext-5"', 'userName co "fuzz"', "title pr", "not (active eq true)",
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "701984"', 'displayName eq "Fuzz Group 3"',
    'members.value pr', 'externalId eq jyoung',
  ),
);
const filterText = fc.oneof(
  { weight: 4, arbitrary: validFilter },
  { weight: 2, arbitrary: everyOperatorOnEveryAttribute },
  { weight: 2, arbitrary: tokenSoup },
  anyText,
  deepNesting,
  hugeLiterals,
);
const numberParam = fc.oneof(
  fc.integer({ min: -5, max: 1200 }).map(String),
  fc.constantFrom("-1", "0", "NaN", "Infinity", "-Infinity", "1e3", "1.5", "0x10", " 5", "5 ", "", "99999999999999999999999", "9007199254740993", "١٢", "+3", "1,2"),
  fc.string({ maxLength: 8 }),
);
const attributeList = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...USER_PATHS, "members", "displayName", "members.value", ...UNSAFE) }, fc.string({ maxLength: 12 })), { maxLength: 6 })
  .chain((names) => fc.constantFrom(",", ", ", " ,", ",,").map((sep) => names.join(sep)));
const param = fc.oneof(
  { weight: 4, arbitrary: filterText.map((f) => ["filter", f] as const) },
  numberParam.map((v) => ["startIndex", v] as const),
  numberParam.map((v) => ["count", v] as const),
  attributeList.map((v) => ["attributes", v] as const),
  attributeList.map((v) => ["excludedAttributes", v] as const),
  fc.oneof(fc.constantFrom(...USER_PATHS, "displayName", "members"), fc.string({ maxLength: 10 })).map((v) => ["sortBy", v] as const),
  fc.constantFrom("ascending", "descending", "ASCENDING", "up", "").map((v) => ["sortOrder", v] as const),
  fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })),
);
/** encodeURIComponent, except that a lone surrogate becomes its (invalid) UTF-8 bytes instead of an exception. */
function encode(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else out += encodeURIComponent(ch);
  }
  return out;
}
const query = fc.array(param, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")}` : ""));

// ---------------------------------------------------------------------------------------------------------------
// Bodies

const validUser = fc.record({ n: fc.nat(), reuse: fc.boolean(), name: seededName, active: fc.boolean() }).map(({ n, reuse, name, active }) => {
  // Reusing a seeded userName exercises 409 and the re-add of deleted identities.
  const userName = reuse && n % 4 === 0 ? name : `fuzz${n}@fuzz.example.com`;
  return {
    schemas: [USER_SCHEMA_ID],
    userName,
    externalId: `fz-${n}`,
    name: { givenName: "Fuzz", familyName: `User ${n}` },
    emails: [{ primary: true, value: userName, type: "work" }],
    displayName: `Fuzz User ${n}`,
    password: "Fuzz-Passw0rd!",
    active,
  };
});
const validPatch = fc.oneof(
  fc.boolean().map((active) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "replace", value: { active } }] })),
  fc.string({ maxLength: 20 }).map((t) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "replace", path: "title", value: t }] })),
  fc.constantFrom(...IDP_PATCHES),
  fc.tuple(fc.constantFrom(...PATCH_PATHS), fc.constantFrom("add", "replace", "remove"), patchJson).map(([p, op, value]) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op, path: p, value }] })),
);
const members = fc.array(fc.oneof({ weight: 4, arbitrary: user.map((value) => ({ value })) }, oddId.map((value) => ({ value })), patchJson), { maxLength: 5 });
const validGroup = fc.record({ n: fc.nat({ max: 2000 }), members }).map(({ n, members: m }) => ({ schemas: [GROUP_SCHEMA_ID], displayName: `Fuzz Group ${n}`, members: m }));
const groupPatch = fc.oneof(
  members.map((m) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "add", path: "members", value: m }] })),
  user.map((u) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "remove", path: `members[value eq "${u}"]` }] })),
  members.map((m) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "Remove", path: "members", value: m }] })),
  members.map((m) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "replace", path: "members", value: m }] })),
  fc.string({ maxLength: 30 }).map((d) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: [{ op: "replace", value: { id: "x", displayName: d } }] })),
  fc.constant(objectOf([["schemas", [PATCH_OP_MESSAGE_ID]], ["Operations", [{ op: "add", path: "members", value: Array.from({ length: 1001 }, (_, i) => ({ value: `@@user:${i}@@` })) }]]])),
  patchBody,
);
const searchBody = fc
  .record({ filter: filterText, startIndex: fc.oneof(fc.integer(), userJson), count: fc.oneof(fc.integer({ min: -2, max: 2000 }), userJson), attributes: fc.oneof(fc.array(fc.constantFrom(...USER_PATHS)), userJson), sortBy: userJson, schemas: fc.oneof(fc.constant(["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]), userJson) }, { requiredKeys: [] })
  .map((b) => objectOf(Object.entries(b)));

/**
 * As JSON text. The shared arbitraries make a body of 10,000 elements about one time in twenty; at that rate they
 * would take most of the run, so nine in ten of the bodies over 64 KiB give way to a small one.
 */
const json = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.nat({ max: 9 }), userJson).map(([value, keep, small]) => {
    const text = JSON.stringify(value);
    return (text !== undefined && text.length > 65_536 && keep !== 0 ? JSON.stringify(small) : text) as string | Uint8Array;
  });
const rawBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom("", " ", "null", "[]", "{", '{"schemas":', "\ufeff{}", '{"a":1}{"b":2}', "1e999999", '"\\ud800"', "{\"__proto__\":{\"polluted\":1}}"),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  // Over the 1 MiB limit: refused with 413 without being buffered whole.
  fc.constant("x").map(() => JSON.stringify({ schemas: [USER_SCHEMA_ID], userName: "big", title: "t".repeat(1_100_000) })),
);

// ---------------------------------------------------------------------------------------------------------------
// Headers

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/scim+json") },
  { weight: 3, arbitrary: fc.constant("application/json") },
  fc.constantFrom(undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/scim+json; charset=utf-16", "APPLICATION/SCIM+JSON", "application/json-patch+json", ";", "*/*"),
  printable,
);
const ifMatch = fc.oneof(fc.constantFrom('W/"1"', 'W/"2"', '"1"', "*", 'W/""', "W/", 'W/"99999999999999999999"', 'W/"-1"', 'W/"1", W/"2"'), printable);
type Auth = "valid" | "none" | "wrong" | "odd";
const auth = fc.oneof({ weight: 40, arbitrary: fc.constant<Auth>("valid") }, fc.constantFrom<Auth>("none", "wrong", "odd"));
const headers = fc.record(
  { contentType, ifMatch, ifNoneMatch: ifMatch, accept: fc.constantFrom("application/scim+json", "text/html", "*/*", "application/xml") },
  { requiredKeys: ["contentType"] },
);

function headersOf(h: { contentType?: string; ifMatch?: string; ifNoneMatch?: string; accept?: string }, a: Auth, token: string, oddAuth: string) {
  const out: Record<string, string> = {};
  if (h.contentType !== undefined) out["content-type"] = h.contentType;
  if (h.ifMatch !== undefined) out["if-match"] = h.ifMatch;
  if (h.ifNoneMatch !== undefined) out["if-none-match"] = h.ifNoneMatch;
  if (h.accept !== undefined) out.accept = h.accept;
  if (a === "valid") out.authorization = `Bearer ${token}`;
  if (a === "wrong") out.authorization = `Bearer scim_${token.slice(5, 20)}${"A".repeat(28)}`;
  if (a === "odd") out.authorization = oddAuth;
  return out;
}
const oddAuth = fc.oneof(fc.constantFrom("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer scim_", "Bearer scim_ x", "Token abc"), printable);

// ---------------------------------------------------------------------------------------------------------------
// Requests

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const anyBody = fc.oneof({ weight: 3, arbitrary: json(userishBody) }, json(patchBody), json(userJson), rawBody);

type Shape = { label: string; method: fc.Arbitrary<string>; path: fc.Arbitrary<string>; body?: fc.Arbitrary<string | Uint8Array>; weight: number };

const shapes: Shape[] = [
  // Valid traffic, so that state changes and lists have something to find.
  { label: "POST /Users valid", weight: 8, method: fc.constant("POST"), path: fc.constant("/Users"), body: json(fc.oneof({ weight: 4, arbitrary: validUser }, fc.constantFrom(...IDP_BODIES.slice(0, 3)))) },
  { label: "PATCH /Users/{id} valid", weight: 8, method: fc.constant("PATCH"), path: user.map((u) => `/Users/${u}`), body: json(validPatch) },
  { label: "PUT /Users/{id} valid", weight: 3, method: fc.constant("PUT"), path: user.map((u) => `/Users/${u}`), body: json(validUser) },
  { label: "GET /Users/{id}", weight: 4, method: fc.constant("GET"), path: fc.tuple(user, query).map(([u, q]) => `/Users/${u}${q}`) },
  { label: "DELETE /Users/{id}", weight: 1, method: fc.constant("DELETE"), path: user.map((u) => `/Users/${u}`) },
  { label: "POST /Groups valid", weight: 3, method: fc.constant("POST"), path: fc.constant("/Groups"), body: json(validGroup) },
  { label: "PATCH /Groups/{id}", weight: 6, method: fc.constant("PATCH"), path: fc.tuple(group, fc.constantFrom("", "?attributes=members", "?excludedAttributes=members")).map(([g, q]) => `/Groups/${g}${q}`), body: json(groupPatch) },
  { label: "PUT /Groups/{id}", weight: 2, method: fc.constant("PUT"), path: group.map((g) => `/Groups/${g}`), body: json(fc.oneof(validGroup, userJson)) },
  { label: "GET /Groups/{id}", weight: 2, method: fc.constant("GET"), path: fc.tuple(group, query).map(([g, q]) => `/Groups/${g}${q}`) },
  { label: "DELETE /Groups/{id}", weight: 1, method: fc.constant("DELETE"), path: group.map((g) => `/Groups/${g}`) },
  // Adversarial traffic.
  { label: "GET /Users?query", weight: 14, method: fc.constant("GET"), path: query.map((q) => `/Users${q}`) },
  { label: "GET /Groups?query", weight: 6, method: fc.constant("GET"), path: query.map((q) => `/Groups${q}`) },
  { label: "POST .search", weight: 5, method: fc.constant("POST"), path: fc.constantFrom("/.search", "/Users/.search", "/Groups/.search"), body: fc.oneof({ weight: 4, arbitrary: json(searchBody) }, anyBody) },
  { label: "POST /Users fuzzed", weight: 10, method: fc.constant("POST"), path: fc.constant("/Users"), body: fc.oneof({ weight: 4, arbitrary: json(userishBody) }, anyBody) },
  { label: "PUT /Users/{id} fuzzed", weight: 6, method: fc.constant("PUT"), path: user.map((u) => `/Users/${u}`), body: fc.oneof({ weight: 4, arbitrary: json(userishBody) }, anyBody) },
  { label: "PATCH /Users/{id} fuzzed", weight: 12, method: fc.constant("PATCH"), path: user.map((u) => `/Users/${u}`), body: fc.oneof({ weight: 4, arbitrary: json(patchBody) }, anyBody) },
  { label: "POST /Groups fuzzed", weight: 3, method: fc.constant("POST"), path: fc.constant("/Groups"), body: fc.oneof(json(userJson), json(userishBody), rawBody) },
  { label: "odd id", weight: 4, method: fc.constantFrom(...METHODS), path: fc.tuple(fc.constantFrom("Users", "Groups", "Schemas", "ResourceTypes"), oddId).map(([r, id]) => `/${r}/${encode(id)}`), body: fc.option(anyBody, { nil: undefined }).map((b) => b ?? "") },
  { label: "discovery", weight: 3, method: fc.constantFrom(...METHODS), path: fc.tuple(fc.constantFrom("/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/ResourceTypes/Group", "/Schemas", `/Schemas/${USER_SCHEMA_ID}`, `/Schemas/${GROUP_SCHEMA_ID}`, "/Schemas/urn:x"), query).map(([p, q]) => p + q) },
  { label: "odd path", weight: 3, method: fc.constantFrom(...METHODS), path: fc.oneof(fc.constantFrom("", "/", "/users", "/Users/", "//Users", "/Me", "/Bulk", "/Users/x/y", "/Groups/x/members", "/Users/.search/x", "/.search/x", "/%"), fc.array(fc.string({ maxLength: 10 }).map(encode), { minLength: 1, maxLength: 4 }).map((s) => `/${s.join("/")}`)) },
  { label: "any method, any route", weight: 4, method: fc.constantFrom(...METHODS), path: fc.tuple(fc.constantFrom("/Users", "/Groups", "/Users/@@user:1@@", "/Groups/@@group:1@@", "/Users/.search", "/.search", "/ServiceProviderConfig"), query).map(([p, q]) => p + q), body: anyBody },
];

/** One request: its shape, then its method, path, body and headers. */
export function requestArbitrary(): fc.Arbitrary<(token: string) => FuzzRequest> {
  return fc
    .oneof(...shapes.map((s) => ({ weight: s.weight, arbitrary: fc.record({ label: fc.constant(s.label), method: s.method, path: s.path, body: s.body ?? fc.constant(undefined), headers, auth, oddAuth }) })))
    .map((r) => (token: string) => ({ label: r.label, method: r.method, path: r.path, body: r.method === "GET" || r.method === "HEAD" ? undefined : r.body, headers: headersOf(r.headers, r.auth, token, r.oddAuth) }));
}
