import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { walFrameCounter } from "./wal-frames";

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wal-frames-"));
  file = path.join(dir, "app.db");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the write-ahead log's length, read from the WAL-index header", () => {
  it("is 0 for a database without a log", () => {
    const counter = walFrameCounter(file);
    expect(counter.frames()).toBe(0);
    const database = new Database(file);
    database.exec("CREATE TABLE t (x)");
    expect(counter.frames()).toBe(0);
    database.close();
  });

  it("is the number of frames SQLite itself reports, and starts over once a checkpoint lets the log restart", () => {
    const database = new Database(file);
    database.prepare("PRAGMA journal_mode = WAL").all();
    database.prepare("PRAGMA wal_autocheckpoint = 0").all();
    database.exec("CREATE TABLE t (x)");
    const insert = database.prepare("INSERT INTO t VALUES (randomblob(3000))");
    for (let i = 0; i < 200; i++) insert.run();
    const counter = walFrameCounter(file);
    const counted = counter.frames();
    const [busy, log, checkpointed] = database.prepare("PRAGMA wal_checkpoint(PASSIVE)").raw().get() as number[];
    expect(busy).toBe(0);
    expect(counted).toBe(log);
    expect(checkpointed).toBe(log);
    expect(counted).toBeGreaterThan(200);
    // The next write after a complete checkpoint writes the log from its start.
    insert.run();
    expect(counter.frames()).toBeLessThan(5);
    database.close();
  });
});
