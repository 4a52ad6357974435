import { config } from "../env";
import { weakEtag } from "../scim/etag";
import { project, type ProjectionParams } from "../scim/projection";
import { USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { toUserResource, userLocation } from "../scim/users/to-resource";
import type { ScimUserRecord } from "../scim/users/record";
import { scimJson } from "./respond";

export function userResource(record: ScimUserRecord, projection: ProjectionParams = {}) {
  const resource = toUserResource(record, config().scimBaseUrl);
  return projection.attributes?.length || projection.excludedAttributes?.length ? project(resource, projection, USER_RESOURCE_TYPE) : resource;
}

/** One user as a response: the resource, its ETag, and for a creation the Location header (= meta.location). */
export function userResponse(record: ScimUserRecord, options: { status?: number; projection?: ProjectionParams } = {}): Response {
  const body = userResource(record, options.projection);
  const headers: Record<string, string> = { ETag: weakEtag(record.version) };
  if (options.status === 201) headers.Location = userLocation(config().scimBaseUrl, record.id);
  return scimJson(body, { status: options.status ?? 200, headers });
}
