import type { SqlReader } from "../db/reader";
import { log } from "../log";
import { ANCHOR_SPACING, anchorFor, lastKey, NO_ANCHORS, stillHold, wantsMore, type PageAnchors } from "../scim/page-anchors";
import { keysAfter, selectListedPage } from "./scim-user-page";
import type { PageUser } from "./scim-user-query";

// A page of the unfiltered list at any depth in about the time of the first page: it seeks from the nearest page
// anchor (lib/scim/page-anchors.ts) instead of walking every identity before it. The anchors are this process's
// own, one set per database reader; every instance behind a load balancer keeps its own, and the page's statement
// checks them against the database each time, so none ever serves a page from anchors that moved.
//
// A request never waits for the anchors: without usable ones it walks from the top as before (one OFFSET walk),
// and the anchors are found meanwhile, one walk at a time, on the first request deeper than one spacing. So a
// burst of deprovisions (each one a new generation) costs at most one background walk at a time, never a wait.

type Cache = { anchors: PageAnchors; walking?: Promise<void> };
const caches = new WeakMap<SqlReader, Cache>();

function cacheOf(reader: SqlReader): Cache {
  let cache = caches.get(reader);
  if (!cache) caches.set(reader, (cache = { anchors: NO_ANCHORS }));
  return cache;
}

/** Page `offset` (0-based) of `limit` listed users, and the total; with `documents`, current ones as documents. */
export async function listedPage(reader: SqlReader, offset: number, limit: number, documents = false): Promise<{ total: number; users: PageUser[] }> {
  const cache = cacheOf(reader);
  const anchors = cache.anchors;
  const start = anchors.generation === null ? { key: null, skip: offset } : anchorFor(anchors, offset);
  const first = await selectListedPage(reader, { start, limit, tailFrom: start.key ? lastKey(anchors) : null, documents });
  const usable = start.key === null || stillHold(anchors, first.seen);
  if (anchors.generation !== null && (!usable || anchors.generation !== first.seen.generation)) forget(cache, anchors);
  if (offset >= ANCHOR_SPACING && wantsMore(cache.anchors, first.seen.total)) void walk(reader, cache);
  if (usable) return { total: first.seen.total, users: first.users };
  const plain = await selectListedPage(reader, { start: { key: null, skip: offset }, limit, tailFrom: null, documents });
  return { total: plain.seen.total, users: plain.users };
}

/** The anchors once any walk under way has ended (for tests and tools). */
export async function settledAnchors(reader: SqlReader): Promise<PageAnchors> {
  const cache = cacheOf(reader);
  await cache.walking;
  return cache.anchors;
}

function forget(cache: Cache, anchors: PageAnchors) {
  if (cache.anchors === anchors) cache.anchors = NO_ANCHORS;
}

/**
 * Extends the anchors to the end of the list (finds them from the top when there are none, or when the generation
 * moved on): from a seek in the index, a skip of one spacing per anchor, in batches (./scim-user-page.ts), each
 * read with the generation. If the generation moves during the walk, nothing is kept. Inserts meanwhile are
 * caught by the check of the page that uses them.
 */
function walk(reader: SqlReader, cache: Cache): Promise<void> {
  cache.walking ??= (async () => {
    let from = cache.anchors;
    let batch = await keysAfter(reader, lastKey(from), ANCHOR_SPACING);
    if (batch.generation !== from.generation) {
      from = { generation: batch.generation, keys: [] };
      if (cache.anchors.keys.length) batch = await keysAfter(reader, null, ANCHOR_SPACING);
    }
    const keys = [...from.keys];
    while (batch.generation === from.generation && batch.keys.length) {
      keys.push(...batch.keys);
      batch = await keysAfter(reader, keys.at(-1)!, ANCHOR_SPACING);
    }
    if (batch.generation === from.generation) cache.anchors = { generation: from.generation, keys };
  })()
    .catch((error) => log.warn("could not find the page anchors", { error: (error as Error).message }))
    .finally(() => (cache.walking = undefined));
  return cache.walking;
}
