import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWalCheckpointer, type WalCheckpointer, type WalState } from "./wal-checkpointer";

// The worker must really copy committed pages into the database file (so the WAL can start over) while the app's
// connection keeps writing, and stop cleanly.

let dir: string;
let file: string;
let checkpointer: WalCheckpointer | undefined;

function writer(): Database.Database {
  const database = new Database(file);
  database.prepare("PRAGMA journal_mode = WAL").all();
  // Only the worker checkpoints here, so what reaches the database file is its work.
  database.prepare("PRAGMA wal_autocheckpoint = 0").all();
  return database;
}

function insertRows(database: Database.Database, from: number, count: number) {
  const insert = database.prepare("INSERT INTO t (id, body) VALUES (?, ?)");
  for (let i = from; i < from + count; i++) {
    database.exec("BEGIN IMMEDIATE");
    insert.run([i, "x".repeat(500)]);
    database.exec("COMMIT");
  }
}

async function until(condition: (state: WalState) => boolean): Promise<WalState> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    const state = checkpointer?.last();
    if (state && condition(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the checkpointer did not get there; last state ${JSON.stringify(checkpointer?.last())}`);
}

/** Frames in the WAL file now, from its size: reading them through SQLite could checkpoint. */
function walFrames(): number {
  const size = fs.statSync(`${file}-wal`).size;
  return size === 0 ? 0 : (size - 32) / (4096 + 24);
}

const caughtUp = (state: WalState) => state.log > 0 && state.log === walFrames();

/** Rows in the database file alone, as if the WAL were lost. */
function rowsInDatabaseFile(): number {
  const copy = path.join(dir, "copy.db");
  fs.copyFileSync(file, copy);
  const database = new Database(copy);
  try {
    return (database.prepare("SELECT COUNT(*) AS n FROM t").get([]) as { n: number }).n;
  } finally {
    database.close();
  }
}

describe("the WAL checkpointer", () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "wal-checkpointer-"));
    file = path.join(dir, "app.db");
  });
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies every committed frame into the database file while the app's connection writes", async () => {
    const database = writer();
    database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    checkpointer = startWalCheckpointer(file, 20);
    insertRows(database, 0, 300);
    await until((state) => caughtUp(state) && state.checkpointed === state.log);
    expect(rowsInDatabaseFile()).toBe(300);

    // With everything checkpointed, the next commit starts the WAL over instead of growing it.
    const before = checkpointer.last()!.log;
    insertRows(database, 300, 1);
    await until((state) => state.checkpointed === state.log && state.log < before);
    expect(rowsInDatabaseFile()).toBe(301);
    database.close();
  });

  it("never blocks a writer, even while a reader holds an old snapshot", async () => {
    const database = writer();
    database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
    insertRows(database, 0, 10);
    const reader = new Database(file);
    reader.exec("BEGIN");
    expect((reader.prepare("SELECT COUNT(*) AS n FROM t").get([]) as { n: number }).n).toBe(10);
    checkpointer = startWalCheckpointer(file, 10);
    insertRows(database, 10, 100);
    await until(caughtUp);
    // The reader's snapshot pins the frames after it, so the worker copies only up to there and writes go on.
    expect(checkpointer.last()!.checkpointed).toBeLessThan(checkpointer.last()!.log);
    reader.exec("COMMIT");
    await until((state) => state.checkpointed === state.log);
    expect(rowsInDatabaseFile()).toBe(110);
    reader.close();
    database.close();
  });

  it("stops, and a second stop is harmless", async () => {
    fs.writeFileSync(file, "");
    checkpointer = startWalCheckpointer(file, 10);
    await checkpointer.stop();
    await checkpointer.stop();
  });
});
