// What a crash may leave behind, reasoned from the client's side only. A request the client got an answer to
// was committed before that answer; one that had no answer when the server died may or may not have been. The
// client knows one order for sure: a request sent after another's answer came back ran after it.

/** One write of `value` to some key (a user's `active`, a group membership), as the client saw it. */
export type Write<V> = {
  value: V;
  /** Client clock (performance.now()) just before the request was sent. */
  sentAt: number;
  /** Client clock when the 2xx answer arrived; null when none did (in flight when the server died). */
  answeredAt: number | null;
};

/**
 * The values a key may hold after the crash: that of any write that may have run last. A write may have run
 * last unless an acknowledged write was sent after its answer came back. With no acknowledged write at all, the
 * key may also still hold its initial value.
 */
export function possibleStates<V>(initial: V, writes: Write<V>[]): Set<V> {
  const acknowledged = writes.filter((w) => w.answeredAt !== null);
  const possible = new Set<V>(acknowledged.length ? [] : [initial]);
  for (const write of writes) {
    const answeredAt = write.answeredAt;
    const surelyOverwritten = answeredAt !== null && acknowledged.some((later) => later.sentAt > answeredAt);
    if (!surelyOverwritten) possible.add(write.value);
  }
  return possible;
}
