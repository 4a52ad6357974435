// Okta request bodies from its "SCIM 2.0 Protocol Reference" (developer.okta.com/docs/reference/scim/scim-20).
import { describe, expect, it } from "vitest";
import { ENTERPRISE, expectScimError, loadFixture, patchBody, patchGroup, patchUser, sampleGroup, sampleUser } from "./test-helpers";

describe("Okta users", () => {
  it("deactivates with a pathless replace of { active: false }", () => {
    const { resource, changed } = patchUser(sampleUser(), loadFixture("okta", "deactivate-user"));
    expect(changed).toBe(true);
    expect(resource).toEqual({ ...sampleUser(), active: false });
  });

  it("reactivates, and reports no change when already active", () => {
    const inactive = { ...sampleUser(), active: false };
    expect(patchUser(inactive, loadFixture("okta", "activate-user")).resource.active).toBe(true);
    expect(patchUser(sampleUser(), loadFixture("okta", "activate-user")).changed).toBe(false);
  });

  it("replaces profile attributes: complex values merge, multi-valued lists are replaced", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("okta", "user-profile-replace"));
    expect(resource.name).toEqual({
      formatted: "givenName familyName",
      givenName: "Another",
      middleName: "Excited",
      familyName: "User",
    });
    expect(resource.emails).toEqual([
      { primary: true, value: "another.user@okta.local", type: "work", display: "another.user@okta.local" },
    ]);
  });

  it("ignores custom extension namespaces it does not know in a pathless replace", () => {
    const body = patchBody({
      op: "replace",
      value: { "urn:okta:scim:schemas:extension:custom:2.0:User": { costCode: "7" }, nickName: "Babs" },
    });
    const { resource } = patchUser(sampleUser(), body);
    expect(resource.nickName).toBe("Babs");
    expect(resource).not.toHaveProperty("urn:okta:scim:schemas:extension:custom:2.0:User");
  });

  it("accepts the enterprise extension as a nested object in a pathless replace", () => {
    const body = patchBody({ op: "replace", value: { [ENTERPRISE]: { department: "R&D", manager: { value: "m1" } } } });
    const { resource } = patchUser(sampleUser(), body);
    expect(resource[ENTERPRISE]).toEqual({ employeeNumber: "701984", department: "R&D", manager: { value: "m1" } });
  });
});

describe("Okta groups", () => {
  it("renames a group; the echoed id equal to the current id is ignored", () => {
    const { resource, changed } = patchGroup(sampleGroup(), loadFixture("okta", "group-rename"));
    expect(changed).toBe(true);
    expect(resource).toEqual({ ...sampleGroup(), displayName: "Test SCIMv20" });
  });

  it("rejects a rename that carries a different id with mutability", () => {
    const body = patchBody({ op: "replace", value: { id: "another-id", displayName: "X" } });
    expectScimError(() => patchGroup(sampleGroup(), body), "mutability");
  });

  it("removes a member by filter and adds one by value list", () => {
    const { resource } = patchGroup(sampleGroup(), loadFixture("okta", "group-membership"));
    expect(resource.members).toEqual([
      { value: "f648f8d5ea4e4cd38e9c" },
      { value: "23a35c27-23d3-4c03-b4c5-6443c09e7173", display: "test.user@okta.local" },
    ]);
  });

  it("replaying the membership change is a no-op (absent member removal is lenient, present member add too)", () => {
    const once = patchGroup(sampleGroup(), loadFixture("okta", "group-membership")).resource;
    const twice = patchGroup(once, loadFixture("okta", "group-membership"));
    expect(twice.changed).toBe(false);
    expect(twice.resource).toEqual(once);
  });

  it("replaces the whole membership list", () => {
    const { resource } = patchGroup(sampleGroup(), loadFixture("okta", "group-replace-members"));
    expect(resource.members).toEqual([
      { value: "23a35c27-23d3-4c03-b4c5-6443c09e7173", display: "test.user@okta.local" },
      { value: "89bb1940-b905-4575-9e7f-6f887cfb368e", display: "test.user@okta.local" },
    ]);
  });
});
