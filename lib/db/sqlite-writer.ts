import { sqlite } from "../scim/sql/dialect";
import type { SqlWriter } from "./direct-writer";
import type { Mutex } from "./mutex";
import type { Sql } from "./reader";
import { SqliteConnection, sqliteFile } from "./sqlite-connection";
import { WRITER_PRAGMAS } from "./sqlite-adapter";
import { walCheckpoints } from "./wal-checkpoints";

// A SQLite commit writes every page the transaction touched to the WAL. A SCIM create touches about 24 B-trees
// (tables and indexes of the user, its email, its identity, the audit event, the tally): 29 pages, 116 KB, per
// request, and the WAL fills (and is checkpointed, with fsyncs that stall every writer on the file system) that
// much sooner. Transactions that queue up while one runs are therefore committed together: each runs in a
// SAVEPOINT of one write transaction, so a failing one still undoes only itself, and the pages they share (the
// tails of tables and time indexes, the tally) are written once per batch.
//
// Each transaction's caller hears of its success only after the batch's COMMIT; if the COMMIT fails, all of its
// transactions fail with that error and none of them is written.

type Member = { work: (sql: Sql) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export type GroupCommitOptions = {
  /** Most transactions in one batch. */
  maxBatch?: number;
  /** How long a batch stays open for transactions still on their way; Prisma's writes wait meanwhile. */
  maxBatchMs?: number;
};

/**
 * SQLite: a writing connection of its own, taking turns with Prisma's through `lock` (the one SingleConnectionLibSQL
 * holds for each Prisma statement and transaction), so the two never wait on each other inside SQLite, where a
 * wait would block the event loop. Another process (the admin CLI) is still waited for by busy_timeout.
 */
export function sqliteWriter(url: string, lock: Mutex, options: GroupCommitOptions = {}): SqlWriter {
  const maxBatch = options.maxBatch ?? 64;
  const maxBatchMs = options.maxBatchMs ?? 10;
  const queue: Member[] = [];
  let pumping = false;
  let connection: SqliteConnection | undefined;
  const file = sqliteFile(url);
  const checkpoints = walCheckpoints(file);

  async function pump() {
    pumping = true;
    try {
      while (queue.length > 0) await runBatch();
    } finally {
      pumping = false;
    }
  }

  async function runBatch() {
    const release = await lock.acquire();
    // Members whose work succeeded, answered once the batch is committed.
    let done: { member: Member; result: unknown }[] = [];
    let current: Member | undefined;
    let begun = false;
    const failAll = (error: unknown) => {
      for (const { member } of done) member.reject(error);
      done = [];
    };
    try {
      // This connection checkpoints after its commits (lib/db/wal-checkpoints.ts), not inside one; SQLite's own
      // checkpoint inside a COMMIT stays as a backstop, far beyond where those keep the log.
      connection ??= new SqliteConnection(file, [...WRITER_PRAGMAS, "PRAGMA wal_autocheckpoint = 10000"]);
      const open = connection;
      const sql: Sql = {
        dialect: sqlite,
        query: async (text, params) => open.query(text, params),
        execute: async (text, params) => open.run(text, params),
      };
      open.exec("BEGIN IMMEDIATE");
      begun = true;
      const started = Date.now();
      for (let members = 0; members < maxBatch && Date.now() - started < maxBatchMs; members++) {
        // Requests already under way get one turn of the event loop to join before the batch commits.
        if (queue.length === 0) await new Promise((resolve) => setImmediate(resolve));
        current = queue.shift();
        if (!current) break;
        open.exec("SAVEPOINT member");
        try {
          const result = await current.work(sql);
          open.exec("RELEASE member");
          done.push({ member: current, result });
        } catch (error) {
          // Some errors (a full disk, an I/O error) end the whole transaction, taking the earlier members with it.
          if (!open.inTransaction) throw error;
          open.exec("ROLLBACK TO member");
          open.exec("RELEASE member");
          current.reject(error);
        }
        current = undefined;
      }
      open.exec("COMMIT");
      for (const { member, result } of done) member.resolve(result);
      done = [];
      await checkpoints.afterCommit(open);
    } catch (error) {
      if (connection?.inTransaction) rollback(() => connection!.exec("ROLLBACK"));
      failAll(error);
      current?.reject(error);
      // Nothing was begun (the database is held by another process beyond busy_timeout, or cannot be opened):
      // everyone queued would fail the same way after waiting as long again.
      if (!begun) for (const member of queue.splice(0)) member.reject(error);
    } finally {
      release();
    }
  }

  return {
    transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!pumping) void pump();
      });
    },
  };
}

function rollback(run: () => void) {
  try {
    run();
  } catch {
    // SQLite has already rolled back (the error ended the transaction): nothing is left to undo.
  }
}
