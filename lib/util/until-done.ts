/**
 * A task a process needs done once, whose failure is not final: every call shares the run in flight or the one
 * that succeeded; after a failed run the next call starts another, but not before `retryMs` has passed (until then
 * calls resolve at once, having nothing to wait for).
 */
export function untilDone(task: () => Promise<void>, retryMs: number, now: () => number = Date.now): () => Promise<void> {
  let run: Promise<void> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  return () => {
    if (run) return run;
    if (now() - failedAt < retryMs) return Promise.resolve();
    const attempt = task().catch(() => {
      failedAt = now();
      run = undefined;
    });
    run = attempt;
    return attempt;
  };
}
