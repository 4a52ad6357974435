import { listParamsFromQuery, listParamsFromSearchBody, type ListParams } from "../scim/list-params";
import { listResponse, listResponseJson } from "../scim/list-response";
import { noneMatch } from "../scim/etag";
import { applyPatch } from "../scim/patch";
import { USER_RESOURCE_TYPE } from "../scim/schema/resource-types";
import { userFromResource } from "../scim/users/from-resource";
import { toUserResource } from "../scim/users/to-resource";
import { deprovisionUser } from "../users/deprovision-user";
import { findScimUser } from "../users/find-scim-user";
import { listScimUserPage, listScimUsers } from "../users/list-scim-users";
import { provisionUser } from "../users/provision-user";
import { renderDocument } from "../users/resource-document";
import { updateScimUser } from "../users/update-scim-user";
import { config } from "../env";
import { readJsonBody } from "./read-body";
import { PAGING, projectionFrom, tokenActor } from "./request-params";
import { noContent, notModified, scimJson, scimJsonText } from "./respond";
import { userResources, userResponse } from "./user-response";
import type { ScimRequest } from "./with-scim";

// The Users endpoints as plain functions of an authenticated request; the route files only bind them to verbs.

async function list(params: ListParams): Promise<Response> {
  const projection = { attributes: params.attributes, excludedAttributes: params.excludedAttributes };
  if (!projection.attributes?.length && !projection.excludedAttributes?.length) {
    // Users with a current stored document are served as stored; the rest are rendered exactly as it would be.
    const { total, users } = await listScimUserPage(params);
    const baseUrl = config().scimBaseUrl;
    return scimJsonText(listResponseJson(users.map((u) => (typeof u === "string" ? u : renderDocument(u, baseUrl))), total, params.startIndex));
  }
  const { total, records } = await listScimUsers(params);
  return scimJson(listResponse(records.map(userResources(projection)), total, params.startIndex));
}

export const listUsers = ({ url }: ScimRequest<unknown>) => list(listParamsFromQuery(url.searchParams, PAGING));

export const searchUsers = async ({ req }: ScimRequest<unknown>) => list(listParamsFromSearchBody(await readJsonBody(req), PAGING));

export async function createUser({ req, url, token }: ScimRequest<unknown>): Promise<Response> {
  const input = userFromResource(await readJsonBody(req));
  const { record } = await provisionUser({ input, actor: tokenActor(token) });
  return userResponse(record, { status: 201, projection: projectionFrom(url) });
}

export async function getUser({ req, url, params }: ScimRequest<{ id: string }>): Promise<Response> {
  const { record } = await findScimUser(params.id);
  if (noneMatch(req.headers.get("if-none-match"), record.version)) return notModified(record.version);
  return userResponse(record, { projection: projectionFrom(url) });
}

export async function replaceUser({ req, url, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  const input = userFromResource(await readJsonBody(req));
  const record = await updateScimUser({ id: params.id, ifMatch: req.headers.get("if-match"), actor: tokenActor(token), change: () => input });
  return userResponse(record, { projection: projectionFrom(url) });
}

export async function patchUser({ req, url, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  const body = await readJsonBody(req);
  const record = await updateScimUser({
    id: params.id,
    ifMatch: req.headers.get("if-match"),
    actor: tokenActor(token),
    change: (current) => {
      const { resource, changed } = applyPatch(toUserResource(current.record, config().scimBaseUrl) as never, body, { schemas: USER_RESOURCE_TYPE });
      return changed ? userFromResource(resource) : null;
    },
  });
  return userResponse(record, { projection: projectionFrom(url) });
}

export async function deleteUser({ req, params, token }: ScimRequest<{ id: string }>): Promise<Response> {
  await deprovisionUser({ id: params.id, ifMatch: req.headers.get("if-match"), actor: tokenActor(token) });
  return noContent();
}
