import { deleteUser, getUser, patchUser, replaceUser, searchUsers } from "@/lib/scim-http/users-handlers";
import { methodNotAllowedResponse, withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

export const GET = withScim(getUser);
export const PUT = withScim(replaceUser);
export const PATCH = withScim(patchUser);
export const DELETE = withScim(deleteUser);
// POST /Users/.search (RFC 7644 §3.4.3) lands here with id ".search".
export const POST = withScim<{ id: string }>(async (request) =>
  request.params.id === ".search" ? searchUsers(request) : methodNotAllowedResponse(["GET", "PUT", "PATCH", "DELETE"]),
);
