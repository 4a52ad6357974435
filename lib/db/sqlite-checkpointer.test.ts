import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backgroundCheckpointer, startCheckpointer, type Checkpointer } from "./sqlite-checkpointer";

// The checkpointer is a real child process on a real database file: what it copies shows in the database file.

let dir: string;
let file: string;
let database: Database.Database;
let checkpointer: Checkpointer | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpointer-"));
  file = path.join(dir, "app.db");
  database = new Database(file);
  database.prepare("PRAGMA journal_mode = WAL").all();
  database.prepare("PRAGMA wal_autocheckpoint = 0").all();
  database.exec("CREATE TABLE t (x)");
});
afterEach(() => {
  checkpointer?.stop();
  checkpointer = undefined;
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (rows: number) => {
  const insert = database.prepare("INSERT INTO t VALUES (randomblob(3000))");
  for (let i = 0; i < rows; i++) insert.run();
};
const databaseBytes = () => fs.statSync(file).size;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(condition: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the background checkpointer", () => {
  it("copies the log into the database file from a process of its own", async () => {
    checkpointer = startCheckpointer(file);
    expect(await checkpointer.ready).toBe(true);
    expect(checkpointer.pid).not.toBe(process.pid);
    expect(backgroundCheckpointer(file)).toBe(checkpointer);
    write(100);
    const before = databaseBytes();
    const result = await checkpointer.checkpoint();
    expect(result.busy).toBe(0);
    expect(result.log).toBeGreaterThan(100);
    expect(result.checkpointed).toBe(result.log);
    expect(databaseBytes()).toBeGreaterThan(before + 100 * 3000);
  });

  it("is started again when its child dies, and checkpoints again", async () => {
    checkpointer = startCheckpointer(file);
    await checkpointer.ready;
    const first = checkpointer.pid!;
    process.kill(first, "SIGKILL");
    await until(() => !checkpointer!.running);
    await expect(checkpointer.checkpoint()).rejects.toThrow(/not running/);
    await until(() => checkpointer!.running);
    expect(checkpointer.pid).not.toBe(first);
    write(10);
    expect((await checkpointer.checkpoint()).checkpointed).toBeGreaterThan(10);
  });

  it("outlives a Ctrl-C to the process group but not its parent", async () => {
    const script = path.join(dir, "parent.mts");
    fs.writeFileSync(
      script,
      `import { startCheckpointer } from ${JSON.stringify(path.resolve("lib/db/sqlite-checkpointer.ts"))};
       process.on("SIGINT", () => {});
       process.stdin.resume();
       process.stdin.on("end", () => process.exit(0));
       const c = startCheckpointer(${JSON.stringify(file)});
       await c.ready;
       console.log(c.pid);`,
    );
    const parent = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["pipe", "pipe", "inherit"], detached: true });
    try {
      let printed = "";
      parent.stdout!.on("data", (data) => (printed += data));
      await until(() => printed.includes("\n"));
      const childPid = Number(printed.trim());
      expect(alive(childPid)).toBe(true);
      process.kill(-parent.pid!, "SIGINT");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(alive(childPid)).toBe(true);
      parent.stdin!.end();
      await until(() => !alive(childPid));
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("replaces, and stops, one started before for the same database", async () => {
    const first = startCheckpointer(file);
    await first.ready;
    const firstPid = first.pid!;
    checkpointer = startCheckpointer(file);
    await checkpointer.ready;
    expect(first.running).toBe(false);
    expect(backgroundCheckpointer(file)).toBe(checkpointer);
    await until(() => !alive(firstPid));
  });

  it("stops when told, and is no longer this database's checkpointer", async () => {
    checkpointer = startCheckpointer(file);
    await checkpointer.ready;
    const pid = checkpointer.pid!;
    checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(backgroundCheckpointer(file)).toBeUndefined();
    await expect(checkpointer.checkpoint()).rejects.toThrow(/not running/);
    await until(() => !alive(pid));
  });
});

