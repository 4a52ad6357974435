/** The claims of a verified ID token, as the IdP sent them. */
export type SsoClaims = Record<string, unknown>;

/** A claim as a non-empty string (ids may come as numbers), or null. */
export function claimString(claims: SsoClaims, name: string): string | null {
  const value = claims[name];
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * The `email` claim when it may be trusted to name the user: not when the IdP says it is unverified
 * (`email_verified: false`). Entra sends no email_verified at all, so its absence is accepted.
 */
export function usableEmail(claims: SsoClaims): string | null {
  const email = claimString(claims, "email");
  if (!email || !email.includes("@")) return null;
  const verified = claims.email_verified;
  if (verified === false || verified === "false") return null;
  return email;
}
