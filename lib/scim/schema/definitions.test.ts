import { describe, expect, it } from "vitest";
import { COMMON_ATTRIBUTES } from "./common";
import { ENTERPRISE_USER_SCHEMA } from "./enterprise-user";
import { GROUP_SCHEMA } from "./group";
import { findResourceType, findSchema, SCHEMAS } from "./resource-types";
import { findAttribute } from "./resolve";
import type { AttributeDef } from "./types";
import { USER_SCHEMA } from "./user";

const names = (defs: readonly AttributeDef[] | undefined) => (defs ?? []).map((d) => d.name);

describe("schema definitions", () => {
  it("define the RFC 7643 User attributes", () => {
    expect(USER_SCHEMA.id).toBe("urn:ietf:params:scim:schemas:core:2.0:User");
    expect(names(USER_SCHEMA.attributes)).toEqual([
      "userName",
      "name",
      "displayName",
      "nickName",
      "profileUrl",
      "title",
      "userType",
      "preferredLanguage",
      "locale",
      "timezone",
      "active",
      "password",
      "emails",
      "phoneNumbers",
      "addresses",
      "groups",
    ]);
    expect(findAttribute(USER_SCHEMA.attributes, "userName")).toMatchObject({
      required: true,
      uniqueness: "server",
      caseExact: false,
      returned: "default",
    });
    expect(findAttribute(USER_SCHEMA.attributes, "password")).toMatchObject({
      mutability: "writeOnly",
      returned: "never",
    });
    expect(findAttribute(USER_SCHEMA.attributes, "groups")?.mutability).toBe("readOnly");
    expect(names(findAttribute(USER_SCHEMA.attributes, "groups")?.subAttributes)).toEqual([
      "value",
      "$ref",
      "display",
      "type",
    ]);
    expect(names(findAttribute(USER_SCHEMA.attributes, "addresses")?.subAttributes)).toEqual([
      "formatted",
      "streetAddress",
      "locality",
      "region",
      "postalCode",
      "country",
      "type",
      "primary",
    ]);
    expect(findAttribute(USER_SCHEMA.attributes, "active")?.type).toBe("boolean");
  });

  it("define the enterprise extension and Group", () => {
    expect(names(ENTERPRISE_USER_SCHEMA.attributes)).toEqual([
      "employeeNumber",
      "costCenter",
      "organization",
      "division",
      "department",
      "manager",
    ]);
    const manager = findAttribute(ENTERPRISE_USER_SCHEMA.attributes, "manager");
    expect(findAttribute(manager?.subAttributes, "displayName")?.mutability).toBe("readOnly");
    expect(findAttribute(GROUP_SCHEMA.attributes, "displayName")?.required).toBe(true);
    const members = findAttribute(GROUP_SCHEMA.attributes, "members");
    expect(members?.multiValued).toBe(true);
    expect(findAttribute(members?.subAttributes, "value")?.mutability).toBe("immutable");
  });

  it("define the common attributes", () => {
    expect(names(COMMON_ATTRIBUTES)).toEqual(["id", "externalId", "meta"]);
    const meta = findAttribute(COMMON_ATTRIBUTES, "meta");
    expect(names(meta?.subAttributes)).toEqual(["resourceType", "created", "lastModified", "location", "version"]);
    expect(meta?.subAttributes?.every((sub) => sub.mutability === "readOnly")).toBe(true);
  });

  it("only ever nest one level and use valid attribute names", () => {
    const walk = (defs: readonly AttributeDef[], depth: number): void => {
      for (const def of defs) {
        expect(def.name).toMatch(/^\$?[A-Za-z][A-Za-z0-9_-]*$/);
        expect(def.description).not.toBe("");
        if (def.subAttributes) {
          expect(def.type).toBe("complex");
          expect(depth).toBe(0);
          walk(def.subAttributes, depth + 1);
        }
      }
    };
    for (const schema of SCHEMAS) walk(schema.attributes, 0);
    walk(COMMON_ATTRIBUTES, 0);
  });

  it("can be looked up by id", () => {
    expect(findSchema("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP")).toBe(GROUP_SCHEMA);
    expect(findSchema("urn:nope")).toBeUndefined();
    expect(findResourceType("user")?.endpoint).toBe("/Users");
  });
});
