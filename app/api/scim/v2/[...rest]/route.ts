import { notFound } from "@/lib/scim/errors";
import { searchUsers } from "@/lib/scim-http/users-handlers";
import { withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

// Anything under the base URL that no other route serves: a SCIM 404, never an HTML page. POST /.search searches
// across resource types (RFC 7644 §3.4.3); Users are the resource type served.
const unknown = withScim<{ rest: string[] }>(async ({ params }) => {
  throw notFound(`No SCIM endpoint at "/${params.rest.join("/")}".`);
});

export const GET = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
export const POST = withScim<{ rest: string[] }>(async (request) => {
  if (request.params.rest.length === 1 && request.params.rest[0] === ".search") return searchUsers(request);
  throw notFound(`No SCIM endpoint at "/${request.params.rest.join("/")}".`);
});
