// RFC 7644 §3.5.2.1 (add) and §3.5.2.3 (replace) semantics.
import { describe, expect, it } from "vitest";
import { ENTERPRISE, expectScimError, patchBody, patchGroup, patchUser, sampleGroup, sampleUser } from "./test-helpers";

const user = () => sampleUser();
const apply = (...ops: unknown[]) => patchUser(user(), patchBody(...ops));

describe("add", () => {
  it("appends to a multi-valued attribute", () => {
    const { resource } = apply({ op: "add", path: "emails", value: [{ value: "home@example.com", type: "home" }] });
    expect(resource.emails).toEqual([
      { value: "Test_User_11bb11bb@testuser.com", type: "work", primary: true },
      { value: "home@example.com", type: "home" },
    ]);
  });

  it("does not duplicate a value that is already present (case-insensitive value)", () => {
    const { changed } = apply({ op: "add", path: "emails", value: [{ value: "TEST_USER_11bb11bb@testuser.com", type: "work" }] });
    expect(changed).toBe(false);
  });

  it("does not duplicate a group member, even with a different display", () => {
    const body = patchBody({ op: "add", path: "members", value: [{ value: "f648f8d5ea4e4cd38e9c", display: "New Name" }] });
    const { resource, changed } = patchGroup(sampleGroup(), body);
    expect(changed).toBe(false);
    expect(resource.members).toEqual(sampleGroup().members);
  });

  it("replaces a single-valued attribute", () => {
    expect(apply({ op: "add", path: "displayName", value: "Babs" }).resource.displayName).toBe("Babs");
    expect(apply({ op: "add", path: "userName", value: "new@x" }).resource.userName).toBe("new@x");
  });

  it("merges the sub-attributes of a complex attribute", () => {
    const { resource } = apply({ op: "add", path: "name", value: { middleName: "Jane", givenName: "Barbara" } });
    expect(resource.name).toEqual({ formatted: "givenName familyName", familyName: "familyName", givenName: "Barbara", middleName: "Jane" });
  });

  it("sets a sub-attribute, creating the complex attribute if needed", () => {
    const noName = user();
    delete noName.name;
    const { resource } = patchUser(noName, patchBody({ op: "add", path: "name.givenName", value: "Ann" }));
    expect(resource.name).toEqual({ givenName: "Ann" });
  });

  it("adds to a filtered value, creating it from the filter when none matches", () => {
    const { resource } = apply({ op: "add", path: 'emails[type eq "other"]', value: { value: "o@example.com" } });
    expect(resource.emails).toContainEqual({ type: "other", value: "o@example.com" });
  });

  it("fails with noTarget when nothing matches and the filter does not describe a value", () => {
    expectScimError(() => apply({ op: "add", path: 'emails[value co "nothing"].type', value: "home" }), "noTarget");
  });

  it("requires a value, and a non-null one", () => {
    expectScimError(() => apply({ op: "add", path: "nickName" }), "invalidValue");
    expectScimError(() => apply({ op: "add", path: "nickName", value: null }), "invalidValue");
  });
});

describe("replace", () => {
  it("without a path merges the value into the resource", () => {
    const { resource } = apply({ op: "replace", value: { nickName: "Babs", name: { givenName: "Barbara" } } });
    expect(resource.nickName).toBe("Babs");
    expect(resource.name).toEqual({ formatted: "givenName familyName", familyName: "familyName", givenName: "Barbara" });
  });

  it("of a multi-valued attribute without a filter replaces all values", () => {
    const { resource } = apply({ op: "replace", path: "emails", value: [{ value: "a@x", type: "home" }] });
    expect(resource.emails).toEqual([{ value: "a@x", type: "home" }]);
  });

  it("of a filtered value merges into every match", () => {
    const u = user();
    u.emails = [
      { value: "w1@x", type: "work" },
      { value: "w2@x", type: "work" },
      { value: "h@x", type: "home" },
    ];
    const { resource } = patchUser(u, patchBody({ op: "replace", path: 'emails[type eq "work"]', value: { display: "Work" } }));
    expect(resource.emails).toEqual([
      { value: "w1@x", type: "work", display: "Work" },
      { value: "w2@x", type: "work", display: "Work" },
      { value: "h@x", type: "home" },
    ]);
  });

  it("of a filtered value fails with noTarget when nothing matches", () => {
    expectScimError(() => apply({ op: "replace", path: 'emails[type eq "home"]', value: { value: "h@x" } }), "noTarget");
    expectScimError(() => apply({ op: "replace", path: 'emails[value sw "zzz"].value', value: "h@x" }), "noTarget");
  });

  it("of an attribute that does not exist acts as add", () => {
    expect(apply({ op: "replace", path: "title", value: "CEO" }).resource.title).toBe("CEO");
  });

  it("with null unassigns (RFC 7643 §2.5)", () => {
    const { resource } = apply(
      { op: "replace", path: "name.formatted", value: null },
      { op: "replace", path: "emails", value: null },
      { op: "replace", value: { externalId: null } },
    );
    expect(resource.name).toEqual({ familyName: "familyName", givenName: "givenName" });
    expect(resource).not.toHaveProperty("emails");
    expect(resource).not.toHaveProperty("externalId");
  });

  it("with null on a required attribute fails with mutability", () => {
    expectScimError(() => apply({ op: "replace", path: "userName", value: null }), "mutability");
  });

  it("accepts a manager object", () => {
    const { resource } = apply({ op: "replace", path: `${ENTERPRISE}:manager`, value: { value: "m1", displayName: "ignored" } });
    expect(resource[ENTERPRISE]).toMatchObject({ manager: { value: "m1" } });
  });

  it("replaces a whole extension object attribute by attribute", () => {
    const { resource } = apply({ op: "replace", path: ENTERPRISE, value: { department: "Ops" } });
    expect(resource[ENTERPRISE]).toEqual({ employeeNumber: "701984", department: "Ops" });
  });
});

describe("primary", () => {
  it("setting primary on one value clears it on the others (RFC 7643 §2.4)", () => {
    const { resource } = apply({ op: "add", path: "emails", value: [{ value: "new@x", type: "home", primary: true }] });
    expect(resource.emails).toEqual([
      { value: "Test_User_11bb11bb@testuser.com", type: "work", primary: false },
      { value: "new@x", type: "home", primary: true },
    ]);
  });

  it("works through a filtered sub-attribute path and a string boolean", () => {
    const u = user();
    u.emails = [
      { value: "w@x", type: "work", primary: true },
      { value: "h@x", type: "home" },
    ];
    const { resource } = patchUser(u, patchBody({ op: "Replace", path: 'emails[type eq "home"].primary', value: "True" }));
    expect(resource.emails).toEqual([
      { value: "w@x", type: "work", primary: false },
      { value: "h@x", type: "home", primary: true },
    ]);
  });

  it("keeps the last primary when a replaced list has several", () => {
    const { resource } = apply({
      op: "replace",
      path: "emails",
      value: [
        { value: "a@x", primary: true },
        { value: "b@x", primary: true },
      ],
    });
    expect(resource.emails).toEqual([
      { value: "a@x", primary: false },
      { value: "b@x", primary: true },
    ]);
  });
});
