import { config } from "../env";
import { createGroup } from "../groups/create-group";
import { deleteGroup } from "../groups/delete-group";
import { findGroup } from "../groups/group-record";
import { listGroups } from "../groups/list-groups";
import { patchGroup } from "../groups/patch-group";
import { replaceGroup } from "../groups/replace-group";
import { noneMatch, weakEtag } from "../scim/etag";
import { groupFromResource } from "../scim/groups/from-resource";
import { groupLocation, toGroupResource } from "../scim/groups/to-resource";
import type { ScimGroupRecord } from "../scim/groups/record";
import { listParamsFromQuery, listParamsFromSearchBody, type ListParams } from "../scim/list-params";
import { listResponse } from "../scim/list-response";
import { project, type ProjectionParams } from "../scim/projection";
import { GROUP_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { readJsonBody } from "./read-body";
import { PAGING, projectionFrom, tokenActor } from "./request-params";
import { noContent, notModified, scimJson } from "./respond";
import type { ScimRequest } from "./with-scim";

/** Whether a response with this projection shows members (so whether they need loading at all). */
export function showsMembers(projection: ProjectionParams): boolean {
  const named = (list: readonly string[] | undefined) => list?.some((a) => /^(urn:.*:)?members(\..*)?$/i.test(a)) ?? false;
  if (projection.attributes?.length) return named(projection.attributes);
  return !named(projection.excludedAttributes);
}

function groupResource(record: ScimGroupRecord, projection: ProjectionParams) {
  const resource = toGroupResource(record, config().scimBaseUrl);
  return projection.attributes?.length || projection.excludedAttributes?.length ? project(resource, projection, GROUP_RESOURCE_TYPE) : resource;
}

function groupResponse(record: ScimGroupRecord, projection: ProjectionParams, status = 200): Response {
  const headers: Record<string, string> = { ETag: weakEtag(record.version) };
  if (status === 201) headers.Location = groupLocation(config().scimBaseUrl, record.id);
  return scimJson(groupResource(record, projection), { status, headers });
}

async function list(params: ListParams): Promise<Response> {
  const projection = { attributes: params.attributes, excludedAttributes: params.excludedAttributes };
  const { total, records } = await listGroups(params, { withMembers: showsMembers(projection) });
  return scimJson(listResponse(records.map((r) => groupResource(r, projection)), total, params.startIndex));
}

export const listGroupsHandler = ({ url }: ScimRequest<unknown>) => list(listParamsFromQuery(url.searchParams, PAGING));

export const searchGroups = async ({ req }: ScimRequest<unknown>) => list(listParamsFromSearchBody(await readJsonBody(req), PAGING));

export async function createGroupHandler({ req, url, token }: ScimRequest<unknown>): Promise<Response> {
  const record = await createGroup(groupFromResource(await readJsonBody(req)), tokenActor(token));
  return groupResponse(record, projectionFrom(url), 201);
}

export async function getGroup({ req, url, params }: ScimRequest<{ id: string }>): Promise<Response> {
  const projection = projectionFrom(url);
  const record = await findGroup(params.id, { withMembers: showsMembers(projection) });
  if (noneMatch(req.headers.get("if-none-match"), record.version)) return notModified(record.version);
  return groupResponse(record, projection);
}

export async function replaceGroupHandler({ req, url, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  const input = groupFromResource(await readJsonBody(req));
  const record = await replaceGroup({ id: params.id, input, ifMatch: req.headers.get("if-match"), actor: tokenActor(token) });
  return groupResponse(record, projectionFrom(url));
}

/**
 * PATCH answers 204 (RFC 7644 §3.5.2 allows it), so a membership change never serialises a large group; a client
 * that wants the resource back asks with `attributes`.
 */
export async function patchGroupHandler({ req, url, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  const body = await readJsonBody(req);
  const record = await patchGroup({ id: params.id, body, ifMatch: req.headers.get("if-match"), actor: tokenActor(token) });
  const projection = projectionFrom(url);
  if (!projection.attributes?.length) return noContent({ ETag: weakEtag(record.version) });
  const full = showsMembers(projection) ? await findGroup(params.id, { withMembers: true }) : record;
  return groupResponse(full, projection);
}

export async function deleteGroupHandler({ req, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  await deleteGroup({ id: params.id, ifMatch: req.headers.get("if-match"), actor: tokenActor(token) });
  return noContent();
}
