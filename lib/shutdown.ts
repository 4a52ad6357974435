import { log } from "./log";
import { drainScimLog } from "./scim-log/record-request";

/** Kubernetes gives a pod 30 s after SIGTERM before it kills it: stop on our own terms before that. */
const GRACE_MS = 25_000;

/**
 * `next start` stops gracefully on SIGTERM and SIGINT (next/dist/server/lib/start-server.js): it stops accepting
 * connections, lets the requests it is serving finish, waits for their after() work, then exits with 128 + the
 * signal's number (143 for SIGTERM). The app adds what is its own:
 * - from the signal on, the SCIM request log is written at once instead of every 250 ms;
 * - a timer that holds the process open until Next.js exits: without it, on SQLite the event loop could run
 *   empty while Next.js still awaited that write, and Node.js exited early, with status 0, losing it. It also
 *   bounds the wait for a request that never ends.
 * The database connections close with the process: by then no request and no transaction is using them.
 */
export function handleShutdownSignals(): void {
  // With NEXT_MANUAL_SIG_HANDLE, Next.js leaves the signals to the app: a listener here would swallow them.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info("stopping: finishing the requests in flight", { signal });
      setTimeout(() => {
        log.error(`requests still running ${GRACE_MS / 1000} s after ${signal}: exiting without them`);
        process.exit(1);
      }, GRACE_MS);
      void drainScimLog();
    });
  }
}
