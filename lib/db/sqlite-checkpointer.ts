import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { log } from "../log";

// A WAL checkpoint copies the log's pages into the database file and fsyncs both. SQLite runs it on the commit
// that finds the log past 1,000 pages, and libsql's calls are synchronous: on every sixth batch of SCIM creates
// the event loop stood still 5–30 ms, two thirds of all the time spent in COMMIT. A child process of its own runs
// the checkpoint instead, when the writer asks (lib/db/wal-checkpoints.ts), and the event loop goes on meanwhile.
//
// A child and not a worker thread: a worker ended by the process's exit inside a checkpoint aborts the whole
// process (the driver panics); a child simply stops, which SQLite's checkpoint is made to survive.

// Plain JavaScript run with `node -e`, so that it needs no file of its own in the build. It answers each
// checkpoint request with SQLite's [busy, log pages, pages checkpointed] or the error, and exits with its parent:
// a Ctrl-C or a group's SIGTERM reaches it too, but the parent may still be finishing its requests then.
const CHILD_SOURCE = `
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});
const [driver, file] = process.argv.slice(1);
const Database = require(driver);
const database = new Database(file);
database.prepare("PRAGMA busy_timeout = 5000").get();
const checkpoint = database.prepare("PRAGMA wal_checkpoint(PASSIVE)").raw();
process.on("disconnect", () => process.exit(0));
process.on("message", (id) => {
  try {
    process.send({ id, result: checkpoint.get() });
  } catch (error) {
    process.send({ id, error: error.message });
  }
});
process.send("ready");
`;

export type CheckpointResult = { busy: number; log: number; checkpointed: number };

export type Checkpointer = {
  /** The child's process id while it runs. */
  readonly pid: number | undefined;
  /** Whether the child is up and answering. */
  readonly running: boolean;
  /** Resolves once the child has the database open; false if it could not start. */
  readonly ready: Promise<boolean>;
  /** A PASSIVE checkpoint, run by the child. */
  checkpoint(): Promise<CheckpointResult>;
  stop(): void;
};

// Started once per process (lib/startup.ts); kept on globalThis because the server's module graphs (the route
// handlers', instrumentation's) each have their own copy of this module.
const registry = globalThis as unknown as { sqliteCheckpointers?: Map<string, Checkpointer> };

/** The background checkpointer of the database `file`, if this process started one. */
export function backgroundCheckpointer(file: string): Checkpointer | undefined {
  return registry.sqliteCheckpointers?.get(path.resolve(file));
}

type Pending = { resolve: (result: CheckpointResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * A checkpoint of 1,000 pages takes milliseconds, the backlog a long reader (a backup) held back some seconds: a
 * child that has not answered in this long is stuck. Killing it loses the checkpoint's progress.
 */
const ANSWER_WITHIN_MS = 60_000;

/**
 * A child process that checkpoints the SQLite database `file` when asked, until stopped or until this process
 * exits. A child that dies after it started (or does not answer within a minute, and is killed) is started again
 * a second later; one that cannot start (no driver where this process runs) is given up with a warning. Meanwhile
 * `running` is false and the writer checkpoints in this process, as SQLite would. Starting another for the same
 * file stops this one.
 */
export function startCheckpointer(file: string): Checkpointer {
  backgroundCheckpointer(file)?.stop();
  // The registry's key, and what the child opens: the same file however it was named.
  const absolute = path.resolve(file);
  let child: ChildProcess | undefined;
  let running = false;
  let stopped = false;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  let announceReady: (ok: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (announceReady = resolve));

  const failPending = (why: string) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error(why));
    }
    pending.clear();
  };
  // The channel holds this process open only while an answer is awaited.
  const holdOpen = () => (pending.size > 0 ? child?.channel?.ref() : child?.channel?.unref());

  function launch(driver: string) {
    let started = false;
    let current: ChildProcess;
    try {
      current = spawn(process.execPath, ["-e", CHILD_SOURCE, driver, absolute], {
        stdio: ["ignore", "ignore", "inherit", "ipc"],
        // Not the server's environment: its secrets, nor NODE_OPTIONS (an agent preloaded, a debugger's port).
        env: { PATH: process.env.PATH ?? "", NODE_ENV: process.env.NODE_ENV },
      });
    } catch (error) {
      log.warn("background checkpointer did not start: the writer checkpoints in this process", { error: (error as Error).message });
      announceReady(false);
      return;
    }
    child = current;
    current.on("message", (message: unknown) => {
      if (message === "ready") {
        started = running = true;
        announceReady(true);
        return;
      }
      const { id, result, error } = message as { id: number; result?: [number, number, number]; error?: string };
      const waiting = pending.get(id);
      pending.delete(id);
      holdOpen();
      if (!waiting) return;
      clearTimeout(waiting.timer);
      if (result) waiting.resolve({ busy: result[0], log: result[1], checkpointed: result[2] });
      else waiting.reject(new Error(error ?? "checkpoint failed"));
    });
    current.on("error", (error) => {
      log.warn("background checkpointer failed", { error: error.message });
      // A child that could not be spawned never exits either.
      if (!started) announceReady(false);
    });
    current.on("exit", (code, signal) => {
      if (child === current) child = undefined;
      running = false;
      failPending("the background checkpointer stopped");
      if (stopped) return;
      if (!started) {
        log.warn("background checkpointer did not start: the writer checkpoints in this process", { code, signal });
        announceReady(false);
        return;
      }
      log.warn("background checkpointer stopped: starting it again", { code, signal });
      setTimeout(() => stopped || launch(driver), 1000).unref();
    });
    // Neither the child nor its channel keeps this process alive; the child follows it out.
    current.unref();
    current.channel?.unref();
  }

  const driver = resolveDriver();
  if (driver) launch(driver);
  else {
    log.warn("no SQLite driver for a background checkpointer: the writer checkpoints in this process");
    announceReady(false);
  }

  const checkpointer: Checkpointer = {
    get pid() {
      return child?.pid;
    },
    get running() {
      return running && !stopped;
    },
    ready,
    checkpoint() {
      return new Promise<CheckpointResult>((resolve, reject) => {
        if (!child || !running) return reject(new Error("the background checkpointer is not running"));
        const id = nextId++;
        const stuck = child;
        // Its replacement starts when it has exited (above).
        const timer = setTimeout(() => stuck.kill("SIGKILL"), ANSWER_WITHIN_MS);
        timer.unref();
        pending.set(id, { resolve, reject, timer });
        holdOpen();
        child.send(id);
      });
    },
    stop() {
      stopped = true;
      running = false;
      // The child ignores SIGTERM (above) and leaves when its channel closes.
      if (child?.connected) child.disconnect();
      child = undefined;
      failPending("the background checkpointer was stopped");
      announceReady(false);
      if (registry.sqliteCheckpointers?.get(absolute) === checkpointer) registry.sqliteCheckpointers.delete(absolute);
    },
  };
  (registry.sqliteCheckpointers ??= new Map()).set(absolute, checkpointer);
  return checkpointer;
}

/**
 * The driver this process loads, as a path the child can require from anywhere: found from the working directory,
 * or from the script that started this process (`next start` run from elsewhere).
 */
function resolveDriver(): string | undefined {
  for (const from of [path.join(process.cwd(), "noop.js"), process.argv[1]]) {
    try {
      if (from) return createRequire(path.resolve(from)).resolve("libsql");
    } catch {
      // Not found from there.
    }
  }
  return undefined;
}
