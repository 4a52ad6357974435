/** How long a lockout is remembered when the next one's length is decided. */
export const LOCKOUT_MEMORY_SECONDS = 86_400;

export type LockoutScope = "account" | "address";

/** The n-th lockout of one key within a day lasts window × 2^(n-1): 15, 30, 60 minutes … at most a day. */
export function lockoutSeconds(level: number, windowSeconds: number): number {
  return Math.min(LOCKOUT_MEMORY_SECONDS, windowSeconds * 2 ** Math.min(Math.max(level, 1) - 1, 20));
}

/** The level of a new lockout: one more than the previous one's when that started within a day, else 1. */
export function nextLevel(previous: { startedAt: Date; level: number } | null, now: Date): number {
  if (!previous || now.getTime() - previous.startedAt.getTime() > LOCKOUT_MEMORY_SECONDS * 1000) return 1;
  return previous.level + 1;
}
