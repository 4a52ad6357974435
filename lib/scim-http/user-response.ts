import { config } from "../env";
import { weakEtag } from "../scim/etag";
import { projector, type ProjectionParams } from "../scim/projection";
import { USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { toUserResource, userLocation } from "../scim/users/to-resource";
import type { ScimUserRecord } from "../scim/users/record";
import type { JsonObject } from "../scim/users/values";
import { scimJson } from "./respond";

/** Stored users to resources as `projection` asks, its names resolved once for the whole page. */
export function userResources(projection: ProjectionParams = {}): (record: ScimUserRecord) => JsonObject {
  const baseUrl = config().scimBaseUrl;
  if (!projection.attributes?.length && !projection.excludedAttributes?.length) return (record) => toUserResource(record, baseUrl);
  const project = projector(projection, USER_RESOURCE_TYPE);
  return (record) => project(toUserResource(record, baseUrl));
}

export function userResource(record: ScimUserRecord, projection: ProjectionParams = {}): JsonObject {
  return userResources(projection)(record);
}

/** One user as a response: the resource, its ETag, and for a creation the Location header (= meta.location). */
export function userResponse(record: ScimUserRecord, options: { status?: number; projection?: ProjectionParams } = {}): Response {
  const body = userResource(record, options.projection);
  const headers: Record<string, string> = { ETag: weakEtag(record.version) };
  if (options.status === 201) headers.Location = userLocation(config().scimBaseUrl, record.id);
  return scimJson(body, { status: options.status ?? 200, headers });
}
