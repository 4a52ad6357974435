/**
 * Two transactions that each lock one of two rows, wait until both hold theirs, then ask for the other's: a real
 * deadlock, which PostgreSQL ends by failing one of them. `transaction` runs one such transaction (lock `first`,
 * `meet`, lock `second`); the result is what the failed ones threw.
 */
export async function crossingLocks(transaction: (first: string, second: string, meet: () => Promise<void>) => Promise<unknown>, [a, b]: [string, string]): Promise<unknown[]> {
  let bothHoldOne!: () => void;
  const ready = new Promise<void>((resolve) => (bothHoldOne = resolve));
  let held = 0;
  const meet = () => {
    if (++held === 2) bothHoldOne();
    return ready;
  };
  const results = await Promise.allSettled([transaction(a, b, meet), transaction(b, a, meet)]);
  return results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
}
