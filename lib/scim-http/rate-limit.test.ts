import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit";

describe("TokenBuckets", () => {
  it("allows a burst, then refuses with the wait, then refills over time", () => {
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 });
    const t = 1_000_000;
    expect([buckets.take("a", t), buckets.take("a", t), buckets.take("a", t)]).toEqual([0, 0, 0]);
    expect(buckets.take("a", t)).toBe(1);
    expect(buckets.take("a", t + 500)).toBe(0);
    expect(buckets.take("a", t + 500)).toBe(1);
    expect(buckets.take("a", t + 10_000)).toBe(0);
  });

  it("keeps one bucket per key", () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 });
    expect(buckets.take("a", 0)).toBe(0);
    expect(buckets.take("a", 0)).toBe(1);
    expect(buckets.take("b", 0)).toBe(0);
  });

  it("is off with a rate of 0", () => {
    const buckets = new TokenBuckets({ perSecond: 0, burst: 0 });
    for (let i = 0; i < 100; i++) expect(buckets.take("a", 0)).toBe(0);
  });
});
