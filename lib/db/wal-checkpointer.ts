import { Worker } from "node:worker_threads";
import { log } from "../log";

// SQLite copies the WAL back into the database file (a checkpoint, with its fsyncs) inside the COMMIT that takes
// the WAL past 1,000 pages. Our connections are synchronous on the event loop, so under a provisioning burst every
// few hundredth request stalled the whole server for tens of milliseconds, and commits cost 2.5× their own work.
// A worker thread with its own connection checkpoints often enough that the WAL never reaches that size. PASSIVE
// never waits for, nor blocks, a reader or a writer. SQLite's own checkpoint stays on as the safety net: if the
// worker cannot start or falls behind, commits checkpoint as before.

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("libsql");
const database = new Database(workerData.file);
const checkpoint = database.prepare("PRAGMA wal_checkpoint(PASSIVE)");
let failing = false;
let last = "";
const timer = setInterval(() => {
  try {
    const [result] = checkpoint.all();
    const state = result.log + "/" + result.checkpointed;
    if (state !== last) parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
    last = state;
    failing = false;
  } catch (error) {
    // A locked database (a migration, a backup) is retried on the next tick; say so once, not every tick.
    if (!failing) parentPort.postMessage({ error: String(error && error.message) });
    failing = true;
  }
}, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/** The WAL's size in frames and how many of them are in the database file, as of the worker's last checkpoint. */
export type WalState = { log: number; checkpointed: number };

export type WalCheckpointer = {
  last(): WalState | undefined;
  stop(): Promise<void>;
};

export function startWalCheckpointer(file: string, intervalMs = 100): WalCheckpointer {
  let last: WalState | undefined;
  let exited = false;
  // `require` in an eval'd worker resolves from the working directory: the app's, under `next start`.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs } });
  worker.on("message", (message: WalState | { error: string }) => {
    if ("error" in message) log.warn("WAL checkpoint failed; retrying", { error: message.error });
    else last = message;
  });
  worker.on("error", (error) => log.warn("WAL checkpoint worker stopped; commits checkpoint instead", { error: error.message }));
  worker.on("exit", () => (exited = true));
  // It must never keep a CLI or a test process alive. Listeners added after this would hold it again.
  worker.unref();
  return {
    last: () => last,
    stop: () =>
      exited
        ? Promise.resolve()
        : new Promise((resolve) => {
            worker.once("exit", () => resolve());
            // Held until it has closed its connection, or a caller awaiting this could see the process end first.
            worker.ref();
            worker.postMessage("stop");
          }),
  };
}
