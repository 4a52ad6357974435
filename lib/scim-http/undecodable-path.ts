import { badRequest, errorBody } from "../scim/errors";
import { scimJson } from "./respond";

/** Whether every segment of the path is valid percent-encoded UTF-8. */
function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Next.js cannot route a path whose percent-encoding does not decode (`/Users/%zz`, `/Users/%E0%A4`): it answers a
 * plain-text 500 before any route runs. The proxy sees the raw path first, so such a SCIM request gets a SCIM 400.
 */
export function undecodableScimPath(pathname: string): Response | null {
  if (decodable(pathname)) return null;
  return scimJson(errorBody(badRequest("The request path is not valid percent-encoded UTF-8.")), { status: 400 });
}
