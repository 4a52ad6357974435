// Where a deep page of the default SCIM order (creation time, then id) starts, without walking every identity
// before it: the sort keys of every `spacing`-th listed identity, found once by one walk of the index. A page then
// seeks to the nearest anchor at or before its start and skips fewer than `spacing` entries from there.
//
// Anchors are trusted only while both hold, read in the same statement as the page they serve:
// - the generation has not changed: no listed identity left, came back or changed its key (the tally triggers bump
//   it), so none moved up a place;
// - the identities before the last anchor still number exactly what the anchors say. The only other change, an
//   insert, can only add to that number, and that catches an identity created with an old creation time, even by
//   a transaction that committed after the anchors were found (a check inside the inserting transaction could
//   not see such a race). Appends, the normal create, land after the last anchor and change nothing.

// A page skips fewer than this many entries from its anchor, and the check counts fewer than twice this many. 1,000
// cost PostgreSQL's page a third more than 250 (a longer skip, a longer count); the walk takes 4 × the anchors.
export const ANCHOR_SPACING = 250;

/** A sort key: the creation time exactly as the driver handed it over (sent back unchanged), and the identity id. */
export type AnchorKey = readonly [createdAt: unknown, id: string];

/** keys[j] is the key of the listed identity at 0-based position (j + 1) × spacing, as of `generation`. */
export type PageAnchors = { generation: number | null; keys: readonly AnchorKey[] };

export const NO_ANCHORS: PageAnchors = { generation: null, keys: [] };

/** What the page's statement saw: the tally's total and generation, and the identities from the last anchor on. */
export type Seen = { total: number; generation: number; tail: number | null };

/** Where to start a page at 0-based `offset`: seek to `key` (none: the start of the list), then skip `skip`. */
export function anchorFor(anchors: PageAnchors, offset: number, spacing = ANCHOR_SPACING): { key: AnchorKey | null; skip: number } {
  const j = Math.min(Math.floor(offset / spacing), anchors.keys.length);
  return j === 0 ? { key: null, skip: offset } : { key: anchors.keys[j - 1], skip: offset - j * spacing };
}

export function lastKey(anchors: PageAnchors): AnchorKey | null {
  return anchors.keys.at(-1) ?? null;
}

export function stillHold(anchors: PageAnchors, seen: Seen, spacing = ANCHOR_SPACING): boolean {
  if (anchors.generation !== seen.generation) return false;
  if (!anchors.keys.length) return true;
  return seen.tail !== null && seen.total - seen.tail === anchors.keys.length * spacing;
}

/**
 * Whether the anchors should be extended (or found for the first time): the tail a page's check counts must stay
 * short, so once creates have added two spacings past the last anchor, the walk goes on from there.
 */
export function wantsMore(anchors: PageAnchors, total: number, spacing = ANCHOR_SPACING): boolean {
  return total - anchors.keys.length * spacing >= 2 * spacing;
}
