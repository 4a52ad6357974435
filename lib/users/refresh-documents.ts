import type { Sql, SqlReader } from "../db/reader";
import type { AnchorKey } from "../scim/page-anchors";
import type { ScimUserRecord } from "../scim/users/record";
import { log } from "../log";
import { Params } from "../scim/sql/dialect";
import { documentIsCurrent, storeDocumentAt } from "./resource-document";
import { fromKey, INDEX_ORDER, keyColumns } from "./scim-user-page";
import { SCIM_USER_FROM, scimUserRow, storedScimUserFromRow } from "./scim-user-query";

type Writer = <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;

/**
 * Renders and stores the document of every listed user whose document is missing or stale (users written before
 * documents existed, or changed by a group or an admin since), `batch` users per transaction, in list order. A
 * user changed meanwhile keeps its newer state: a document is stored only for the version it was rendered from.
 * Returns how many documents it stored.
 */
export async function refreshDocuments(reader: SqlReader, write: Writer, baseUrl: string, batch = 500): Promise<number> {
  let from: AnchorKey | null = null;
  let stored = 0;
  for (;;) {
    const sql = new Params(reader.dialect);
    // Parameters in the order they appear in the text (SQLite binds `?` by position).
    const current = documentIsCurrent(sql, baseUrl);
    const seek: string = from ? ` AND ${fromKey(sql, from)}` : "";
    type Row = { createdAt: unknown; id: unknown; row: unknown };
    const rows: Row[] = await reader.query<{ createdAt: unknown; id: unknown; current: unknown; row: unknown }>(
      `SELECT ${keyColumns(reader.dialect)}, CASE WHEN ${current} THEN NULL ELSE ${scimUserRow(reader.dialect)} END AS "row" FROM ${SCIM_USER_FROM} WHERE i."deletedAt" IS NULL${seek} ORDER BY ${INDEX_ORDER} LIMIT ${sql.add(batch + 1)}`,
      sql.values,
    );
    // `fromKey` includes the row it starts from: the last one of the previous batch.
    const fresh = from ? rows.slice(1) : rows;
    const stale = fresh.filter((r) => r.row !== null && r.row !== undefined).map((r) => storedScimUserFromRow(r.row).record);
    stored += await storeEach(stale, write, baseUrl);
    if (fresh.length < batch || rows.length === 0) return stored;
    const last: Row = rows[rows.length - 1];
    from = [last.createdAt, String(last.id)];
  }
}

let once: Promise<void> | undefined;

/**
 * Once per process, in the background: brings every stale document up to date (after an upgrade that added
 * documents, a new base URL, or changes made while this instance was down). Users changed later by a group or an
 * admin are rebuilt per page until their next SCIM write; that costs time, never correctness.
 */
export function refreshDocumentsOnce(reader: SqlReader, write: Writer, baseUrl: string): Promise<void> {
  once ??= refreshDocuments(reader, write, baseUrl, 100).then(
    (stored) => {
      if (stored) log.info("user documents refreshed", { stored });
    },
    (error: Error) => log.warn("refreshing user documents failed; pages rebuild those users instead", { error: error.message }),
  );
  return once;
}

const storing = new Set<Promise<void>>();

/**
 * In the background: the documents of users a page had to rebuild (changed by a group or an admin since their last
 * SCIM write), from the records it built, each only if the user is still at that version. The next page serves
 * them as documents.
 */
export function storeRebuilt(records: ScimUserRecord[], write: Writer, baseUrl: string): void {
  if (!records.length) return;
  const stored = storeEach(records, write, baseUrl).then(
    () => {},
    (error: Error) => log.warn("storing rebuilt user documents failed", { error: error.message }),
  );
  storing.add(stored);
  void stored.finally(() => storing.delete(stored));
}

/** Resolves once the documents being stored in the background have been (for tests and tools). */
export async function rebuiltStored(): Promise<void> {
  await Promise.all([...storing]);
}

/**
 * One transaction per document, a few at a time: a transaction that locks a single row cannot be part of a
 * deadlock (PostgreSQL), whatever order a group's membership change locks the same users in. SQLite commits
 * those that queue together anyway (group commit).
 */
async function storeEach(records: ScimUserRecord[], write: Writer, baseUrl: string): Promise<number> {
  let stored = 0;
  for (let from = 0; from < records.length; from += 8) {
    const done = await Promise.all(records.slice(from, from + 8).map((record) => write((tx) => storeDocumentAt(tx, record, baseUrl))));
    stored += done.filter(Boolean).length;
  }
  return stored;
}
