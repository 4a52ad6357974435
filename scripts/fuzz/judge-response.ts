import { ERROR_MESSAGE_ID } from "../../lib/scim/urns";

const SCIM_TYPES = new Set(["invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive"]);

export type Verdict = {
  status: number;
  scimType?: string;
  /** Why the response is not what RFC 7644 asks for; undefined when it is. */
  problem?: string;
  /** Refused by Node's HTTP parser before the app saw it (a URL over its 16 KiB header limit). */
  beforeApp?: boolean;
};

/**
 * Whether a response is SCIM-shaped: every error an RFC 7644 §3.12 body with `application/scim+json`, every
 * response with a body `application/scim+json` and a JSON object.
 */
export function judgeResponse(method: string, status: number, contentType: string | null, text: string): Verdict {
  if (status === 431 && !text) return { status, beforeApp: true };
  // Next.js answers a trailing slash with a redirect to the path without it: no body to shape.
  if (status === 308 || status === 307) return { status };
  if (status === 204 || status === 304) return text ? { status, problem: `a ${status} with a body` } : { status };
  if (method === "OPTIONS" && status < 400) return { status };
  if (!contentType?.startsWith("application/scim+json")) return { status, problem: `content-type ${contentType ?? "(none)"}` };
  if (method === "HEAD") return { status };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status, problem: "a body that is not JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { status, problem: "a body that is not a JSON object" };
  const b = body as Record<string, unknown>;
  if (status < 400) return Array.isArray(b.schemas) ? { status } : { status, problem: "a resource without schemas" };
  const type = typeof b.scimType === "string" ? b.scimType : undefined;
  if (!Array.isArray(b.schemas) || !b.schemas.includes(ERROR_MESSAGE_ID)) return { status, scimType: type, problem: "an error without the Error schema" };
  if (b.status !== String(status)) return { status, scimType: type, problem: `an error body with status ${JSON.stringify(b.status)}` };
  if (typeof b.detail !== "string") return { status, scimType: type, problem: "an error without detail" };
  if (b.scimType !== undefined && !SCIM_TYPES.has(String(b.scimType))) return { status, scimType: type, problem: `an unknown scimType ${JSON.stringify(b.scimType)}` };
  return { status, scimType: type };
}
