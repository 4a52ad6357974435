import { getResourceType } from "@/lib/scim-http/discovery-handlers";
import { notAllowed, withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

export const GET = withScim(getResourceType);
export const POST = notAllowed(["GET"]);
export const PUT = notAllowed(["GET"]);
export const PATCH = notAllowed(["GET"]);
export const DELETE = notAllowed(["GET"]);
