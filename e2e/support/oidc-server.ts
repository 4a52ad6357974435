// A real OpenID Provider on loopback for the end-to-end tests (the `oidc-provider` package, as certified), started
// by Playwright's webServer: `oidc-server.ts <port> <app base URL>...`. One confidential client is registered with
// the callback URL of every app server. The sign-in page is oidc-provider's own development form (any login, any
// password): the login typed becomes the account id, i.e. the `sub` claim. Tests give an account more claims
// (email, name, oid...) with POST /__test/accounts; consent is granted automatically, as for a first-party app.
import crypto from "node:crypto";
import http from "node:http";
import Provider, { type Configuration } from "oidc-provider";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from "./oidc";

const [port, ...appUrls] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const accounts = new Map<string, Record<string, unknown>>();

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" };

const configuration: Configuration = {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: appUrls.map((url) => `${url}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [jwk as never] },
  cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name", "preferred_username", "oid"],
  },
  // Okta and Entra put the requested profile claims in the ID token itself; next-auth reads them from there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => ({ ...accounts.get(id), sub: id }) };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
const handle = provider.callback();

const server = http.createServer((req, res) => {
  if (req.method === "POST" && req.url === "/__test/accounts") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const account = JSON.parse(body) as { sub?: unknown };
        if (typeof account.sub !== "string" || !account.sub) throw new Error("sub is required");
        accounts.set(account.sub, account as Record<string, unknown>);
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(400, { "content-type": "text/plain" }).end((error as Error).message);
      }
    });
    return;
  }
  void handle(req, res);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`test OpenID Provider at ${issuer}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
