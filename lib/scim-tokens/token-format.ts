import crypto from "node:crypto";

// A recognisable prefix lets secret scanners find leaked tokens; 32 random bytes give 256 bits.
export const TOKEN_PREFIX = "scim_";
const VISIBLE_CHARS = 12;

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, VISIBLE_CHARS) };
}

/** SHA-256, hex: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
