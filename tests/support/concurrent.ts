// Load for race tests: many requests in flight at once, and a tally of what came back.

/** Runs `tasks` with at most `limit` in flight; the results in task order. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Statuses counted by a label (a phase and an instance, say); 0 stands for a request that got no response. */
export class StatusTally {
  private readonly counts = new Map<string, Map<number, number>>();

  add(label: string, status: number): void {
    const byStatus = this.counts.get(label) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.counts.set(label, byStatus);
  }

  /** Every status seen, with its count, over all labels. */
  statuses(): Map<number, number> {
    const all = new Map<number, number>();
    for (const byStatus of this.counts.values()) for (const [status, n] of byStatus) all.set(status, (all.get(status) ?? 0) + n);
    return all;
  }

  /** One line per label: `create A: 201×225 409×25`. */
  lines(): string[] {
    return [...this.counts].map(([label, byStatus]) => `${label}: ${[...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ")}`);
  }
}
