import { describe, expect, it } from "vitest";
import { parseAttributeList, project } from "./projection";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "./schema/resource-types";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const user = {
  schemas: [USER, ENTERPRISE],
  id: "2819c223",
  externalId: "bjensen",
  userName: "bjensen@example.com",
  name: { familyName: "Jensen", givenName: "Barbara" },
  displayName: "Babs Jensen",
  active: true,
  password: "t1meMa$heen",
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  [ENTERPRISE]: { employeeNumber: "701984", manager: { value: "26118915", displayName: "John Smith" } },
  meta: { resourceType: "User", created: "2010-01-23T04:56:22Z", lastModified: "2011-05-13T04:42:34Z" },
};

const projectUser = (params: { attributes?: string[]; excludedAttributes?: string[] }) =>
  project(user, params, USER_RESOURCE_TYPE);

describe("parseAttributeList", () => {
  it("splits, trims and drops empty entries", () => {
    expect(parseAttributeList(null)).toEqual([]);
    expect(parseAttributeList(undefined)).toEqual([]);
    expect(parseAttributeList("")).toEqual([]);
    expect(parseAttributeList(" userName , name.givenName,,emails.value ")).toEqual([
      "userName",
      "name.givenName",
      "emails.value",
    ]);
    expect(parseAttributeList(`${ENTERPRISE}:manager,displayName`)).toEqual([`${ENTERPRISE}:manager`, "displayName"]);
  });
});

describe("project: defaults", () => {
  it("returns everything except never-returned attributes", () => {
    const { password, ...rest } = user;
    expect(password).toBeDefined();
    expect(projectUser({})).toEqual(rest);
    expect(projectUser({ attributes: [], excludedAttributes: [] })).toEqual(rest);
  });

  it("keeps the resource's key order and does not mutate it", () => {
    const before = JSON.stringify(user);
    expect(Object.keys(projectUser({}))).toEqual(Object.keys(user).filter((k) => k !== "password"));
    expect(JSON.stringify(user)).toBe(before);
  });
});

describe("project: attributes", () => {
  it("returns the named attributes plus id and schemas", () => {
    expect(projectUser({ attributes: ["userName"] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      userName: "bjensen@example.com",
    });
    expect(projectUser({ attributes: ["DISPLAYNAME", "active"] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      displayName: "Babs Jensen",
      active: true,
    });
  });

  it("selects sub-attributes of single and multi-valued attributes", () => {
    expect(projectUser({ attributes: ["name.givenName", "emails.value"] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      name: { givenName: "Barbara" },
      emails: [{ value: "bjensen@example.com" }, { value: "babs@jensen.org" }],
    });
    expect(projectUser({ attributes: ["emails.value", "emails"] }).emails).toEqual(user.emails);
    expect(projectUser({ attributes: ["meta.lastModified"] }).meta).toEqual({ lastModified: "2011-05-13T04:42:34Z" });
  });

  it("accepts URN-qualified names and whole extensions", () => {
    expect(projectUser({ attributes: [`${USER}:userName`, `${ENTERPRISE}:manager.value`] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      userName: "bjensen@example.com",
      [ENTERPRISE]: { manager: { value: "26118915" } },
    });
    expect(projectUser({ attributes: [ENTERPRISE.toLowerCase()] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      [ENTERPRISE]: user[ENTERPRISE],
    });
    expect(projectUser({ attributes: ["employeeNumber"] })[ENTERPRISE]).toEqual({ employeeNumber: "701984" });
  });

  it("never returns password and ignores unknown names", () => {
    expect(projectUser({ attributes: ["password", "nope", "name.nope", "bad name", "userName"] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
      userName: "bjensen@example.com",
    });
  });

  it("drops attributes left empty by sub-attribute selection", () => {
    expect(projectUser({ attributes: ["emails.display", "name.middleName"] })).toEqual({
      schemas: user.schemas,
      id: "2819c223",
    });
  });

  it("wins over excludedAttributes", () => {
    expect(projectUser({ attributes: ["userName"], excludedAttributes: ["userName"] }).userName).toBe(
      "bjensen@example.com",
    );
  });
});

describe("project: excludedAttributes", () => {
  it("removes the named attributes", () => {
    const result = projectUser({ excludedAttributes: ["emails", "NAME.givenName", "meta", `${ENTERPRISE}:manager`] });
    expect(result.emails).toBeUndefined();
    expect(result.meta).toBeUndefined();
    expect(result.name).toEqual({ familyName: "Jensen" });
    expect(result[ENTERPRISE]).toEqual({ employeeNumber: "701984" });
    expect(result.userName).toBe("bjensen@example.com");
    expect(result.password).toBeUndefined();
  });

  it("removes sub-attributes from every value", () => {
    expect(projectUser({ excludedAttributes: ["emails.primary", "emails.type"] }).emails).toEqual([
      { value: "bjensen@example.com" },
      { value: "babs@jensen.org" },
    ]);
  });

  it("removes whole extensions", () => {
    expect(projectUser({ excludedAttributes: [ENTERPRISE] })[ENTERPRISE]).toBeUndefined();
  });

  it("never removes always-returned attributes", () => {
    const result = projectUser({ excludedAttributes: ["id", "schemas", "userName"] });
    expect(result.id).toBe("2819c223");
    expect(result.schemas).toEqual(user.schemas);
    expect(result.userName).toBeUndefined();
  });
});

describe("project: groups", () => {
  const group = {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    id: "e9e30dba",
    displayName: "Tour Guides",
    members: [{ value: "2819c223", display: "Babs Jensen", $ref: "https://x/Users/2819c223" }],
  };

  it("excludes members, as Entra does when listing groups", () => {
    expect(project(group, { excludedAttributes: ["members"] }, GROUP_RESOURCE_TYPE)).toEqual({
      schemas: group.schemas,
      id: "e9e30dba",
      displayName: "Tour Guides",
    });
  });

  it("selects member sub-attributes", () => {
    expect(project(group, { attributes: ["members.value"] }, GROUP_RESOURCE_TYPE)).toEqual({
      schemas: group.schemas,
      id: "e9e30dba",
      members: [{ value: "2819c223" }],
    });
  });
});
