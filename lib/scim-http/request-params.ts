import type { Actor } from "../audit/record-event";
import type { PagingLimits } from "../scim/list-params";
import { parseAttributeList, type ProjectionParams } from "../scim/projection";
import type { VerifiedToken } from "../scim-tokens/verify-token";

/** Page sizes advertised in ServiceProviderConfig (filter.maxResults) and applied to every list. */
export const PAGING: PagingLimits = { defaultCount: 100, maxCount: 1000 };

export function projectionFrom(url: URL): ProjectionParams {
  return {
    attributes: parseAttributeList(url.searchParams.get("attributes")),
    excludedAttributes: parseAttributeList(url.searchParams.get("excludedAttributes")),
  };
}

export function tokenActor(token: VerifiedToken): Actor {
  return { type: "scim_token", id: token.id, label: `SCIM token ${token.prefix}…` };
}
