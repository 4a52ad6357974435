// Attribute name resolution and value validation/coercion.
import { describe, expect, it } from "vitest";
import { ENTERPRISE, expectScimError, patchBody, patchUser, sampleUser } from "./test-helpers";

const apply = (...ops: unknown[]) => patchUser(sampleUser(), patchBody(...ops));

describe("names and values", () => {
  it("resolves attribute names case-insensitively and writes the canonical name", () => {
    const { resource } = apply(
      { op: "replace", path: "NAME.GIVENNAME", value: "Ann" },
      { op: "add", path: "NickName", value: "Annie" },
      { op: "replace", path: `${ENTERPRISE.toUpperCase()}:DEPARTMENT`, value: "Ops" },
      { op: "replace", path: 'EMAILS[TYPE eq "work"].VALUE', value: "ann@x" },
    );
    expect(resource.name).toMatchObject({ givenName: "Ann" });
    expect(resource.nickName).toBe("Annie");
    expect(resource[ENTERPRISE]).toMatchObject({ department: "Ops" });
    expect(resource.emails).toEqual([{ value: "ann@x", type: "work", primary: true }]);
    expect(JSON.stringify(resource)).not.toMatch(/GIVENNAME|NickName|DEPARTMENT|VALUE/);
  });

  it("canonicalises sub-attribute names inside values", () => {
    const { resource } = apply({ op: "replace", path: "name", value: { GIVENNAME: "Ann", FamilyName: "Lee" } });
    expect(resource.name).toEqual({ formatted: "givenName familyName", givenName: "Ann", familyName: "Lee" });
  });

  it.each([
    ["a string for a complex attribute", "name", "Ann"],
    ["a number for a string", "nickName", 42],
    ["an object for a boolean", "active", { value: true }],
    ["a non-boolean string for a boolean", "active", "maybe"],
    ["an array for a single-valued attribute", "nickName", ["a"]],
    ["a non-array for a multi-valued attribute", "emails", { value: "a@x" }],
    ["a number inside a multi-valued complex value", "emails", [{ value: 5 }]],
    ["a non-object element", "emails", ["a@x"]],
  ])("rejects %s with invalidValue", (_, path, value) => {
    expectScimError(() => apply({ op: "replace", path, value }), "invalidValue");
  });

  it("rejects a non-object value for a pathless add/replace", () => {
    expectScimError(() => apply({ op: "replace", value: "active" }), "invalidValue");
    expectScimError(() => apply({ op: "add", value: [{ active: true }] }), "invalidValue");
  });
});

describe("lenient inputs", () => {
  it("drops sub-attributes the schema does not define inside complex values", () => {
    const { resource } = apply({ op: "replace", path: "name", value: { givenName: "A", nickname: "x" } });
    expect(resource.name).toEqual({ formatted: "givenName familyName", familyName: "familyName", givenName: "A" });
  });

  it("rejects an empty string for a required attribute", () => {
    expectScimError(() => apply({ op: "replace", path: "userName", value: "" }), "invalidValue");
  });

  it("keeps an empty string for an optional attribute", () => {
    expect(apply({ op: "replace", path: "title", value: "" }).resource.title).toBe("");
  });

  it("does not touch schemas when an absent extension attribute is unassigned", () => {
    const u = sampleUser();
    delete u[ENTERPRISE];
    const { resource, changed } = patchUser(u, patchBody({ op: "replace", path: `${ENTERPRISE}:department`, value: null }));
    expect(changed).toBe(false);
    expect(resource).toEqual(u);
  });
});
