import type { Sql, SqlReader } from "../db/reader";
import type { AnchorKey } from "../scim/page-anchors";
import type { ScimUserRecord } from "../scim/users/record";
import { log } from "../log";
import { untilDone } from "../util/until-done";
import { Params } from "../scim/sql/dialect";
import { documentIsCurrent, storeDocumentAt } from "./resource-document";
import { fromKey, INDEX_ORDER, keyColumns } from "./scim-user-page";
import { SCIM_USER_FROM, scimUserRow, storedScimUserFromRow } from "./scim-user-query";

type Writer = <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;

/** Document writes in flight at once from the background: a couple of pooled connections at most. */
const BACKGROUND_WRITES = 2;

/**
 * Renders and stores the document of every listed user whose document is missing or stale (users written before
 * documents existed, or changed by a group or an admin since), `batch` users per transaction, in list order. A
 * user changed meanwhile keeps its newer state: a document is stored only for the version it was rendered from.
 * `concurrency` one-row transactions at a time (see storeEach). Returns how many documents it stored.
 */
export async function refreshDocuments(reader: SqlReader, write: Writer, baseUrl: string, options: { batch?: number; concurrency?: number } = {}): Promise<number> {
  const batch = options.batch ?? 500;
  const concurrency = options.concurrency ?? BACKGROUND_WRITES;
  let from: AnchorKey | null = null;
  let stored = 0;
  for (;;) {
    const sql = new Params(reader.dialect);
    const current = documentIsCurrent(reader.dialect, baseUrl);
    const seek: string = from ? ` AND ${fromKey(sql, from)}` : "";
    type Row = { createdAt: unknown; id: unknown; row: unknown };
    const rows: Row[] = await reader.query<{ createdAt: unknown; id: unknown; current: unknown; row: unknown }>(
      `SELECT ${keyColumns(reader.dialect)}, CASE WHEN ${current} THEN NULL ELSE ${scimUserRow(reader.dialect)} END AS "row" FROM ${SCIM_USER_FROM} WHERE i."deletedAt" IS NULL${seek} ORDER BY ${INDEX_ORDER} LIMIT ${sql.add(batch + 1)}`,
      sql.values,
    );
    // `fromKey` includes the row it starts from: the last one of the previous batch.
    const fresh = from ? rows.slice(1) : rows;
    const stale = fresh.filter((r) => r.row !== null && r.row !== undefined).map((r) => storedScimUserFromRow(r.row).record);
    stored += await storeEach(stale, write, baseUrl, concurrency);
    if (fresh.length < batch || rows.length === 0) return stored;
    const last: Row = rows[rows.length - 1];
    from = [last.createdAt, String(last.id)];
  }
}

/** A failed refresh (the database busy or briefly unreachable) is tried again a minute later, at the next page. */
const REFRESH_RETRY_MS = 60_000;
let refresh: (() => Promise<void>) | undefined;

/**
 * Once per process, in the background: brings every stale document up to date (after an upgrade that added
 * documents, a new base URL, or changes made while this instance was down). Users changed later by a group or an
 * admin are rebuilt per page until their next SCIM write; that costs time, never correctness.
 */
export function refreshDocumentsOnce(reader: SqlReader, write: Writer, baseUrl: string): Promise<void> {
  refresh ??= untilDone(
    () =>
      refreshDocuments(reader, write, baseUrl, { batch: 100 }).then(
        (stored) => {
          if (stored) log.info("user documents refreshed", { stored });
        },
        (error: Error) => {
          log.warn("refreshing user documents failed; pages rebuild those users meanwhile, and it is tried again in a minute", { error: error.message });
          throw error;
        },
      ),
    REFRESH_RETRY_MS,
  );
  return refresh();
}

// Documents a page had to rebuild wait here, latest record per user, and are stored by one drain per process, a
// couple of one-row transactions at a time: they must never take more than that of the pool (PostgreSQL), nor
// the writer's attention, from the requests. Past the cap, more are dropped: those users are rebuilt next time.
const waiting = new Map<string, ScimUserRecord>();
const MAX_WAITING = 10_000;
let draining: Promise<void> | undefined;

/**
 * In the background: the documents of users a page had to rebuild (changed by a group or an admin since their last
 * SCIM write), from the records it built, each only if the user is still at that version. The next page serves
 * them as documents.
 */
export function storeRebuilt(records: ScimUserRecord[], write: Writer, baseUrl: string): void {
  for (const record of records) if (waiting.size < MAX_WAITING || waiting.has(record.id)) waiting.set(record.id, record);
  if (waiting.size && !draining) {
    draining = drain(write, baseUrl).finally(() => {
      draining = undefined;
      // Records that arrived as the drain was ending.
      if (waiting.size) storeRebuilt([], write, baseUrl);
    });
  }
}

async function drain(write: Writer, baseUrl: string): Promise<void> {
  while (waiting.size) {
    const records = [...waiting.values()].slice(0, 100);
    for (const record of records) waiting.delete(record.id);
    await storeEach(records, write, baseUrl, BACKGROUND_WRITES).catch((error: Error) => log.warn("storing rebuilt user documents failed", { error: error.message }));
  }
}

/** Resolves once the documents waiting to be stored in the background have been (for tests and tools). */
export async function rebuiltStored(): Promise<void> {
  while (draining) await draining;
}

/**
 * One transaction per document, `concurrency` at a time: a transaction that locks a single row cannot be part of
 * a deadlock (PostgreSQL), whatever order a group's membership change locks the same users in. SQLite commits
 * those that queue together anyway (group commit).
 */
async function storeEach(records: ScimUserRecord[], write: Writer, baseUrl: string, concurrency: number): Promise<number> {
  let stored = 0;
  for (let from = 0; from < records.length; from += concurrency) {
    const done = await Promise.all(records.slice(from, from + concurrency).map((record) => write((tx) => storeDocumentAt(tx, record, baseUrl))));
    stored += done.filter(Boolean).length;
  }
  return stored;
}
