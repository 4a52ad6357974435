import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { providerOf } from "./db/provider";

const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** "true"/"false" (also 1/0, yes/no, on/off): z.coerce.boolean() would read "false" as true. */
const flag = (fallback = false) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .default(String(fallback))
    .refine((v) => /^(true|false|1|0|yes|no|on|off)$/.test(v), "must be true or false")
    .transform((v) => /^(true|1|yes|on)$/.test(v));

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/i.test(url), "must start with file: (SQLite) or postgresql://"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_PREPARED_STATEMENTS: flag(true),
  SQLITE_BACKGROUND_CHECKPOINT: flag(true),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SCIM_LOG_MAX_ROWS: z.coerce.number().int().min(0).default(10_000),
  SCIM_LOG_RETENTION_DAYS: z.coerce.number().min(0).default(7),
  SCIM_RATE_LIMIT: z.coerce.number().min(0).default(1000),
  SCIM_RATE_BURST: z.coerce.number().min(1).default(2000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default("SSO"),
  OIDC_ID_CLAIM: z.string().trim().min(1).max(100).default("sub"),
  OIDC_EMAIL_FALLBACK: flag(),
  OIDC_JIT: flag(),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(0).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().max(1440).default(15),
  TRUST_PROXY: flag(),
});

export type Config = {
  databaseUrl: string;
  provider: "sqlite" | "postgresql";
  /** PostgreSQL connections this instance may open. */
  databasePoolSize: number;
  /** Whether PostgreSQL connections keep the hot paths' statements prepared (off behind PgBouncer before 1.21). */
  databasePreparedStatements: boolean;
  /** SQLite: whether a child process checkpoints the write-ahead log instead of the commits that fill it. */
  sqliteBackgroundCheckpoint: boolean;
  port: number;
  /** Public base URL without a trailing slash; never derived from request headers. */
  appUrl: string;
  scimBaseUrl: string;
  authSecret: string;
  secureCookies: boolean;
  admin?: { email: string; password: string };
  logLevel: "debug" | "info" | "warn" | "error";
  production: boolean;
  /** Bounds of the SCIM request log (0 turns it off). */
  scimLog: { maxRows: number; retentionDays: number };
  /** Requests per second and burst per SCIM token per instance (0 turns the limit off). */
  scimRateLimit: { perSecond: number; burst: number };
  /** OpenID Connect sign-in for provisioned users; absent when OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
  signInThrottle: SignInThrottleConfig;
  /** Take the client address from the last X-Forwarded-For entry (the one the proxy in front appended). */
  trustProxy: boolean;
};

/** Failed password sign-ins allowed within the window before a lockout (0 turns that bound off). */
export type SignInThrottleConfig = { maxFailures: number; maxFailuresPerAddress: number; windowSeconds: number };

export type OidcConfig = {
  /** Issuer URL without a trailing slash; discovery is read from `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Sign in with <name>". */
  name: string;
  /** The ID token claim that carries the IdP's user id, compared with the SCIM identity's externalId. */
  idClaim: string;
  /** Also match by the `email` claim when no identity has that externalId. */
  emailFallback: boolean;
  /** Create an account at first sign-in for a user the IdP has not provisioned (just-in-time). */
  jit: boolean;
};

export class ConfigError extends Error {}

let cached: Config | undefined;

/** Configuration, parsed and validated once; a bad or missing variable is named in the error. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new ConfigError("Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
  }
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3) {
    throw new ConfigError("Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  const provider = providerOf(e.DATABASE_URL);
  const appUrl = (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    databaseUrl: e.DATABASE_URL,
    provider,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    sqliteBackgroundCheckpoint: e.SQLITE_BACKGROUND_CHECKPOINT,
    port: e.PORT,
    appUrl,
    scimBaseUrl: `${appUrl}/api/scim/v2`,
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? embeddedSecret(provider, e.DATABASE_URL),
    secureCookies: appUrl.startsWith("https://"),
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === "production",
    scimLog: { maxRows: e.SCIM_LOG_MAX_ROWS, retentionDays: e.SCIM_LOG_RETENTION_DAYS },
    scimRateLimit: { perSecond: e.SCIM_RATE_LIMIT, burst: e.SCIM_RATE_BURST },
    signInThrottle: {
      maxFailures: e.SIGNIN_MAX_FAILURES,
      maxFailuresPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: Math.max(1, Math.round(e.SIGNIN_WINDOW_MINUTES * 60)),
    },
    trustProxy: e.TRUST_PROXY,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
            idClaim: e.OIDC_ID_CLAIM,
            emailFallback: e.OIDC_EMAIL_FALLBACK,
            jit: e.OIDC_JIT,
          }
        : undefined,
  };
}

/**
 * The embedded quick start needs no set-up, so it keeps a generated session secret beside its database (so
 * sessions survive restarts). A PostgreSQL deployment is a production one: there the secret must be given.
 */
function embeddedSecret(provider: Config["provider"], databaseUrl: string): string {
  if (provider !== "sqlite") {
    throw new ConfigError(
      "Invalid configuration:\n  AUTH_SECRET: required with PostgreSQL (generate one with `openssl rand -base64 48`)",
    );
  }
  const dbFile = databaseUrl.replace(/^file:/, "").split("?")[0];
  const file = path.join(path.dirname(path.resolve(dbFile)), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(48).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
