import { config } from "../env";
import { forbidden, notFound } from "../scim/errors";
import { listResponse } from "../scim/list-response";
import { resourceTypeResource, schemaResource, serviceProviderConfig } from "../scim/schema/discovery";
import { findResourceType, findSchema, RESOURCE_TYPES, SCHEMAS } from "../scim/schema/resource-types";
import { MAX_BODY_BYTES } from "./read-body";
import { PAGING } from "./request-params";
import { scimJson } from "./respond";
import type { ScimRequest } from "./with-scim";

// Discovery advertises the same definitions validation, filtering and projection use (lib/scim/schema).

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
  const type = findResourceType(params.id);
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
  // Next.js hands the id over decoded already: decoding it again turned "%25zz" into a URIError and a 500.
  const id = params.id;
  const schema = findSchema(id);
  if (!schema) throw notFound(`Schema "${id}" not found.`);
  return scimJson(schemaResource(schema, config().scimBaseUrl));
}
