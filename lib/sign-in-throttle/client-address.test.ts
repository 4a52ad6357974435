import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless the proxy is trusted", () => {
    expect(clientAddress({ forwardedFor: "203.0.113.9", peer: "10.0.0.5", trustProxy: false })).toBe("10.0.0.5");
    expect(clientAddress({ forwardedFor: null, peer: null, trustProxy: false })).toBeNull();
  });

  it("takes the entry the trusted proxy appended, not what the client claimed before it", () => {
    expect(clientAddress({ forwardedFor: "198.51.100.1, 203.0.113.9", peer: "10.0.0.5", trustProxy: true })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: " 203.0.113.9 ", peer: "10.0.0.5", trustProxy: true })).toBe("203.0.113.9");
  });

  it("falls back to the connection's address when a trusted proxy sent no header", () => {
    expect(clientAddress({ forwardedFor: "", peer: "10.0.0.5", trustProxy: true })).toBe("10.0.0.5");
  });

  it("refuses what is not an IP address", () => {
    expect(clientAddress({ forwardedFor: "unknown", peer: "10.0.0.5", trustProxy: true })).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["::1", "::1"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "localhost", "999.1.1.1", "1.2.3.4, 5.6.7.8"])("%j → null", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});
