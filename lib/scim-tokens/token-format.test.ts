import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken, TOKEN_PREFIX } from "./token-format";

describe("newToken", () => {
  it("starts with the recognisable scim_ prefix", () => {
    expect(TOKEN_PREFIX).toBe("scim_");
    expect(newToken().token.startsWith("scim_")).toBe(true);
  });

  it("carries at least 256 bits of randomness as base64url after the prefix", () => {
    const { token } = newToken();
    const secret = token.slice(TOKEN_PREFIX.length);
    expect(secret).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(secret.length).toBeGreaterThanOrEqual(43);
    // 43 base64url characters decode to 32 bytes = 256 bits.
    expect(Buffer.from(secret, "base64url").length).toBeGreaterThanOrEqual(32);
  });

  it("is safe to put in an Authorization header without encoding", () => {
    const { token } = newToken();
    expect(encodeURIComponent(token)).toBe(token);
    expect(token).not.toMatch(/[=+/\s]/);
  });

  it("returns the SHA-256 hex digest of the token as its hash", () => {
    const { token, hash } = newToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(hash).toBe(hashToken(token));
  });

  it("returns the first 12 characters of the token as its prefix", () => {
    const { token, prefix } = newToken();
    expect(prefix).toHaveLength(12);
    expect(prefix).toBe(token.slice(0, 12));
    expect(prefix.startsWith(TOKEN_PREFIX)).toBe(true);
  });

  it("never returns the same token twice", () => {
    const tokens = Array.from({ length: 200 }, () => newToken());
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
    expect(new Set(tokens.map((t) => t.hash)).size).toBe(200);
  });
});

describe("hashToken", () => {
  it("is the SHA-256 hex digest of the UTF-8 text", () => {
    expect(hashToken("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is deterministic and distinguishes tokens that differ by one character", () => {
    const { token } = newToken();
    expect(hashToken(token)).toBe(hashToken(token));
    const changed = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(hashToken(changed)).not.toBe(hashToken(token));
  });
});
