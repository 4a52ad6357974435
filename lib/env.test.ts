import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

const base = { DATABASE_URL: "postgresql://u@h/db", AUTH_SECRET: "x".repeat(40) } as unknown as NodeJS.ProcessEnv;
const oidc = { OIDC_ISSUER: "https://example.okta.com/", OIDC_CLIENT_ID: "client", OIDC_CLIENT_SECRET: "secret" };

describe("OIDC configuration", () => {
  it("is off unless the issuer, client id and secret are set", () => {
    expect(parseConfig(base).oidc).toBeUndefined();
  });

  it("defaults to the sub claim, no email fallback and no just-in-time creation", () => {
    expect(parseConfig({ ...base, ...oidc }).oidc).toEqual({
      issuer: "https://example.okta.com",
      clientId: "client",
      clientSecret: "secret",
      name: "SSO",
      idClaim: "sub",
      emailFallback: false,
      jit: false,
    });
  });

  it("reads the flags as words ('false' is false)", () => {
    const c = parseConfig({ ...base, ...oidc, OIDC_NAME: "Okta", OIDC_ID_CLAIM: "oid", OIDC_EMAIL_FALLBACK: "true", OIDC_JIT: "false" });
    expect(c.oidc).toMatchObject({ name: "Okta", idClaim: "oid", emailFallback: true, jit: false });
    expect(() => parseConfig({ ...base, ...oidc, OIDC_JIT: "maybe" })).toThrow(/OIDC_JIT: must be true or false/);
  });

  it("names what is missing when only part of it is set", () => {
    expect(() => parseConfig({ ...base, OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0" })).toThrow(/must be set together/);
  });
});

describe("sign-in throttling configuration", () => {
  it("defaults to 5 failures per account and 20 per address in 15 minutes, without trusting a proxy", () => {
    const c = parseConfig(base);
    expect(c.signInThrottle).toEqual({ maxFailures: 5, maxFailuresPerAddress: 20, windowSeconds: 900 });
    expect(c.trustProxy).toBe(false);
  });

  it("reads the bounds, a window in (fractional) minutes and TRUST_PROXY", () => {
    const c = parseConfig({ ...base, SIGNIN_MAX_FAILURES: "3", SIGNIN_MAX_FAILURES_PER_ADDRESS: "0", SIGNIN_WINDOW_MINUTES: "0.1", TRUST_PROXY: "true" });
    expect(c.signInThrottle).toEqual({ maxFailures: 3, maxFailuresPerAddress: 0, windowSeconds: 6 });
    expect(c.trustProxy).toBe(true);
    expect(() => parseConfig({ ...base, SIGNIN_WINDOW_MINUTES: "0" })).toThrow(/SIGNIN_WINDOW_MINUTES/);
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 connections per instance", () => {
    expect(parseConfig(base).databasePoolSize).toBe(10);
  });

  it("refuses what is not a positive whole number (pg would quietly use 10 instead)", () => {
    for (const value of ["abc", "0", "-1", "2.5"]) expect(() => parseConfig({ ...base, DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
    expect(parseConfig({ ...base, DATABASE_POOL_SIZE: "25" }).databasePoolSize).toBe(25);
  });
});

describe("DATABASE_PREPARED_STATEMENTS", () => {
  it("is on unless turned off (for PgBouncer before 1.21 in transaction mode)", () => {
    expect(parseConfig(base).databasePreparedStatements).toBe(true);
    expect(parseConfig({ ...base, DATABASE_PREPARED_STATEMENTS: "false" }).databasePreparedStatements).toBe(false);
    expect(() => parseConfig({ ...base, DATABASE_PREPARED_STATEMENTS: "maybe" })).toThrow(/DATABASE_PREPARED_STATEMENTS/);
  });
});

describe("SQLITE_BACKGROUND_CHECKPOINT", () => {
  it("is on unless turned off (where the server may not start a child process)", () => {
    expect(parseConfig(base).sqliteBackgroundCheckpoint).toBe(true);
    expect(parseConfig({ ...base, SQLITE_BACKGROUND_CHECKPOINT: "off" }).sqliteBackgroundCheckpoint).toBe(false);
  });
});
