import { RESOURCE_TYPE_SCHEMA_ID, SCHEMA_SCHEMA_ID, SERVICE_PROVIDER_CONFIG_SCHEMA_ID } from "../urns";
import type { AttributeDef, ResourceTypeDef, SchemaDef } from "./types";

export type DiscoveryMeta = { resourceType: string; location: string };

/** RFC 7643 §7 attribute representation (same fields as AttributeDef, in the spec's order). */
export type AttributeRepresentation = {
  name: string;
  type: AttributeDef["type"];
  subAttributes?: AttributeRepresentation[];
  multiValued: boolean;
  description: string;
  required: boolean;
  canonicalValues?: string[];
  caseExact: boolean;
  mutability: AttributeDef["mutability"];
  returned: AttributeDef["returned"];
  uniqueness: AttributeDef["uniqueness"];
  referenceTypes?: string[];
};

export type SchemaResource = {
  schemas: [typeof SCHEMA_SCHEMA_ID];
  id: string;
  name: string;
  description: string;
  attributes: AttributeRepresentation[];
  meta: DiscoveryMeta;
};

export type ResourceTypeResource = {
  schemas: [typeof RESOURCE_TYPE_SCHEMA_ID];
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions?: { schema: string; required: boolean }[];
  meta: DiscoveryMeta;
};

export type AuthenticationScheme = {
  type: string;
  name: string;
  description: string;
  specUri?: string;
  documentationUri?: string;
  primary?: boolean;
};

export type ServiceProviderConfigResource = {
  schemas: [typeof SERVICE_PROVIDER_CONFIG_SCHEMA_ID];
  documentationUri?: string;
  patch: { supported: boolean };
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  authenticationSchemes: AuthenticationScheme[];
  meta: DiscoveryMeta;
};

export type ServiceProviderConfigOptions = {
  baseUrl: string;
  maxResults: number;
  maxOperations: number;
  maxPayloadSize: number;
  documentationUri?: string;
  etag: boolean;
  sort: boolean;
};

/** Joins the SCIM base URL (with or without trailing slashes) and a relative path. */
export function joinUrl(baseUrl: string, path: string): string {
  let end = baseUrl.length;
  while (end > 0 && baseUrl[end - 1] === "/") end--;
  return `${baseUrl.slice(0, end)}/${path.startsWith("/") ? path.slice(1) : path}`;
}

export function attributeRepresentation(def: AttributeDef): AttributeRepresentation {
  return {
    name: def.name,
    type: def.type,
    ...(def.subAttributes && { subAttributes: def.subAttributes.map(attributeRepresentation) }),
    multiValued: def.multiValued,
    description: def.description,
    required: def.required,
    ...(def.canonicalValues && { canonicalValues: [...def.canonicalValues] }),
    caseExact: def.caseExact,
    mutability: def.mutability,
    returned: def.returned,
    uniqueness: def.uniqueness,
    ...(def.referenceTypes && { referenceTypes: [...def.referenceTypes] }),
  };
}

/** RFC 7643 §7 / §8.7.1 representation of a schema, served at `/Schemas/{id}`. */
export function schemaResource(def: SchemaDef, baseUrl: string): SchemaResource {
  return {
    schemas: [SCHEMA_SCHEMA_ID],
    id: def.id,
    name: def.name,
    description: def.description,
    attributes: def.attributes.map(attributeRepresentation),
    meta: { resourceType: "Schema", location: joinUrl(baseUrl, `Schemas/${def.id}`) },
  };
}

/** RFC 7643 §6 / §8.6 resource type representation, served at `/ResourceTypes/{id}`. */
export function resourceTypeResource(type: ResourceTypeDef, baseUrl: string): ResourceTypeResource {
  const resource: ResourceTypeResource = {
    schemas: [RESOURCE_TYPE_SCHEMA_ID],
    id: type.id,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.core.id,
    meta: { resourceType: "ResourceType", location: joinUrl(baseUrl, `ResourceTypes/${type.id}`) },
  };
  if (type.extensions.length > 0) {
    resource.schemaExtensions = type.extensions.map((ext) => ({ schema: ext.schema.id, required: ext.required }));
  }
  return resource;
}

/** RFC 7643 §5 service provider configuration, served at `/ServiceProviderConfig`. */
export function serviceProviderConfig(options: ServiceProviderConfigOptions): ServiceProviderConfigResource {
  const config: ServiceProviderConfigResource = {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA_ID],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: options.maxOperations, maxPayloadSize: options.maxPayloadSize },
    filter: { supported: true, maxResults: options.maxResults },
    changePassword: { supported: false },
    sort: { supported: options.sort },
    etag: { supported: options.etag },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "Authentication scheme using the OAuth Bearer Token Standard",
        specUri: "http://www.rfc-editor.org/info/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: joinUrl(options.baseUrl, "ServiceProviderConfig") },
  };
  if (options.documentationUri !== undefined) {
    config.documentationUri = options.documentationUri;
    config.authenticationSchemes[0].documentationUri = options.documentationUri;
  }
  return config;
}
