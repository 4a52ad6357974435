import { log } from "../log";
import { backgroundCheckpointer } from "./sqlite-checkpointer";
import type { SqliteConnection } from "./sqlite-connection";
import { walFrameCounter } from "./wal-frames";

/** Log pages past which the writer checkpoints: SQLite's own wal_autocheckpoint default. */
const CHECKPOINT_FRAMES = 1000;

/**
 * How long the writer keeps the write lock for a background checkpoint. A checkpoint completes only if no commit
 * races past it, and only a complete one lets the next commit write the log from its start again. A backlog that
 * takes longer (after a long reader) is left to the child to finish while writes go on.
 */
const HOLD_LOCK_MS = 2000;

/**
 * The writer's checkpoints of the SQLite database `file` (see lib/db/sqlite-checkpointer.ts): once a commit has
 * taken the log past 1,000 pages, a PASSIVE checkpoint, by the background checkpointer's child while the event
 * loop goes on, or in this process where there is none or it failed. Call `afterCommit` holding the write lock.
 */
export function walCheckpoints(file: string): { afterCommit(connection: SqliteConnection): Promise<void> } {
  const wal = walFrameCounter(file);
  // A background checkpoint that outlasted HOLD_LOCK_MS: the next commits do not wait for it again.
  let copying: Promise<unknown> | undefined;

  async function inBackground(): Promise<"done" | "failed"> {
    const background = backgroundCheckpointer(file);
    if (!background?.running) return "failed";
    const settled = background.checkpoint().then(
      () => "done" as const,
      (error: Error) => {
        log.warn("background WAL checkpoint failed: checkpointing in this process", { error: error.message });
        return "failed" as const;
      },
    );
    copying = settled.finally(() => (copying = undefined));
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"done">((resolve) => (timer = setTimeout(() => resolve("done"), HOLD_LOCK_MS)));
    try {
      return await Promise.race([settled, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async afterCommit(connection) {
      if (copying || wal.frames() < CHECKPOINT_FRAMES) return;
      if ((await inBackground()) === "done") return;
      try {
        connection.query("PRAGMA wal_checkpoint(PASSIVE)", []);
      } catch (error) {
        log.warn("WAL checkpoint failed", { error: (error as Error).message });
      }
    },
  };
}
