import { invalidSyntax, payloadTooLarge, unsupportedMediaType } from "../scim/errors";

export const MAX_BODY_BYTES = 1_048_576;

const bodies = new WeakMap<Request, { json?: unknown; text?: string }>();

/** What readJsonBody read from this request, for the SCIM request log. */
export function bodyOf(req: Request): { json?: unknown; text?: string } | undefined {
  return bodies.get(req);
}

/**
 * The request's JSON body: `application/scim+json` or `application/json` (or no type at all, which some clients
 * send); larger than MAX_BODY_BYTES → 413; not JSON → 400 invalidSyntax. Read with a running limit so an
 * oversized body is refused without being buffered whole.
 */
export async function readJsonBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type && type !== "application/scim+json" && type !== "application/json") {
    throw unsupportedMediaType(`Content-Type "${type}" is not supported: send application/scim+json.`);
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw payloadTooLarge(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (!req.body) throw invalidSyntax("The request has no body.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client closed the connection before the whole body arrived (an IdP's timeout, a load generator
      // stopping): nothing was written, and this is no fault of the server to log as one.
      throw invalidSyntax("The request body ended before it was complete: the connection closed.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw payloadTooLarge(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw invalidSyntax("The request body is empty.");
  try {
    const json: unknown = JSON.parse(text);
    bodies.set(req, { json });
    return json;
  } catch (error) {
    bodies.set(req, { text: text.slice(0, 16_384) });
    throw invalidSyntax(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
