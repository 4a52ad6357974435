// What the SCIM request log keeps of a request body: secrets replaced, bounded in size.

const SECRET_KEY = /password|token|secret|authorization|credential|apikey|api_key/i;
export const MAX_LOGGED_BODY = 16_384;

function scrub(value: unknown, depth: number): unknown {
  if (depth > 20 || value === null || typeof value !== "object") {
    // A bare token in a string value is still a token.
    return typeof value === "string" && /\bscim_[A-Za-z0-9_-]{20,}/.test(value) ? "[redacted]" : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? "[redacted]" : scrub(v, depth + 1);
  return out;
}

/** JSON text of the body with secrets removed, cut to MAX_LOGGED_BODY characters. */
export function redactBody(body: { json?: unknown; text?: string } | undefined): string | null {
  if (!body) return null;
  let text: string;
  if (body.json !== undefined) text = JSON.stringify(scrub(body.json, 0));
  else if (body.text !== undefined) text = body.text.replace(/("?(password|token|secret)"?\s*[:=]\s*)("[^"]*"|\S+)/gi, '$1"[redacted]"').replace(/\bscim_[A-Za-z0-9_-]{20,}/g, "[redacted]");
  else return null;
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}…[truncated]` : text;
}
