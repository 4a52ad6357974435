import { after } from "next/server";
import { log } from "../log";
import { config } from "../env";
import { methodNotAllowed, ScimError, unauthorized } from "../scim/errors";
import { recordScimRequest } from "../scim-log/record-request";
import { redactBody } from "../scim-log/redact-body";
import { TokenBuckets } from "./rate-limit";
import { bodyOf } from "./read-body";
import { TOKEN_PREFIX } from "../scim-tokens/token-format";
import { verifyToken, type VerifiedToken } from "../scim-tokens/verify-token";
import { errorResponse, mapError } from "./error-response";

export type ScimRequest<P> = { req: Request; url: URL; params: P; token: VerifiedToken };
type RouteContext<P> = { params: Promise<P> };

let limiter: TokenBuckets | undefined;
const buckets = () => (limiter ??= new TokenBuckets(config().scimRateLimit));

const BEARER = /^Bearer[ ]+([^\s]+)\s*$/i;
const BASE_PATH = "/api/scim/v2";

/** The request's path below the SCIM base, with its query string. */
function scimPath(url: URL): string {
  const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) || "/" : url.pathname;
  return `${path}${url.search}`;
}

async function authenticate(req: Request): Promise<VerifiedToken> {
  const match = BEARER.exec(req.headers.get("authorization") ?? "");
  if (!match) throw unauthorized('Send the SCIM token as "Authorization: Bearer <token>".');
  // Anything without our prefix cannot be a token: refused without a database lookup.
  const token = match[1].startsWith(TOKEN_PREFIX) ? await verifyToken(match[1]) : null;
  if (!token) throw unauthorized("The SCIM token is invalid, revoked or expired.");
  return token;
}

/**
 * Every SCIM route handler is this wrapper plus a call: it authenticates the bearer token itself, runs the
 * handler, and turns whatever it throws into an RFC 7644 error response in one place.
 */
export function withScim<P = unknown>(handler: (request: ScimRequest<P>) => Promise<Response>) {
  return async (req: Request, context: RouteContext<P>): Promise<Response> => {
    const url = new URL(req.url);
    const at = new Date();
    const started = performance.now();
    let response: Response;
    let token: VerifiedToken | null = null;
    let failure: ScimError | null = null;
    try {
      token = await authenticate(req);
      const wait = buckets().take(token.id);
      if (wait > 0) {
        failure = new ScimError(429, `Too many requests for this SCIM token: retry in ${wait} s.`);
        response = errorResponse(failure, { "Retry-After": String(wait) });
      } else {
        response = await handler({ req, url, params: await context.params, token });
      }
    } catch (error) {
      failure = mapError(error, { method: req.method, path: url.pathname });
      response = errorResponse(failure, failure.status === 401 ? { "WWW-Authenticate": 'Bearer realm="SCIM"' } : {});
    }
    const durationMs = Math.round(performance.now() - started);
    // Written after the response, in a batch; `next start` waits for it before a graceful stop exits.
    after(
      recordScimRequest({
        at,
        method: req.method,
        path: scimPath(url),
        status: response.status,
        durationMs,
        tokenId: token?.id ?? null,
        tokenPrefix: token?.prefix ?? null,
        scimType: failure?.scimType ?? null,
        detail: failure?.detail ?? null,
        requestBody: redactBody(bodyOf(req)),
      }),
    );
    log.debug("scim request", { method: req.method, path: url.pathname, status: response.status, ms: durationMs });
    return response;
  };
}

/** The handler for a method a SCIM path does not support: still authenticated, then 405 with an Allow header. */
export function notAllowed(allowed: string[]) {
  return withScim(async () => methodNotAllowedResponse(allowed));
}

export function methodNotAllowedResponse(allowed: string[]): Response {
  return errorResponse(methodNotAllowed(`This endpoint supports ${allowed.join(", ")}.`), { Allow: allowed.join(", ") });
}
