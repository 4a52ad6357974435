import { notFound } from "@/lib/scim/errors";
import { searchUsers } from "@/lib/scim-http/users-handlers";
import { withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

// Anything under the base URL that no other route serves, the base URL itself included (an optional catch-all):
// a SCIM 404, never an HTML page. POST /.search searches across resource types (RFC 7644 §3.4.3); Users are the
// resource type served.
type Params = { rest?: string[] };
const pathOf = (params: Params) => `/${(params.rest ?? []).join("/")}`;

const unknown = withScim<Params>(async ({ params }) => {
  throw notFound(`No SCIM endpoint at "${pathOf(params)}".`);
});

export const GET = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
export const POST = withScim<Params>(async (request) => {
  if (pathOf(request.params) === "/.search") return searchUsers(request);
  throw notFound(`No SCIM endpoint at "${pathOf(request.params)}".`);
});
