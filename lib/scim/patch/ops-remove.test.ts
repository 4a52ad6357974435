// RFC 7644 §3.5.2.2 remove semantics.
import { describe, expect, it } from "vitest";
import { ENTERPRISE, expectScimError, patchBody, patchGroup, patchUser, sampleGroup, sampleUser } from "./test-helpers";

const withEmails = () => {
  const u = sampleUser();
  u.emails = [
    { value: "w@x", type: "work", primary: true },
    { value: "h@x", type: "home" },
  ];
  return u;
};

describe("remove", () => {
  it("requires a path (noTarget)", () => {
    expectScimError(() => patchUser(sampleUser(), patchBody({ op: "remove" })), "noTarget");
    expectScimError(() => patchUser(sampleUser(), patchBody({ op: "remove", value: { nickName: "x" } })), "noTarget");
  });

  it("removes a single-valued attribute; an absent one is a no-op", () => {
    expect(patchUser(sampleUser(), patchBody({ op: "remove", path: "externalId" })).resource).not.toHaveProperty("externalId");
    expect(patchUser(sampleUser(), patchBody({ op: "remove", path: "nickName" })).changed).toBe(false);
  });

  it("removes a whole multi-valued attribute", () => {
    expect(patchUser(withEmails(), patchBody({ op: "remove", path: "emails" })).resource).not.toHaveProperty("emails");
  });

  it("removes the values a filter selects", () => {
    const { resource } = patchUser(withEmails(), patchBody({ op: "remove", path: 'emails[type eq "work"]' }));
    expect(resource.emails).toEqual([{ value: "h@x", type: "home" }]);
  });

  it("unassigns the attribute when the last value is removed", () => {
    const { resource } = patchUser(sampleUser(), patchBody({ op: "remove", path: 'emails[type eq "work"]' }));
    expect(resource).not.toHaveProperty("emails");
  });

  it("fails with noTarget when a user's filter matches nothing", () => {
    expectScimError(() => patchUser(withEmails(), patchBody({ op: "remove", path: 'emails[type eq "other"]' })), "noTarget");
    expectScimError(() => patchUser(withEmails(), patchBody({ op: "remove", path: 'phoneNumbers[type eq "fax"]' })), "noTarget");
  });

  it("removing an absent group member is a no-op", () => {
    const { changed } = patchGroup(sampleGroup(), patchBody({ op: "remove", path: 'members[value eq "nobody"]' }));
    expect(changed).toBe(false);
  });

  it("removes a sub-attribute of a complex attribute", () => {
    const { resource } = patchUser(sampleUser(), patchBody({ op: "remove", path: "name.formatted" }));
    expect(resource.name).toEqual({ familyName: "familyName", givenName: "givenName" });
  });

  it("removes a sub-attribute of the selected values, dropping values left with only qualifiers", () => {
    const u = withEmails();
    (u.emails as object[])[1] = { value: "h@x", type: "home", display: "Home" };
    const a = patchUser(u, patchBody({ op: "remove", path: 'emails[type eq "home"].display' }));
    expect(a.resource.emails).toEqual([
      { value: "w@x", type: "work", primary: true },
      { value: "h@x", type: "home" },
    ]);
    const b = patchUser(u, patchBody({ op: "remove", path: 'emails[type eq "work"].value' }));
    expect(b.resource.emails).toEqual([{ value: "h@x", type: "home", display: "Home" }]);
  });

  it("removes an enterprise attribute and the whole extension", () => {
    const one = patchUser(sampleUser(), patchBody({ op: "remove", path: `${ENTERPRISE}:department` }));
    expect(one.resource[ENTERPRISE]).toEqual({ employeeNumber: "701984" });
    const all = patchUser(sampleUser(), patchBody({ op: "remove", path: ENTERPRISE }));
    expect(all.resource).not.toHaveProperty(ENTERPRISE);
    expect(all.resource.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User"]);
  });

  it("fails with mutability for required attributes", () => {
    expectScimError(() => patchUser(sampleUser(), patchBody({ op: "remove", path: "userName" })), "mutability");
    expectScimError(() => patchGroup(sampleGroup(), patchBody({ op: "remove", path: "displayName" })), "mutability");
  });

  it("fails with mutability for immutable sub-attributes that have a value", () => {
    const body = patchBody({ op: "remove", path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"].display' });
    expectScimError(() => patchGroup(sampleGroup(), body), "mutability");
  });
});
