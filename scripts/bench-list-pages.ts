// `npx tsx scripts/bench-list-pages.ts --database <url> [--pages 200]`: in-process timings of the unfiltered
// GET /Users page on a seeded database (`npm run bench -- --keep` leaves one), one request at a time, so the
// machine's other load blurs them less than the HTTP benchmark: the anchor walk, a page from the anchors, and
// the page as it was before them (an OFFSET walk from the top, and a COUNT of every listed identity).
import { parseArgs } from "node:util";
import pg from "pg";
import { postgresReader, sqliteReader } from "../lib/db/direct-reader";
import { providerOf } from "../lib/db/provider";
import { listedPage, settledAnchors } from "../lib/users/listed-page";
import { selectListedPage } from "../lib/users/scim-user-page";

const { values: args } = parseArgs({ options: { database: { type: "string" }, pages: { type: "string", default: "200" } } });
if (!args.database) throw new Error("--database <url> is required");
const pool = providerOf(args.database) === "postgresql" ? new pg.Pool({ connectionString: args.database, max: 2 }) : null;
const reader = pool ? postgresReader(pool) : sqliteReader(args.database);
const PAGES = Number(args.pages);

const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`;
};

const { seen } = await selectListedPage(reader, { start: { key: null, skip: 0 }, limit: 1, tailFrom: null });
const total = seen.total;
console.log(`${total.toLocaleString("en")} listed users`);
const offsets = Array.from({ length: PAGES }, () => Math.floor(Math.random() * Math.max(1, total - 100)));

const walk = await time(async () => {
  await listedPage(reader, total - 100, 100);
  await settledAnchors(reader);
});
console.log(`first deep page and the anchor walk: ${walk.toFixed(0)} ms (${(await settledAnchors(reader)).keys.length} anchors)`);
const anchored: number[] = [];
for (const offset of offsets) anchored.push(await time(() => listedPage(reader, offset, 100)));
console.log(`page of 100 from the anchors: ${summary(anchored)}`);
const before: number[] = [];
for (const offset of offsets.slice(0, Math.min(PAGES, 50))) {
  before.push(await time(async () => {
    await selectListedPage(reader, { start: { key: null, skip: offset }, limit: 100, tailFrom: null });
    await reader.query(`SELECT COUNT(*) AS n FROM "ScimIdentity" i WHERE i."deletedAt" IS NULL`, []);
  }));
}
console.log(`page of 100 by OFFSET from the top, with a COUNT (as before): ${summary(before)}`);
await pool?.end();
