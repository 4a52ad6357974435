// `npx tsx scripts/bench-serialize.ts [--users 10000] [--calls 1000] [--provider sqlite|postgresql]`: where the CPU
// of a SCIM read goes, part by part (the statement, the row mapping, the resource, projection, the JSON text), so
// a change to the read path can be judged on each part. A script, not a test; CPU time, not wall time.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { freshDatabase } from "../tests/support/databases";
import { seedUsers } from "./bench/seed";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    calls: { type: "string", default: "1000" },
    provider: { type: "string", default: "sqlite" },
    // An existing database (seeded by an earlier run or by hand) instead of a fresh one: before/after on the same data.
    url: { type: "string" },
  },
});
const USERS = Number(args.users);
const CALLS = Number(args.calls);
const provider = args.provider === "postgresql" ? "postgresql" : "sqlite";

const database = args.url ? { url: args.url, drop: async () => {} } : await freshDatabase(provider, "benchser");
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "bench-services-secret-0123456789abcdefghijkl";
const { migrate } = await import("../lib/db/migrate");
const { db, reader } = await import("../lib/db");
const { listScimUsers } = await import("../lib/users/list-scim-users");
const { findScimUser } = await import("../lib/users/find-scim-user");
const { listParamsFromQuery } = await import("../lib/scim/list-params");
const { listResponse } = await import("../lib/scim/list-response");
const { PAGING } = await import("../lib/scim-http/request-params");
const { userResource, userResources } = await import("../lib/scim-http/user-response");

/** CPU milliseconds per call of `fn`, after a warm-up (JIT, statement caches). */
async function cpuPerCall(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i + n);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i);
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000 / n;
}

try {
  let ids: string[];
  if (args.url) {
    ids = (await reader().query<{ id: string }>(`SELECT "userId" AS "id" FROM "ScimIdentity" ORDER BY "createdAt", "id"`, [])).map((r) => r.id);
  } else {
    await migrate(database.url);
    console.error(`${provider}: seeding ${USERS.toLocaleString("en")} users…`);
    ({ ids } = await seedUsers(database.url, USERS, () => {}));
    // Memberships for every other user, as a synced directory has: the groups subquery does real work.
    for (let g = 0; g < 20; g++) {
      const group = await db.group.create({ data: { displayName: `Bench group ${g}`, displayNameNorm: `bench group ${g}` } });
      const members = ids.filter((_, i) => i % 2 === 0 && (i / 2) % 20 === g).map((userId) => ({ groupId: group.id, userId }));
      for (let i = 0; i < members.length; i += 200) await db.groupMembership.createMany({ data: members.slice(i, i + 200) });
    }
  }
  const source = reader();
  const total = ids.length;
  const pageParams = (query: Record<string, string> = {}) =>
    listParamsFromQuery(new URLSearchParams({ startIndex: String(2 + crypto.randomInt(Math.max(1, total - 101))), count: "100", ...query }), PAGING);
  // A page's statement, captured once, to time it alone; and its rows, to time everything but the database.
  let captured: { sql: string; params: unknown[] } | undefined;
  await listScimUsers(pageParams(), { dialect: source.dialect, query: (sql, params) => ((captured ??= { sql, params }), source.query(sql, params)) });
  const { sql, params } = captured!;
  const rows = await source.query(sql, params);
  const canned = { dialect: source.dialect, query: async (text: string) => (text === sql ? rows : [{ n: total }]) as never };
  const { records } = await listScimUsers(pageParams(), canned);
  /** What GET /Users does between the request's parameters and the response's body. */
  const serve = async (query: Record<string, string>, from = source) => {
    const params = pageParams(query);
    const { total: n, records } = await listScimUsers(params, from);
    const projection = { attributes: params.attributes, excludedAttributes: params.excludedAttributes };
    return JSON.stringify(listResponse(records.map(userResources(projection)), n, params.startIndex));
  };
  const userName = (i: number) => `user${(i * 7919) % total}@bench.example.com`;
  const results: [string, number][] = [
    ["GET /Users page of 100: service + body", await cpuPerCall(CALLS, () => serve({}))],
    ["  listScimUsers page of 100", await cpuPerCall(CALLS, () => listScimUsers(pageParams()))],
    ["    the page statement alone", await cpuPerCall(CALLS, () => source.query(sql, params))],
    ["    listScimUsers without the database", await cpuPerCall(CALLS, () => listScimUsers(pageParams(), canned))],
    ["  userResource ×100", await cpuPerCall(CALLS, () => records.map((r) => userResource(r)))],
    ["  listResponse + JSON.stringify", await cpuPerCall(CALLS, () => JSON.stringify(listResponse(records.map((r) => userResource(r)), total, 1)))],
    ["page, no database: service + body", await cpuPerCall(CALLS, () => serve({}, canned))],
    ["page, no database, attributes=userName,emails", await cpuPerCall(CALLS, () => serve({ attributes: "userName,emails" }, canned))],
    ["page, no database, excludedAttributes=groups", await cpuPerCall(CALLS, () => serve({ excludedAttributes: "groups" }, canned))],
    ["GET /Users/{id}: findScimUser + body", await cpuPerCall(CALLS, async () => JSON.stringify(userResource((await findScimUser(ids[crypto.randomInt(ids.length)])).record)))],
    ["GET /Users?filter=userName eq: service + body", await cpuPerCall(CALLS, (i) => serve({ filter: `userName eq "${userName(i)}"`, startIndex: "1" }))],
  ];
  console.log(`\n${source.dialect.name}, ${total.toLocaleString("en")} users; CPU ms per call`);
  for (const [label, ms] of results) console.log(`${label.padEnd(48)} ${ms.toFixed(3).padStart(7)}`);
  await db.$disconnect();
} finally {
  await database.drop();
}
