import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { parsePatchPath } from "./parse-filter";
import { and, cmp, path } from "./test-helpers";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function pathError(text: string): ScimError {
  try {
    parsePatchPath(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ScimError);
    return err as ScimError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parsePatchPath", () => {
  it("parses simple and sub-attribute paths", () => {
    expect(parsePatchPath("displayName")).toEqual({ path: path("displayName") });
    expect(parsePatchPath("name.givenName")).toEqual({ path: path("name.givenName") });
    expect(parsePatchPath("active")).toEqual({ path: path("active") });
    expect(parsePatchPath("  title  ")).toEqual({ path: path("title") });
  });

  it("parses value filters with and without a trailing sub-attribute", () => {
    expect(parsePatchPath('emails[type eq "work"].value')).toEqual({
      path: path("emails"),
      filter: cmp("type", "eq", "work"),
      subAttr: "value",
    });
    expect(parsePatchPath('members[value eq "2819c223"]')).toEqual({
      path: path("members"),
      filter: cmp("value", "eq", "2819c223"),
    });
    expect(parsePatchPath('addresses[type eq "work" and primary eq true].streetAddress')).toEqual({
      path: path("addresses"),
      filter: and(cmp("type", "eq", "work"), cmp("primary", "eq", true)),
      subAttr: "streetAddress",
    });
    expect(parsePatchPath('emails[value eq "a].b[c"].display')).toEqual({
      path: path("emails"),
      filter: cmp("value", "eq", "a].b[c"),
      subAttr: "display",
    });
  });

  it("parses URN-qualified paths", () => {
    expect(parsePatchPath(`${ENTERPRISE}:manager`)).toEqual({ path: path("manager", ENTERPRISE) });
    expect(parsePatchPath(`${ENTERPRISE}:manager.value`)).toEqual({ path: path("manager.value", ENTERPRISE) });
    expect(parsePatchPath(`${ENTERPRISE}:employeeNumber`)).toEqual({ path: path("employeeNumber", ENTERPRISE) });
    expect(parsePatchPath(`${USER}:name.familyName`)).toEqual({ path: path("name.familyName", USER) });
    expect(parsePatchPath(`${USER}:emails[type eq "work"].value`)).toEqual({
      path: path("emails", USER),
      filter: cmp("type", "eq", "work"),
      subAttr: "value",
    });
  });

  it("represents a bare extension URN as a whole-extension path with an empty attr", () => {
    expect(parsePatchPath(ENTERPRISE)).toEqual({ path: { uri: ENTERPRISE, attr: "" } });
    expect(parsePatchPath(ENTERPRISE.toUpperCase())).toEqual({ path: { uri: ENTERPRISE.toUpperCase(), attr: "" } });
    expect(parsePatchPath("urn:example:ext:1.0:Custom", { schemaUris: ["urn:example:ext:1.0:Custom"] })).toEqual({
      path: { uri: "urn:example:ext:1.0:Custom", attr: "" },
    });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["1name", /Invalid attribute path/],
    ["name..givenName", /Invalid attribute path/],
    ["name givenName", /Unexpected 'givenName' at position 6 in PATCH path/],
    ['emails[type eq "work"', /Missing '\]'/],
    ['emails[type eq "work"]value', /Unexpected 'value'/],
    ['emails[type eq "work"].1x', /Invalid sub-attribute '1x'/],
    ['emails[type eq "work"].value.x', /Invalid sub-attribute 'value.x'/],
    ['emails[type eq "work"].value extra', /Unexpected 'extra'/],
    ["emails[]", /Unexpected '\]'/],
    ['emails[type zz "work"]', /Unknown operator 'zz'/],
    ['name.givenName[value eq "x"]', /cannot follow the sub-attribute/],
    ['emails[type eq "work"][value eq "x"]', /Unexpected '\['/],
    ['[type eq "work"]', /must start with an attribute name/],
  ])("rejects %j with invalidPath", (text, detail) => {
    const err = pathError(text);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe("invalidPath");
    expect(err.detail).toMatch(detail);
  });

  it("enforces the filter length limit", () => {
    expect(pathError(`emails[value eq "${"x".repeat(5000)}"]`).detail).toMatch(/too long/);
    expect(() => parsePatchPath("displayName", { limits: { maxLength: 5 } })).toThrow(/too long/);
  });
});
