import { describe, expect, it } from "vitest";
import { GROUP_RESOURCE_TYPE } from "../schema/resource-types";
import { ENTERPRISE_USER_SCHEMA } from "../schema/enterprise-user";
import { USER_SCHEMA } from "../schema/user";
import { applyPatch } from "./apply-patch";
import { ENTERPRISE, expectScimError, patchBody, patchGroup, patchUser, sampleGroup, sampleUser } from "./test-helpers";

describe("all-or-nothing", () => {
  it("a failing third operation leaves the input untouched and throws with the operation index", () => {
    const input = sampleUser();
    const snapshot = structuredClone(input);
    const body = patchBody(
      { op: "replace", path: "displayName", value: "Changed" },
      { op: "add", path: "emails", value: [{ value: "new@x", type: "home", primary: true }] },
      { op: "replace", path: 'emails[type eq "other"]', value: { value: "o@x" } },
    );
    const detail = expectScimError(() => patchUser(input, body), "noTarget");
    expect(detail).toMatch(/^Operations\[2\]: /);
    expect(input).toEqual(snapshot);
  });

  it("never mutates the input on success either", () => {
    const input = sampleUser();
    const snapshot = structuredClone(input);
    const { resource } = patchUser(input, patchBody({ op: "replace", path: "name.givenName", value: "X" }));
    expect(input).toEqual(snapshot);
    expect(resource.name).not.toBe(input.name);
  });

  it("applies operations in order", () => {
    const { resource } = patchUser(
      sampleUser(),
      patchBody({ op: "add", path: "nickName", value: "a" }, { op: "remove", path: "nickName" }, { op: "add", path: "nickName", value: "b" }),
    );
    expect(resource.nickName).toBe("b");
  });
});

describe("paths", () => {
  it.each([
    ["an unknown attribute", "favouriteColour"],
    ["an unknown sub-attribute", "name.nickname"],
    ["an unknown extension", "urn:example:ext:1.0:User:tag"],
    ["a malformed path", 'emails[type eq "work"'],
    ["a filter on a single-valued attribute", 'name[givenName eq "a"]'],
    ["a filter on an unknown sub-attribute", 'emails[kind eq "work"].value'],
    ["a filter with an unsupported comparison", "emails[primary gt true].value"],
    ["an empty path", ""],
  ])("rejects %s with invalidPath", (_, path) => {
    expectScimError(() => patchUser(sampleUser(), patchBody({ op: "replace", path, value: "x" })), "invalidPath");
  });

  it("accepts the core schema URN as a prefix or as the whole path", () => {
    const core = "urn:ietf:params:scim:schemas:core:2.0:User";
    const { resource } = patchUser(
      sampleUser(),
      patchBody({ op: "replace", path: `${core}:nickName`, value: "a" }, { op: "replace", path: core, value: { title: "t" } }),
    );
    expect(resource).toMatchObject({ nickName: "a", title: "t" });
  });
});

describe("mutability", () => {
  it.each([
    ["replace id", { op: "replace", path: "id", value: "other" }],
    ["remove id", { op: "remove", path: "id" }],
    ["replace meta.lastModified", { op: "replace", path: "meta.lastModified", value: "2020-01-01T00:00:00Z" }],
    ["replace meta", { op: "replace", path: "meta", value: { resourceType: "Group" } }],
    ["add groups", { op: "add", path: "groups", value: [{ value: "g2" }] }],
    ["remove groups", { op: "remove", path: 'groups[value eq "g1"]' }],
    ["replace manager.displayName", { op: "replace", path: `${ENTERPRISE}:manager.displayName`, value: "Boss" }],
    ["a pathless id change", { op: "replace", value: { id: "other" } }],
    ["a pathless meta change", { op: "replace", value: { meta: { created: "2001-01-01T00:00:00Z" } } }],
    ["replace schemas", { op: "replace", path: "schemas", value: ["urn:x"] }],
  ])("rejects %s", (_, op) => {
    expectScimError(() => patchUser(sampleUser(), patchBody(op)), "mutability");
  });

  it("ignores readOnly values in a pathless map that equal the current ones", () => {
    const u = sampleUser();
    const body = patchBody({
      op: "replace",
      value: { id: u.id, meta: { resourceType: "User", created: "2018-03-27T19:59:26Z" }, groups: u.groups, schemas: ["x"], nickName: "n" },
    });
    const { resource } = patchUser(u, body);
    expect(resource).toEqual({ ...sampleUser(), nickName: "n" });
  });

  it("immutable sub-attributes may be set when absent but not changed", () => {
    const path = 'members[value eq "f648f8d5ea4e4cd38e9c"].display';
    const { resource } = patchGroup(sampleGroup(), patchBody({ op: "add", path, value: "Second" }));
    expect(resource.members).toContainEqual({ value: "f648f8d5ea4e4cd38e9c", display: "Second" });
    expectScimError(() => patchGroup(resource, patchBody({ op: "replace", path, value: "Other" })), "mutability");
    expect(patchGroup(resource, patchBody({ op: "replace", path, value: "Second" })).changed).toBe(false);
  });

  it("immutable member values cannot be rewritten", () => {
    const body = patchBody({ op: "replace", path: 'members[value eq "f648f8d5ea4e4cd38e9c"]', value: { value: "x" } });
    expectScimError(() => patchGroup(sampleGroup(), body), "mutability");
  });
});

describe("pathless value maps", () => {
  it("rejects unknown attributes with invalidPath", () => {
    const detail = expectScimError(() => patchUser(sampleUser(), patchBody({ op: "replace", value: { shoeSize: 9 } })), "invalidPath");
    expect(detail).toContain("shoeSize");
  });

  it("rejects unknown attributes of a known extension with invalidPath", () => {
    const body = patchBody({ op: "replace", value: { [`${ENTERPRISE}:shoeSize`]: "9" } });
    expectScimError(() => patchUser(sampleUser(), body), "invalidPath");
    const nested = patchBody({ op: "replace", value: { [ENTERPRISE]: { shoeSize: "9" } } });
    expectScimError(() => patchUser(sampleUser(), nested), "invalidPath");
  });

  it("applies Entra's mixed dotted / URN / string-boolean map", () => {
    const body = patchBody({
      op: "Replace",
      value: { "name.givenName": "Ann", [`${ENTERPRISE}:employeeNumber`]: "42", active: "False" },
    });
    const { resource } = patchUser(sampleUser(), body);
    expect(resource).toMatchObject({ name: { givenName: "Ann" }, active: false, [ENTERPRISE]: { employeeNumber: "42" } });
  });

  it("adds the extension URN to schemas when the first extension attribute is set", () => {
    const u = sampleUser();
    delete u[ENTERPRISE];
    u.schemas = ["urn:ietf:params:scim:schemas:core:2.0:User"];
    const { resource } = patchUser(u, patchBody({ op: "add", value: { [`${ENTERPRISE}:costCenter`]: "CC1" } }));
    expect(resource.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE]);
    expect(resource[ENTERPRISE]).toEqual({ costCenter: "CC1" });
  });

  it("accepts options.schemas as a SchemaDef list (core first)", () => {
    const { resource } = applyPatch(sampleUser(), patchBody({ op: "replace", path: "department", value: "Ops" }), {
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    });
    expect(resource[ENTERPRISE]).toMatchObject({ department: "Ops" });
  });

  it("honours maxOperations from the options", () => {
    const body = patchBody({ op: "remove", path: "nickName" }, { op: "remove", path: "title" });
    expectScimError(() => applyPatch(sampleGroup(), body, { schemas: GROUP_RESOURCE_TYPE, maxOperations: 1 }), "invalidSyntax");
  });
});

describe("prototype pollution", () => {
  const hostile = [
    '{"op":"replace","value":{"__proto__":{"polluted":true}}}',
    '{"op":"replace","value":{"constructor":{"prototype":{"polluted":true}}}}',
    '{"op":"add","path":"__proto__.polluted","value":true}',
    '{"op":"add","path":"constructor.prototype","value":{"polluted":true}}',
    '{"op":"replace","path":"name","value":{"__proto__":{"polluted":true},"givenName":"A"}}',
    '{"op":"add","path":"emails","value":[{"value":"a@x","__proto__":{"polluted":true}}]}',
    '{"op":"replace","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"__proto__":{"polluted":true}}}}',
  ];

  it.each(hostile)("never reaches Object.prototype: %s", (operation) => {
    const body = JSON.parse(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[${operation}]}`);
    try {
      const { resource } = patchUser(sampleUser(), body);
      expect(JSON.stringify(resource)).not.toContain("polluted");
      for (const value of [resource, resource.name, ...(resource.emails as object[])]) {
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      }
    } catch (err) {
      expect((err as { status?: number }).status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("rejects those keys as unknown attributes in a value map", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const body = JSON.parse(`{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"${key}":{"x":1}}}]}`);
      expectScimError(() => patchUser(sampleUser(), body), "invalidPath");
    }
  });
});
