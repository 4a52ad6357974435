// Microsoft Entra request bodies from "Tutorial: Develop and plan provisioning for a SCIM endpoint" and "Known
// issues and resolutions with SCIM 2.0 protocol compliance" (learn.microsoft.com, entra/identity/app-provisioning).
import { describe, expect, it } from "vitest";
import { ENTERPRISE, expectScimError, loadFixture, patchBody, patchGroup, patchUser, sampleGroup, sampleUser } from "./test-helpers";

describe("Entra users", () => {
  it("replaces emails[type eq \"work\"].value and name.familyName", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("entra", "update-user-multi-valued"));
    expect(resource.emails).toEqual([{ value: "updatedEmail@microsoft.com", type: "work", primary: true }]);
    expect(resource.name).toEqual({ formatted: "givenName familyName", familyName: "updatedFamilyName", givenName: "givenName" });
  });

  it("replaces userName", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("entra", "update-user-single-valued"));
    expect(resource.userName).toBe("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
  });

  it("disables with a boolean, and with the legacy string \"False\"", () => {
    expect(patchUser(sampleUser(), loadFixture("entra", "disable-user")).resource.active).toBe(false);
    expect(patchUser(sampleUser(), loadFixture("entra", "disable-user-string-boolean")).resource.active).toBe(false);
  });

  it("adds a single-valued string with a capitalised op", () => {
    expect(patchUser(sampleUser(), loadFixture("entra", "add-single-value")).resource.nickName).toBe("Babs");
  });

  it("applies the legacy one-operation-per-attribute replace", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("entra", "replace-multiple-per-path"));
    expect(resource).toMatchObject({
      displayName: "Pvlo",
      externalId: "Eqpj",
      name: { givenName: "Gtfd", familyName: "Pkqf" },
      emails: [{ value: "TestBcwqnm@test.microsoft.com", type: "work", primary: true }],
      [ENTERPRISE]: { employeeNumber: "Eqpj", department: "Sales" },
    });
  });

  it("applies the aadOptscim062020 pathless replace with dotted and URN-qualified keys", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("entra", "replace-multiple-pathless"));
    expect(resource).toMatchObject({
      displayName: "Bjfe",
      name: { formatted: "givenName familyName", givenName: "Kkom", familyName: "Unua" },
      emails: [{ value: "TestMhvaes@test.microsoft.com", type: "work", primary: true }],
      [ENTERPRISE]: { employeeNumber: "Aklq", department: "Sales" },
    });
  });

  it("creates the work email on Add when the user has none", () => {
    const user = { ...sampleUser(), emails: [{ value: "home@example.com", type: "home" }] };
    const { resource } = patchUser(user, loadFixture("entra", "add-work-email"));
    expect(resource.title).toBe("tester");
    expect(resource.emails).toEqual([
      { value: "home@example.com", type: "home" },
      { type: "work", value: "joe@contoso.com" },
    ]);
  });

  it("creates phoneNumbers and addresses values of a type on Replace when none exists", () => {
    const body = patchBody(
      { op: "Replace", path: 'phoneNumbers[type eq "mobile"].value', value: "+1 555 0100" },
      { op: "Replace", path: 'addresses[type eq "work"].streetAddress', value: "1 Main St" },
      { op: "Replace", path: 'addresses[type eq "work"].postalCode', value: "98052" },
    );
    const { resource } = patchUser(sampleUser(), body);
    expect(resource.phoneNumbers).toEqual([{ type: "mobile", value: "+1 555 0100" }]);
    expect(resource.addresses).toEqual([{ type: "work", streetAddress: "1 Main St", postalCode: "98052" }]);
  });

  it("adds the manager from the tutorial's one-element array under the unqualified path 'manager'", () => {
    const { resource } = patchUser(sampleUser(), loadFixture("entra", "add-manager"));
    expect(resource[ENTERPRISE]).toEqual({
      employeeNumber: "701984",
      department: "Sales",
      manager: {
        $ref: "http://example.com/scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
        value: "00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
      },
    });
  });

  it("replaces the manager with a bare id, dropping the previous manager's $ref, and sets department", () => {
    const user = sampleUser();
    user[ENTERPRISE] = { manager: { value: "old", $ref: "https://x/Users/old", displayName: "Old" } };
    const { resource } = patchUser(user, loadFixture("entra", "replace-manager-id"));
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: "2819c223-7f76-453a-919d-ab1234567891" }, department: "Finance" });
  });

  it("removes the manager, and removing an absent manager is a no-op", () => {
    const user = sampleUser();
    user[ENTERPRISE] = { employeeNumber: "1", manager: { value: "m" } };
    expect(patchUser(user, loadFixture("entra", "remove-manager")).resource[ENTERPRISE]).toEqual({ employeeNumber: "1" });
    expect(patchUser(sampleUser(), loadFixture("entra", "remove-manager")).changed).toBe(false);
  });

  it("drops the extension URN from schemas once the extension is empty", () => {
    const user = sampleUser();
    user[ENTERPRISE] = { manager: { value: "m" } };
    const { resource } = patchUser(user, loadFixture("entra", "remove-manager"));
    expect(resource).not.toHaveProperty(ENTERPRISE);
    expect(resource.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User"]);
  });

  it("treats an empty Operations array as a no-op", () => {
    const { resource, changed } = patchUser(sampleUser(), loadFixture("entra", "empty-operations"));
    expect(changed).toBe(false);
    expect(resource).toEqual(sampleUser());
  });

  it("rejects strings other than true/false for a boolean", () => {
    expectScimError(() => patchUser(sampleUser(), patchBody({ op: "Replace", path: "active", value: "yes" })), "invalidValue");
  });
});

describe("Entra groups", () => {
  it("renames a group", () => {
    const { resource } = patchGroup(sampleGroup(), loadFixture("entra", "group-rename"));
    expect(resource.displayName).toBe("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
  });

  it("adds members (the null $ref is dropped) and re-adding a member is a no-op", () => {
    const group = { ...sampleGroup(), members: [] };
    const added = patchGroup(group, loadFixture("entra", "group-add-members"));
    expect(added.resource.members).toEqual([{ value: "f648f8d5ea4e4cd38e9c" }]);
    const again = patchGroup(added.resource, loadFixture("entra", "group-add-members"));
    expect(again.changed).toBe(false);
  });

  it("adds several members in one operation", () => {
    const body = patchBody({ op: "Add", path: "members", value: [{ value: "id1" }, { value: "id2" }] });
    const { resource } = patchGroup({ ...sampleGroup(), members: [] }, body);
    expect(resource.members).toEqual([{ value: "id1" }, { value: "id2" }]);
  });

  it("removes members listed in a Remove value (legacy) and by filter (aadOptscim062020)", () => {
    const legacy = patchGroup(sampleGroup(), loadFixture("entra", "group-remove-members-value-list"));
    expect(legacy.resource.members).toEqual([{ value: "89bb1940-b905-4575-9e7f-6f887cfb368e", display: "first.user@okta.local" }]);
    const group = sampleGroup();
    (group.members as { value: string }[]).push({ value: "7f4bc1a3-285e-48ae-8202-5accb43efb0e" });
    const filtered = patchGroup(group, loadFixture("entra", "group-remove-members-filter"));
    expect(filtered.resource.members).toEqual(sampleGroup().members);
  });

  it("removing members that are absent is a no-op", () => {
    for (const name of ["group-remove-members-filter", "group-remove-members-value-list"]) {
      const group = { ...sampleGroup(), members: [{ value: "someone-else" }] };
      const { resource, changed } = patchGroup(group, loadFixture("entra", name));
      expect(changed).toBe(false);
      expect(resource.members).toEqual([{ value: "someone-else" }]);
    }
  });
});
