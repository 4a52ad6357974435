/**
 * A first-come, first-served lock for async work in one process: `acquire` resolves with the function that
 * releases it. Callers hold it across awaits, so it must be released on every path (try/finally).
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => once(release));
    this.tail = this.tail.then(() => held);
    return turn;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
