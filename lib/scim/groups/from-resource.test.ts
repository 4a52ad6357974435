// groupFromResource: reading a POST/PUT Group body, with Okta's and Entra's documented bodies
// (tests/fixtures/{okta,entra}/groups, see tests/fixtures/README.md).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { GROUP_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import { groupFromResource } from "./from-resource";
import { MAX_MEMBERS_PER_REQUEST } from "./members";

const root = path.resolve(import.meta.dirname, "../../..");
const fixture = (idp: "okta" | "entra", name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures", idp, "groups", `${name}.json`), "utf8"));

function expectError(fn: () => unknown, status: number, scimType: string, detail?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ScimError);
  const error = thrown as ScimError;
  expect({ status: error.status, scimType: error.scimType }).toEqual({ status, scimType });
  if (detail) expect(error.detail).toMatch(detail);
}

describe("groupFromResource", () => {
  it("reads Okta's Push Groups create request: name, no externalId, an empty member list", () => {
    expect(groupFromResource(fixture("okta", "create-group"))).toEqual({ displayName: "Test SCIMv2", externalId: null, members: [] });
  });

  it("reads Okta's PUT (AIW integrations) with its member list", () => {
    expect(groupFromResource(fixture("okta", "put-group"))).toEqual({
      displayName: "Test SCIMv2",
      externalId: null,
      members: ["23a35c27-23d3-4c03-b4c5-6443c09e7173"],
    });
  });

  it("reads Entra's create request: a second (Microsoft) schema URN, externalId, meta, and no members", () => {
    expect(groupFromResource(fixture("entra", "create-group"))).toEqual({
      displayName: "displayName",
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      members: undefined,
    });
  });

  it("tells an absent member list (undefined: PUT keeps members) from an empty one", () => {
    expect(groupFromResource({ displayName: "A" }).members).toBeUndefined();
    expect(groupFromResource({ displayName: "A", members: [] }).members).toEqual([]);
    expect(groupFromResource({ displayName: "A", members: null }).members).toEqual([]);
  });

  it("does not require schemas, but when given they must include the Group schema (case-insensitively)", () => {
    expect(groupFromResource({ displayName: "A" }).displayName).toBe("A");
    expect(groupFromResource({ schemas: [GROUP_SCHEMA_ID.toUpperCase()], displayName: "A" }).displayName).toBe("A");
    expectError(() => groupFromResource({ schemas: [USER_SCHEMA_ID], displayName: "A" }), 400, "invalidSyntax", /schemas/);
    expectError(() => groupFromResource({ schemas: [], displayName: "A" }), 400, "invalidSyntax");
    expectError(() => groupFromResource({ schemas: GROUP_SCHEMA_ID, displayName: "A" }), 400, "invalidSyntax");
  });

  it("refuses a body that is not a JSON object: 400 invalidSyntax", () => {
    for (const body of [null, undefined, "group", 1, [], [{ displayName: "A" }]]) expectError(() => groupFromResource(body), 400, "invalidSyntax");
  });

  it("requires a non-blank string displayName (trimmed): 400 invalidValue", () => {
    expect(groupFromResource({ displayName: "  Eng  " }).displayName).toBe("Eng");
    for (const displayName of [undefined, null, "", "   "]) {
      expectError(() => groupFromResource({ schemas: [GROUP_SCHEMA_ID], displayName }), 400, "invalidValue", /"displayName" is required/);
    }
    for (const displayName of [{ value: "x" }, ["x"], true]) expectError(() => groupFromResource({ displayName }), 400, "invalidValue");
    expectError(() => groupFromResource({ displayName: "x".repeat(2049) }), 400, "invalidValue");
  });

  it("reads numbers as strings (IdPs send numeric names)", () => {
    expect(groupFromResource({ displayName: 42, externalId: 7 })).toMatchObject({ displayName: "42", externalId: "7" });
  });

  it("matches attribute names case-insensitively", () => {
    expect(groupFromResource({ DISPLAYNAME: "A", ExternalID: "e", Members: [{ Value: "u1" }] })).toEqual({ displayName: "A", externalId: "e", members: ["u1"] });
  });

  it("trims externalId and stores blank as null", () => {
    expect(groupFromResource({ displayName: "A", externalId: " e1 " }).externalId).toBe("e1");
    expect(groupFromResource({ displayName: "A", externalId: "" }).externalId).toBeNull();
    expect(groupFromResource({ displayName: "A", externalId: "   " }).externalId).toBeNull();
    expectError(() => groupFromResource({ displayName: "A", externalId: {} }), 400, "invalidValue");
  });

  it("ignores readOnly and unknown attributes (id, meta, anything else)", () => {
    expect(groupFromResource({ id: "given", meta: { version: 'W/"9"' }, displayName: "A", description: "x", "urn:x:ext": { y: 1 } })).toEqual({
      displayName: "A",
      externalId: null,
      members: undefined,
    });
  });

  it("reads member ids from value, trimmed and de-duplicated in order; display, $ref and type are ignored", () => {
    const input = groupFromResource({
      displayName: "A",
      members: [{ value: "u2", display: "Two", $ref: "https://x/Users/u2", type: "User" }, { value: " u1 " }, { value: "u2" }],
    });
    expect(input.members).toEqual(["u2", "u1"]);
    expect(groupFromResource({ displayName: "A", members: { value: "solo" } }).members).toEqual(["solo"]);
  });

  it("refuses bad member entries: 400 invalidValue naming the entry", () => {
    for (const entry of ["u1", 1, null, {}, { value: "" }, { value: " " }, { value: 5 }, { display: "x" }]) {
      expectError(() => groupFromResource({ displayName: "A", members: [{ value: "ok" }, entry] }), 400, "invalidValue", /^"members\[1\]\.value" must be a member id\.$/);
    }
    expectError(() => groupFromResource({ displayName: "A", members: "u1" }), 400, "invalidValue");
  });

  it(`accepts ${MAX_MEMBERS_PER_REQUEST} members and refuses more: 400 invalidValue`, () => {
    const many = Array.from({ length: MAX_MEMBERS_PER_REQUEST }, (_, i) => ({ value: `u${i}` }));
    expect(groupFromResource({ displayName: "A", members: many }).members).toHaveLength(MAX_MEMBERS_PER_REQUEST);
    expectError(() => groupFromResource({ displayName: "A", members: [...many, { value: "x" }] }), 400, "invalidValue", /more than 10000/);
  });
});
