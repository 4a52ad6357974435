import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcConfig } from "../env";
import { claimString, type SsoClaims } from "./sso-claims";

/** The provider id, so the callback URL to register in the IdP is `<APP_URL>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/**
 * Generic OpenID Connect sign-in (Okta, Microsoft Entra ID, any conforming IdP): discovery from the issuer,
 * authorization code flow with PKCE and state, claims taken from the verified ID token. Which account the
 * claims belong to is decided in the signIn callback (signInWithSso), not here.
 */
export function oidcProvider(oidc: OidcConfig): OAuthConfig<SsoClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    profile(claims) {
      return {
        id: claimString(claims, oidc.idClaim) ?? claimString(claims, "sub") ?? "",
        email: claimString(claims, "email"),
        name: claimString(claims, "name"),
      };
    },
  };
}
