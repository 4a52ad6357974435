import { createUser, listUsers } from "@/lib/scim-http/users-handlers";
import { notAllowed, withScim } from "@/lib/scim-http/with-scim";

export const dynamic = "force-dynamic";

export const GET = withScim(listUsers);
export const POST = withScim(createUser);
export const PUT = notAllowed(["GET", "POST"]);
export const PATCH = notAllowed(["GET", "POST"]);
export const DELETE = notAllowed(["GET", "POST"]);
