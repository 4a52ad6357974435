import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SqlWriter } from "./direct-writer";
import { Mutex } from "./mutex";
import type { Sql } from "./reader";
import { startCheckpointer } from "./sqlite-checkpointer";
import { sqliteWriter } from "./sqlite-writer";
import { isUniqueViolation } from "./unique-violation";

// Transactions queued on SQLite's writer are committed in batches. Each must still be all or nothing on its own,
// and its caller must hear of success only once the batch is committed.

let dir: string;
let file: string;
let observer: Database.Database;

const names = () => (observer.prepare("SELECT name FROM t ORDER BY name").all([]) as { name: string }[]).map((row) => row.name);
const insert = (sql: Sql, name: string) => sql.execute("INSERT INTO t (name) VALUES (?)", [name]);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-writer-"));
  file = path.join(dir, "app.db");
  observer = new Database(file);
  observer.prepare("PRAGMA journal_mode = WAL").all();
  observer.exec("CREATE TABLE t (name TEXT NOT NULL UNIQUE)");
  // A deferred foreign key is checked at COMMIT: the one way to make a batch's COMMIT itself fail.
  observer.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  observer.exec("CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
});
afterEach(() => {
  observer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite's group-committing writer", () => {
  it("commits transactions queued together in one batch, and answers each only after that commit", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex());
    const seenByOthers: string[][] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writer.transaction(async (sql) => {
          await insert(sql, `user-${i}`);
          // Another connection sees none of the batch while it is open: they share one transaction.
          seenByOthers.push(names());
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seenByOthers.every((seen) => seen.length === 0)).toBe(true);
    expect(names()).toHaveLength(10);
  });

  it("undoes only the transaction that failed; the rest of its batch commits", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex());
    const outcomes = await Promise.allSettled([
      writer.transaction((sql) => insert(sql, "alice")),
      writer.transaction(async (sql) => {
        await insert(sql, "bob");
        await insert(sql, "alice"); // a duplicate: bob's row must go too
      }),
      writer.transaction((sql) => insert(sql, "carol")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(names()).toEqual(["alice", "carol"]);
  });

  it("fails every transaction of a batch whose COMMIT fails, and writes none of them", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex());
    // The writer's connection enforces foreign keys (WRITER_PRAGMAS).
    const outcomes = await Promise.allSettled([
      writer.transaction((sql) => insert(sql, "alice")),
      writer.transaction((sql) => sql.execute("INSERT INTO child (parent) VALUES (42)", [])),
      writer.transaction((sql) => insert(sql, "carol")),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(names()).toEqual([]);
    // The writer goes on with the next batch.
    await writer.transaction((sql) => insert(sql, "dave"));
    expect(names()).toEqual(["dave"]);
  });

  it("commits after maxBatch transactions, so a long queue is written in several batches", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex(), { maxBatch: 4 });
    const seenByOthers: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writer.transaction(async (sql) => {
          seenByOthers.push(names().length);
          await insert(sql, `user-${i}`);
        }),
      ),
    );
    expect(seenByOthers).toEqual([0, 0, 0, 0, 4, 4, 4, 4, 8, 8]);
  });

  it("takes turns with other holders of its lock between batches", async () => {
    const lock = new Mutex();
    const writer: SqlWriter = sqliteWriter(`file:${file}`, lock);
    const order: string[] = [];
    const first = writer.transaction(async (sql) => {
      order.push("writer");
      await insert(sql, "alice");
    });
    const other = lock.acquire().then((release) => {
      // Prisma's connection, in the app: it must find the batch committed, never open.
      order.push(`other sees ${names().length}`);
      release();
    });
    await Promise.all([first, other]);
    expect(order).toEqual(["writer", "other sees 1"]);
  });

  it("fails what is queued when the database cannot be written at all, and recovers once it can", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex());
    await writer.transaction((sql) => sql.execute("PRAGMA busy_timeout = 0", []));
    observer.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    const outcomes = await Promise.allSettled([writer.transaction((sql) => insert(sql, "alice")), writer.transaction((sql) => insert(sql, "bob"))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    observer.exec("COMMIT");
    await writer.transaction((sql) => insert(sql, "carol"));
    expect(names()).toEqual(["carol"]);
  });
});

describe("SQLite's writer checkpoints the log itself once it passes 1,000 pages", () => {
  const PAGE_FRAME = 4096 + 24;
  // About 440 pages of rows and index entries per round of 20 transactions: 5,300 in 12 rounds.
  const fill = (writer: SqlWriter, round: number) =>
    Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writer.transaction(async (sql) => {
          for (let row = 0; row < 10; row++) {
            await sql.execute("INSERT INTO t (name) VALUES (printf('%d-%d-%d-%s', ?, ?, ?, hex(randomblob(1200))))", [round, i, row]);
          }
        }),
      ),
    );
  const walBytes = () => fs.statSync(`${file}-wal`).size;

  it("in this process when no background checkpointer runs: the log stays short and the rows reach the database file", async () => {
    const writer = sqliteWriter(`file:${file}`, new Mutex());
    for (let round = 0; round < 12; round++) await fill(writer, round);
    expect(names()).toHaveLength(2400);
    // Unchecked, the log would hold every page written.
    expect(walBytes()).toBeLessThan(2000 * PAGE_FRAME);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000_000);
  });

  it("by the background checkpointer's child when one runs, holding the write lock until it is done", async () => {
    const checkpointer = startCheckpointer(file);
    try {
      expect(await checkpointer.ready).toBe(true);
      const lock = new Mutex();
      const checkpoint = checkpointer.checkpoint.bind(checkpointer);
      const order: string[] = [];
      // The real checkpoint, with another writer (Prisma's, in the app) asking for the lock as it starts.
      const asked = vi.spyOn(checkpointer, "checkpoint").mockImplementation(async () => {
        void lock.acquire().then((release) => {
          order.push("lock taken");
          release();
        });
        const result = await checkpoint();
        order.push("checkpointed");
        return result;
      });
      const writer = sqliteWriter(`file:${file}`, lock);
      for (let round = 0; round < 12; round++) await fill(writer, round);
      expect(names()).toHaveLength(2400);
      expect(asked.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(order.slice(0, 2)).toEqual(["checkpointed", "lock taken"]);
      expect(walBytes()).toBeLessThan(2000 * PAGE_FRAME);
      expect(fs.statSync(file).size).toBeGreaterThan(10_000_000);
    } finally {
      checkpointer.stop();
    }
  });

  it("in this process when the child dies during the checkpoint", async () => {
    const checkpointer = startCheckpointer(file);
    try {
      expect(await checkpointer.ready).toBe(true);
      const checkpoint = checkpointer.checkpoint.bind(checkpointer);
      let sizeBeforeKill = 0;
      const asked = vi.spyOn(checkpointer, "checkpoint").mockImplementationOnce(() => {
        sizeBeforeKill = fs.statSync(file).size;
        process.kill(checkpointer.pid!, "SIGKILL");
        return checkpoint();
      });
      const writer = sqliteWriter(`file:${file}`, new Mutex());
      let round = 0;
      while (asked.mock.calls.length === 0) await fill(writer, round++);
      // The next transaction has the lock once the checkpoint is over.
      await writer.transaction((sql) => insert(sql, "after"));
      // The child is gone (it is started again a second later), and yet the log reached the database file.
      expect(checkpointer.running).toBe(false);
      expect(fs.statSync(file).size).toBeGreaterThan(sizeBeforeKill + 1_000_000);
    } finally {
      checkpointer.stop();
    }
  });
});
