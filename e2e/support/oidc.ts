// The test OpenID Provider's coordinates, shared by playwright.config.ts (which starts it and points the app at
// it) and the specs (which register accounts on it).

export const OIDC_CLIENT_ID = "scim-app";
export const OIDC_CLIENT_SECRET = "scim-app-test-secret-0123456789";
export const OIDC_NAME = "Test IdP";

/** Beside the app servers (base, base + 1), so parallel runs with other E2E_PORT_BASE values stay apart. */
export function oidcPort(base = Number(process.env.E2E_PORT_BASE ?? 3201)): number {
  return base + 2;
}

export function oidcIssuer(base?: number): string {
  return `http://127.0.0.1:${oidcPort(base)}`;
}

export type OidcAccount = { sub: string } & Record<string, unknown>;

/** Registers (or replaces) an account on the test OpenID Provider: its claims are what the ID token carries. */
export async function registerOidcAccount(account: OidcAccount): Promise<void> {
  const res = await fetch(`${oidcIssuer()}/__test/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (res.status !== 204) throw new Error(`registering the OIDC account failed: ${res.status} ${await res.text()}`);
}
