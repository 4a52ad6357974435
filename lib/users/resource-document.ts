import crypto from "node:crypto";
import type { Sql } from "../db/reader";
import { config } from "../env";
import type { Dialect } from "../scim/sql/dialect";
import { toUserResource } from "../scim/users/to-resource";
import type { ScimUserRecord } from "../scim/users/record";
import type { IdentityStamp } from "./scim-user-query";

// A page of 100 users cost its server more in building them (emails and groups gathered per user, rows mapped,
// resources assembled and serialized) than everything else in the request together. The SCIM writes already
// hold each user's final state, so they store the resource as it will be served, and a page reads those
// documents as they are. A document is used only while its key names the identity's current version and this
// instance's base URL: whatever else changes a user (group membership, an admin's block) bumps the version, so
// the page rebuilds that user instead, and a new base URL retires them all.

/** The JSON a GET of this user answers without a projection (and the page's element for it). */
export function renderDocument(record: ScimUserRecord, baseUrl = config().scimBaseUrl): string {
  return JSON.stringify(toUserResource(record, baseUrl));
}

function baseTag(baseUrl: string): string {
  return crypto.createHash("sha256").update(baseUrl).digest("base64url").slice(0, 10);
}

const tags = new Map<string, string>();
/** What follows the version in a valid document's key: `@` and word characters only (documentIsCurrent writes it into SQL). */
export function documentSuffix(baseUrl = config().scimBaseUrl): string {
  let tag = tags.get(baseUrl);
  if (!tag) {
    tag = `@${baseTag(baseUrl)}`;
    if (!/^@[\w-]+$/.test(tag)) throw new Error(`unexpected document suffix ${tag}`);
    tags.set(baseUrl, tag);
  }
  return tag;
}

/** The document columns of an identity showing `record`. */
export function documentColumns(record: ScimUserRecord, baseUrl = config().scimBaseUrl): { document: string; documentKey: string } {
  return { document: renderDocument(record, baseUrl), documentKey: `${record.version}${documentSuffix(baseUrl)}` };
}

/** Stores the document of a user whose identity now shows `record` (call it last in the write's transaction). */
export async function storeDocument(sql: Sql, record: ScimUserRecord): Promise<void> {
  // Guarded like any store: a group change that bumped the version meanwhile leaves the document to the next page.
  await storeDocumentAt(sql, record, config().scimBaseUrl);
}

/**
 * Stores the document of a user as `record` shows it, only if its identity is still at that version (a user read
 * outside the write may have changed since). Returns whether it stored it.
 */
export async function storeDocumentAt(sql: Sql, record: ScimUserRecord, baseUrl: string): Promise<boolean> {
  const p = sql.dialect.placeholder;
  const { document, documentKey } = documentColumns(record, baseUrl);
  const changed = await sql.execute(
    `UPDATE "ScimIdentity" SET "document" = ${p(1)}, "documentKey" = ${p(2)} WHERE "userId" = ${p(3)} AND "version" = ${p(4)}`,
    [document, documentKey, record.id, record.version],
  );
  return changed > 0;
}

/**
 * SQL that is true when the identity's (alias `i`) document shows its current version under this base URL. The
 * suffix is written into the text, not bound: it is a hash of our own (checked once, by documentSuffix), and a
 * parameter ahead of a filter's would have to come first among SQLite's positional ones.
 */
export function documentIsCurrent(dialect: Dialect, baseUrl = config().scimBaseUrl): string {
  const suffix = documentSuffix(baseUrl);
  const version = dialect.name === "sqlite" ? `i."version"` : `i."version"::text`;
  return `i."documentKey" = ${version} || '${suffix}'`;
}

/** The `document` (when current) and `row` (otherwise, `row` being SQL building the user) columns of a read. */
export function documentOrRow(dialect: Dialect, row: string): string {
  const current = documentIsCurrent(dialect);
  return `CASE WHEN ${current} THEN i."document" END AS "document", CASE WHEN ${current} THEN NULL ELSE ${row} END AS "row"`;
}

/** The document columns of the user as a write leaves it, given the identity's new stamp. */
export type DocumentOf = (stamp: IdentityStamp) => { document: string; documentKey: string };

/** A write that stored a document for a predicted version must have produced exactly that version. */
export function assertVersion(returned: Record<string, unknown>[], expected: number): void {
  const version = Number(returned[0]?.version);
  if (version !== expected) throw new Error(`The identity reached version ${version} instead of ${expected}: its user was not held.`);
}
