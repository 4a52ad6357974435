import { createGroupHandler, listGroupsHandler } from "@/lib/scim-http/groups-handlers";
import { notAllowed, withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

export const GET = withScim(listGroupsHandler);
export const POST = withScim(createGroupHandler);
export const PUT = notAllowed(["GET", "POST"]);
export const PATCH = notAllowed(["GET", "POST"]);
export const DELETE = notAllowed(["GET", "POST"]);
