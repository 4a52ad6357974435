import { deleteGroupHandler, getGroup, patchGroupHandler, replaceGroupHandler, searchGroups } from "@/lib/scim-http/groups-handlers";
import { methodNotAllowedResponse, withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

export const GET = withScim(getGroup);
export const PUT = withScim(replaceGroupHandler);
export const PATCH = withScim(patchGroupHandler);
export const DELETE = withScim(deleteGroupHandler);
// POST /Groups/.search (RFC 7644 §3.4.3) lands here with id ".search".
export const POST = withScim<{ id: string }>(async (request) =>
  request.params.id === ".search" ? searchGroups(request) : methodNotAllowedResponse(["GET", "PUT", "PATCH", "DELETE"]),
);
