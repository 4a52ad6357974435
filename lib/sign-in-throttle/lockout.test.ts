import { describe, expect, it } from "vitest";
import { LOCKOUT_MEMORY_SECONDS, lockoutSeconds, nextLevel } from "./lockout";

describe("lockoutSeconds", () => {
  it("doubles with each lockout of the same key, from the window up to a day", () => {
    expect([1, 2, 3, 4].map((level) => lockoutSeconds(level, 900))).toEqual([900, 1800, 3600, 7200]);
    expect(lockoutSeconds(8, 900)).toBe(LOCKOUT_MEMORY_SECONDS);
    expect(lockoutSeconds(1_000, 900)).toBe(LOCKOUT_MEMORY_SECONDS);
  });
});

describe("nextLevel", () => {
  const now = new Date("2026-01-02T12:00:00Z");
  it("starts at 1 and grows while the previous lockout is less than a day old", () => {
    expect(nextLevel(null, now)).toBe(1);
    expect(nextLevel({ startedAt: new Date("2026-01-02T11:00:00Z"), level: 2 }, now)).toBe(3);
    expect(nextLevel({ startedAt: new Date("2026-01-01T11:59:00Z"), level: 5 }, now)).toBe(1);
  });
});
