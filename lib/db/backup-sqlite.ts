import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { providerOf } from "./provider";
import { sqliteFile } from "./sqlite-connection";

/** A backup that must not be taken as asked; the message says why and what to do instead. */
export class BackupRefused extends Error {}

/**
 * A consistent copy of the SQLite database at `databaseUrl`, taken while the server runs. `VACUUM INTO` reads the
 * whole database inside one read transaction — a snapshot: under WAL the server's writers go on meanwhile, and
 * nothing committed after the snapshot is in the copy — and writes a compact, self-contained file (no -wal or
 * -shm beside it), which is what a restore needs. It is written under a temporary name and moved into place, so
 * `file` never holds half a backup.
 */
export async function backupSqlite(options: { databaseUrl: string; file: string; force?: boolean }): Promise<{ file: string; bytes: number }> {
  const { databaseUrl, force = false } = options;
  if (providerOf(databaseUrl) !== "sqlite") {
    throw new BackupRefused(
      "backup copies the embedded SQLite database; this DATABASE_URL is PostgreSQL. Use PostgreSQL's own tools: " +
        "pg_dump -Fc -f scim.dump <database URL>  (restore with pg_restore), or your provider's snapshots and point-in-time recovery.",
    );
  }
  const source = path.resolve(sqliteFile(databaseUrl));
  const target = path.resolve(options.file);
  if (!fs.existsSync(source)) throw new BackupRefused(`there is no database at ${source}.`);
  if ([source, `${source}-wal`, `${source}-shm`, `${source}-journal`].includes(target)) throw new BackupRefused(`${target} is the live database, not a place for its backup.`);
  if (!fs.existsSync(path.dirname(target))) throw new BackupRefused(`the folder ${path.dirname(target)} does not exist.`);
  if (fs.existsSync(target) && !force) throw new BackupRefused(`${target} already exists; pass --force to overwrite it.`);

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  const client = createClient({ url: `file:${source}` });
  try {
    // A writer holds the lock only for the moment of its commit: wait for it rather than fail.
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute({ sql: "VACUUM INTO ?", args: [temporary] });
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  } finally {
    client.close();
  }
  if (force) fs.renameSync(temporary, target);
  else {
    // A hard link fails when the name is taken: no other process's file is overwritten between check and move.
    try {
      fs.linkSync(temporary, target);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  return { file: target, bytes: fs.statSync(target).size };
}
