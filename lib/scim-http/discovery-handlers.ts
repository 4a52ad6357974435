import { config } from "../env";
import { forbidden, notFound } from "../scim/errors";
import { listResponse } from "../scim/list-response";
import { resourceTypeResource, schemaResource, serviceProviderConfig } from "../scim/schema/discovery";
import { ENTERPRISE_USER_SCHEMA } from "../scim/schema/enterprise-user";
import { GROUP_SCHEMA } from "../scim/schema/group";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { USER_SCHEMA } from "../scim/schema/user";
import { MAX_BODY_BYTES } from "./read-body";
import { PAGING } from "./request-params";
import { scimJson } from "./respond";
import type { ScimRequest } from "./with-scim";

// What is served, and so what discovery advertises: generated from the same definitions validation uses.
const RESOURCE_TYPES = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];
const SCHEMAS = [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA];

/** RFC 7644 §4: discovery endpoints take no filter. */
function refuseFilter(url: URL): void {
  if (url.searchParams.has("filter")) throw forbidden("Discovery endpoints do not support filtering.");
}

export async function getServiceProviderConfig({ url }: ScimRequest<unknown>): Promise<Response> {
  refuseFilter(url);
  const body = serviceProviderConfig({
    baseUrl: config().scimBaseUrl,
    maxResults: PAGING.maxCount,
    maxOperations: 0,
    maxPayloadSize: MAX_BODY_BYTES,
    etag: true,
    sort: true,
  });
  return scimJson(body);
}

export async function listResourceTypes({ url }: ScimRequest<unknown>): Promise<Response> {
  refuseFilter(url);
  const resources = RESOURCE_TYPES.map((type) => resourceTypeResource(type, config().scimBaseUrl));
  return scimJson(listResponse(resources, resources.length, 1));
}

export async function getResourceType({ url, params }: ScimRequest<{ id: string }>): Promise<Response> {
  refuseFilter(url);
  const type = RESOURCE_TYPES.find((t) => t.id.toLowerCase() === params.id.toLowerCase());
  if (!type) throw notFound(`Resource type "${params.id}" not found.`);
  return scimJson(resourceTypeResource(type, config().scimBaseUrl));
}

export async function listSchemas({ url }: ScimRequest<unknown>): Promise<Response> {
  refuseFilter(url);
  const resources = SCHEMAS.map((schema) => schemaResource(schema, config().scimBaseUrl));
  return scimJson(listResponse(resources, resources.length, 1));
}

export async function getSchema({ url, params }: ScimRequest<{ id: string }>): Promise<Response> {
  refuseFilter(url);
  const id = decodeURIComponent(params.id);
  const schema = SCHEMAS.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!schema) throw notFound(`Schema "${id}" not found.`);
  return scimJson(schemaResource(schema, config().scimBaseUrl));
}
