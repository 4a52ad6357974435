import { describe, expect, it } from "vitest";
import { parseAttrPath } from "../filter/attr-path";
import type { AttrPath } from "../filter/ast";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "./resource-types";
import { isExtensionUri, resolveAttribute, resolveSchemaUri } from "./resolve";
import { USER_SCHEMA } from "./user";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function p(text: string): AttrPath {
  const path = parseAttrPath(text);
  if (path === null) throw new Error(`bad path ${text}`);
  return path;
}

const resolveUser = (text: string) => resolveAttribute(USER_RESOURCE_TYPE, p(text));

describe("resolveAttribute", () => {
  it("resolves core attributes case-insensitively to their canonical names", () => {
    expect(resolveUser("USERNAME")).toMatchObject({ schemaId: USER, location: "core", name: "userName" });
    expect(resolveUser("username")?.def).toMatchObject({ required: true, uniqueness: "server", caseExact: false });
    expect(resolveUser(`${USER}:userName`)).toMatchObject({ schemaId: USER, location: "core", name: "userName" });
    expect(resolveUser(`${USER.toUpperCase()}:userName`)).toMatchObject({ name: "userName" });
  });

  it("resolves sub-attributes", () => {
    const resolved = resolveUser("name.GIVENNAME");
    expect(resolved).toMatchObject({ name: "name", subName: "givenName", location: "core" });
    expect(resolved?.attribute.type).toBe("complex");
    expect(resolved?.def).toBe(resolved?.subAttribute);
    expect(resolved?.def.type).toBe("string");
    expect(resolveUser("emails.value")?.attribute.multiValued).toBe(true);
    expect(resolveUser("groups.$ref")).toMatchObject({ subName: "$ref" });
    expect(resolveUser(`${USER}:emails.type`)?.def.canonicalValues).toEqual(["work", "home", "other"]);
  });

  it("resolves common attributes", () => {
    expect(resolveUser("id")).toMatchObject({ location: "common", name: "id", schemaId: USER });
    expect(resolveUser("id")?.def).toMatchObject({ caseExact: true, returned: "always", mutability: "readOnly" });
    expect(resolveUser("externalId")?.def.caseExact).toBe(false);
    expect(resolveUser("meta.lastModified")).toMatchObject({ location: "common", subName: "lastModified" });
    expect(resolveUser("meta.lastModified")?.def.type).toBe("dateTime");
    expect(resolveUser("schemas")?.def.returned).toBe("always");
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, p("META.created"))?.def.mutability).toBe("readOnly");
  });

  it("resolves extension attributes with or without the URN", () => {
    expect(resolveUser(`${ENTERPRISE}:manager.value`)).toMatchObject({
      schemaId: ENTERPRISE,
      location: "extension",
      name: "manager",
      subName: "value",
    });
    expect(resolveUser(`${ENTERPRISE.toLowerCase()}:EmployeeNumber`)).toMatchObject({ name: "employeeNumber" });
    expect(resolveUser("department")).toMatchObject({ schemaId: ENTERPRISE, location: "extension" });
    expect(resolveUser(`${ENTERPRISE}:manager.displayName`)?.def.mutability).toBe("readOnly");
  });

  it("prefers core attributes over extension attributes with the same name", () => {
    const ext = { id: "urn:example:ext:1.0:User", name: "Ext", description: "", attributes: USER_SCHEMA.attributes };
    const schemas = { core: USER_SCHEMA, extensions: [{ schema: ext, required: false }] };
    expect(resolveAttribute(schemas, p("displayName"))).toMatchObject({ location: "core", schemaId: USER });
    expect(resolveAttribute(schemas, p("urn:example:ext:1.0:User:displayName"))).toMatchObject({
      location: "extension",
      schemaId: "urn:example:ext:1.0:User",
    });
  });

  it("returns null for unknown names, wrong schemas and whole-schema paths", () => {
    expect(resolveUser("nope")).toBeNull();
    expect(resolveUser("name.nope")).toBeNull();
    expect(resolveUser("userName.value")).toBeNull();
    expect(resolveUser(`${ENTERPRISE}:userName`)).toBeNull();
    expect(resolveUser(`${USER}:employeeNumber`)).toBeNull();
    expect(resolveUser("urn:example:unknown:1.0:User:userName")).toBeNull();
    expect(resolveAttribute(USER_RESOURCE_TYPE, { uri: ENTERPRISE, attr: "" })).toBeNull();
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, p("userName"))).toBeNull();
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, p(`${ENTERPRISE}:manager`))).toBeNull();
  });

  it("resolves group attributes", () => {
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, p("members.value"))?.def.mutability).toBe("immutable");
    expect(resolveAttribute(GROUP_RESOURCE_TYPE, p("displayname"))?.def.required).toBe(true);
  });
});

describe("resolveSchemaUri", () => {
  it("finds the core schema and extensions case-insensitively", () => {
    expect(resolveSchemaUri(USER_RESOURCE_TYPE, USER.toLowerCase())?.name).toBe("User");
    expect(resolveSchemaUri(USER_RESOURCE_TYPE, ENTERPRISE)?.name).toBe("EnterpriseUser");
    expect(resolveSchemaUri(GROUP_RESOURCE_TYPE, ENTERPRISE)).toBeNull();
    expect(isExtensionUri(USER_RESOURCE_TYPE, ENTERPRISE)).toBe(true);
    expect(isExtensionUri(USER_RESOURCE_TYPE, USER)).toBe(false);
  });
});
