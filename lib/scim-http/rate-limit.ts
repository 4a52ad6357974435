// A token bucket per SCIM token, per instance: generous by default (far above what an Okta or Entra sync sends —
// Entra needs 25 requests/s), so it only stops a runaway or hostile client. With several instances behind a load
// balancer each has its own bucket, so the limit a client sees is the per-instance limit times the instances.

export type RateLimit = { perSecond: number; burst: number };

type Bucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly limit: RateLimit) {}

  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds until one is allowed. */
  take(key: string, now = Date.now()): number {
    const { perSecond, burst } = this.limit;
    if (perSecond <= 0) return 0;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}
