import { db } from "../db";
import { config } from "../env";
import { LOCKOUT_MEMORY_SECONDS } from "./lockout";

let lastPrune = 0;

/**
 * Deletes failures that no longer count (older than the window) and lockouts too old to lengthen the next one.
 * Runs at most once a minute per instance, or once a window when the window is shorter.
 */
export async function pruneSignInAttempts(now = new Date()): Promise<void> {
  const { windowSeconds } = config().signInThrottle;
  if (now.getTime() - lastPrune < Math.min(60, windowSeconds) * 1000) return;
  lastPrune = now.getTime();
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - windowSeconds * 1000) } } });
  await db.signInLockout.deleteMany({ where: { until: { lt: new Date(now.getTime() - LOCKOUT_MEMORY_SECONDS * 1000) } } });
}
