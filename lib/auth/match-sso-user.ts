import type { ScimIdentity, Tx, User } from "../db";
import { db } from "../db";
import { claimString, usableEmail, type SsoClaims } from "./sso-claims";

export type SsoMatchRules = { idClaim: string; emailFallback: boolean };

export type SsoRefusal = "missing_claim" | "not_provisioned" | "blocked" | "account_conflict";

export type SsoMatch =
  | { ok: true; user: User; matchedBy: "id_claim" | "email"; subject: string }
  | { ok: false; reason: SsoRefusal; subject: string | null; user?: User };

/**
 * Finds the account an OpenID Connect sign-in belongs to, through its SCIM identity: the claim that carries the
 * IdP's user id (`sub` for Okta, `oid` for Entra) equals the identity's externalId (compared case-insensitively,
 * like every externalId here); when configured, the verified `email` claim is the fallback. Only a provisioned
 * user matches (a local account without an identity does not), and only an active one is let in.
 */
export async function matchSsoUser(options: { claims: SsoClaims; rules: SsoMatchRules }, client: Tx = db): Promise<SsoMatch> {
  const { claims, rules } = options;
  const subject = claimString(claims, rules.idClaim);
  if (!subject) return { ok: false, reason: "missing_claim", subject: null };

  const identity = await client.scimIdentity.findUnique({ where: { externalIdNorm: subject.toLowerCase() }, include: { user: true } });
  if (identity) return judge(identity.user, identity, "id_claim", subject);

  if (rules.emailFallback) {
    const email = usableEmail(claims);
    const owner = email ? await client.user.findUnique({ where: { emailNorm: email.toLowerCase() }, include: { scimIdentity: true } }) : null;
    if (owner?.scimIdentity) {
      const { scimIdentity, ...user } = owner;
      return judge(user, scimIdentity, "email", subject);
    }
  }
  return { ok: false, reason: "not_provisioned", subject };
}

function judge(user: User, identity: ScimIdentity, matchedBy: "id_claim" | "email", subject: string): SsoMatch {
  // setUserActive keeps the two in step; either one saying "inactive" is enough to refuse.
  if (user.state !== "active" || !identity.active || identity.deletedAt) return { ok: false, reason: "blocked", subject, user };
  return { ok: true, user, matchedBy, subject };
}
