import { describe, expect, it } from "vitest";
import { joinUrl, resourceTypeResource, schemaResource, serviceProviderConfig } from "./discovery";
import { ENTERPRISE_USER_SCHEMA } from "./enterprise-user";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "./resource-types";
import { USER_SCHEMA } from "./user";

const BASE = "https://example.com/scim/v2";

describe("joinUrl", () => {
  it("joins without doubling slashes", () => {
    expect(joinUrl("https://x/scim/v2/", "/Users")).toBe("https://x/scim/v2/Users");
    expect(joinUrl("https://x/scim/v2", "Users")).toBe("https://x/scim/v2/Users");
  });
});

describe("schemaResource", () => {
  it("renders the RFC 7643 §7 representation", () => {
    const resource = schemaResource(USER_SCHEMA, `${BASE}/`);
    expect(resource).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
      id: "urn:ietf:params:scim:schemas:core:2.0:User",
      name: "User",
      description: "User Account",
      meta: {
        resourceType: "Schema",
        location: `${BASE}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`,
      },
    });
    expect(resource.attributes[0]).toEqual({
      name: "userName",
      type: "string",
      multiValued: false,
      description: expect.any(String),
      required: true,
      caseExact: false,
      mutability: "readWrite",
      returned: "default",
      uniqueness: "server",
    });
    const emails = resource.attributes.find((a) => a.name === "emails");
    expect(emails?.subAttributes?.map((a) => a.name)).toEqual(["value", "display", "type", "primary"]);
    expect(emails?.subAttributes?.[2].canonicalValues).toEqual(["work", "home", "other"]);
    expect(resource.attributes.find((a) => a.name === "profileUrl")?.referenceTypes).toEqual(["external"]);
    // Common attributes are not part of the schema representation (RFC 7643 §3.1).
    expect(resource.attributes.map((a) => a.name)).not.toContain("id");
    expect(JSON.parse(JSON.stringify(resource))).toEqual(resource);
  });

  it("renders the enterprise extension", () => {
    const resource = schemaResource(ENTERPRISE_USER_SCHEMA, BASE);
    expect(resource.meta.location).toBe(`${BASE}/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`);
    expect(resource.attributes.find((a) => a.name === "manager")?.subAttributes?.map((a) => a.name)).toEqual([
      "value",
      "$ref",
      "displayName",
    ]);
  });
});

describe("resourceTypeResource", () => {
  it("renders User with the enterprise extension", () => {
    expect(resourceTypeResource(USER_RESOURCE_TYPE, BASE)).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "User Account",
      schema: "urn:ietf:params:scim:schemas:core:2.0:User",
      schemaExtensions: [{ schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", required: false }],
      meta: { resourceType: "ResourceType", location: `${BASE}/ResourceTypes/User` },
    });
  });

  it("renders Group without extensions", () => {
    expect(resourceTypeResource(GROUP_RESOURCE_TYPE, BASE)).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "Group",
      schema: "urn:ietf:params:scim:schemas:core:2.0:Group",
      meta: { resourceType: "ResourceType", location: `${BASE}/ResourceTypes/Group` },
    });
  });
});

describe("serviceProviderConfig", () => {
  const options = { baseUrl: BASE, maxResults: 200, maxOperations: 1000, maxPayloadSize: 1048576, etag: true, sort: false };

  it("renders the RFC 7643 §5 configuration", () => {
    expect(serviceProviderConfig(options)).toEqual({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 1000, maxPayloadSize: 1048576 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: "oauthbearertoken",
          name: "OAuth Bearer Token",
          description: expect.any(String),
          specUri: "http://www.rfc-editor.org/info/rfc6750",
          primary: true,
        },
      ],
      meta: { resourceType: "ServiceProviderConfig", location: `${BASE}/ServiceProviderConfig` },
    });
  });

  it("includes the documentation URI when given", () => {
    const config = serviceProviderConfig({ ...options, sort: true, documentationUri: "https://example.com/docs" });
    expect(config.documentationUri).toBe("https://example.com/docs");
    expect(config.sort.supported).toBe(true);
    expect(config.authenticationSchemes[0].documentationUri).toBe("https://example.com/docs");
  });
});
