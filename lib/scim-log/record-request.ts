import crypto from "node:crypto";
import { db, writeTransaction } from "../db";
import { insertRows } from "../db/sql-rows";
import { config } from "../env";
import { log } from "../log";

export type ScimRequestEntry = {
  at: Date;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  tokenId: string | null;
  tokenPrefix: string | null;
  scimType: string | null;
  detail: string | null;
  requestBody: string | null;
};

// Entries are buffered and written in batches off the request path, so logging never adds a write to the
// latency of a SCIM request; a crash loses at most the last fraction of a second of troubleshooting data. A
// graceful stop loses nothing: each request hands the write of its entry to after(), which `next start` waits
// for before it exits, and from the shutdown signal on entries are written at once (see drainScimLog).
const FLUSH_MS = 250;
const FLUSH_AT = 200;
const PRUNE_EVERY_MS = 60_000;

type Deferred = { promise: Promise<void>; resolve: () => void };
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const buffer: ScimRequestEntry[] = [];
/** Settles when the entries now in the buffer have been written (or given up on). */
let buffered = deferred();
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> | undefined;
let draining = false;
let lastPrune = 0;

/** Buffers one entry; the promise settles once it is in the database (it never rejects). */
export function recordScimRequest(entry: ScimRequestEntry): Promise<void> {
  if (config().scimLog.maxRows === 0) return Promise.resolve();
  buffer.push(entry);
  const written = buffered.promise;
  if (draining || buffer.length >= FLUSH_AT) void flushScimLog();
  else if (!timer) {
    timer = setTimeout(() => void flushScimLog(), FLUSH_MS);
    timer.unref();
  }
  return written;
}

/** The server is stopping: write what is buffered now, and every later entry as it comes. */
export function drainScimLog(): Promise<void> {
  draining = true;
  return flushScimLog();
}

/** Writes what is buffered (tests call it to read their own requests back). */
export async function flushScimLog(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  await flushing;
  const batch = buffer.splice(0);
  const done = buffered;
  buffered = deferred();
  if (!batch.length) return done.resolve();
  flushing = (async () => {
    try {
      // One multi-row INSERT on the driver: through the ORM, this write cost a tenth of the server's time under load.
      await writeTransaction((sql) => insertRows(sql, "ScimRequestLog", batch.map((entry) => ({ id: crypto.randomUUID(), ...entry }))));
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneScimLog();
      }
    } catch (error) {
      log.warn("could not write the SCIM request log", { error: (error as Error).message, dropped: batch.length });
    } finally {
      done.resolve();
    }
  })();
  await flushing;
}

/** Keeps the log within its bounds: nothing older than the retention period, no more than maxRows entries. */
export async function pruneScimLog(): Promise<void> {
  const { maxRows, retentionDays } = config().scimLog;
  if (retentionDays > 0) {
    await db.scimRequestLog.deleteMany({ where: { at: { lt: new Date(Date.now() - retentionDays * 86_400_000) } } });
  }
  const boundary = await db.scimRequestLog.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], skip: maxRows, take: 1, select: { at: true } });
  if (boundary[0]) await db.scimRequestLog.deleteMany({ where: { at: { lte: boundary[0].at } } });
}
