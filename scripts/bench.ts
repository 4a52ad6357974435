// `npm run bench [-- --users N --duration S --connections C]`: the performance benchmark (a script, not a test).
// It needs a build (`npm run build`), starts it with `next start` on a fresh database — SQLite, or PostgreSQL on
// the server of BENCH_DATABASE_URL — seeds N users through a fast path, then loads the SCIM API with autocannon on
// loopback and prints requests/s, latency, errors and server memory per workload, and each as a ratio of the
// in-app ceiling (GET /ServiceProviderConfig: the same stack with no database work).
// `--keep` leaves the seeded database in place and prints its URL; `--database <url>` runs on such a database
// again instead of seeding a new one (a million users take minutes to seed), `--only a,c,d` picks workloads.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { migrate } from "../lib/db/migrate";
import { newToken } from "../lib/scim-tokens/token-format";
import { freshDatabase } from "../tests/support/databases";
import { freePort } from "../tests/support/server";
import { providerOf } from "../lib/db/provider";
import { benchUserName, seededIds, seedUsers, settleDatabase } from "./bench/seed";
import { refreshUserDocuments } from "./bench/documents";
import { startBenchServer, treeRssMb } from "./bench/server";
import { insertToken } from "./bench/token";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "32" },
    only: { type: "string" },
    database: { type: "string" },
    keep: { type: "boolean", default: false },
    // A V8 CPU profile of the server over the whole run, written to this folder when it stops (open in DevTools).
    profile: { type: "string" },
    // Extra Node.js flags for the server, e.g. "--max-semi-space-size=4" to weigh memory against speed.
    "node-flags": { type: "string" },
  },
});
let USERS = Number(args.users);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const log = (msg: string) => console.error(msg);

if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("No build: run `npm run build` first (the benchmark builds nothing itself).");
  process.exit(1);
}

type Row = { workload: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; rssMb: number };

const provider = args.database ? providerOf(args.database) : process.env.BENCH_DATABASE_URL ? "postgresql" : "sqlite";
if (provider === "postgresql" && process.env.BENCH_DATABASE_URL) process.env.TEST_POSTGRES_URL = process.env.BENCH_DATABASE_URL;
const database = args.database ? { provider, url: args.database, drop: async () => {} } : await freshDatabase(provider, "bench");
let stop = () => {};
try {
  let ids: string[];
  if (args.database) {
    await migrate(database.url);
    ids = await seededIds(database.url);
    USERS = ids.length;
    log(`database: ${provider}, reused; ${USERS.toLocaleString("en")} seeded users`);
  } else {
    log(`database: ${provider}; migrating and seeding ${USERS.toLocaleString("en")} users…`);
    await migrate(database.url);
    const seedStarted = Date.now();
    ({ ids } = await seedUsers(database.url, USERS, log));
    log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  }
  // What POST /Users would have stored with each user: its SCIM document (a kept database only needs the stale ones).
  const documentsStarted = Date.now();
  const documented = await refreshUserDocuments(database.url);
  if (documented) {
    log(`rendered ${documented.toLocaleString("en")} user documents in ${((Date.now() - documentsStarted) / 1000).toFixed(1)} s`);
    await settleDatabase(database.url);
  }
  const token = newToken();
  await insertToken(database.url, token);
  const server = await startBenchServer(database.url, await freePort(), [
    ...(args.profile ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(args.profile)}`] : []),
    ...(args["node-flags"]?.split(/\s+/).filter(Boolean) ?? []),
  ]);
  stop = server.stop;
  const auth = { Authorization: `Bearer ${token.token}`, "Content-Type": "application/scim+json" };
  const random = (n: number) => crypto.randomInt(n);
  let created = 0;

  const workloads: { name: string; request: () => { method: "GET" | "POST" | "PATCH"; path: string; body?: string } }[] = [
    { name: "a. GET filter userName eq", request: () => ({ method: "GET", path: `/api/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${benchUserName(random(USERS))}"`)}` }) },
    {
      name: "b. POST create user",
      request: () => {
        const userName = `new${process.pid}-${created++}-${random(1e9)}@bench.example.com`;
        const body = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, name: { givenName: "New", familyName: "User" }, emails: [{ primary: true, value: userName, type: "work" }], displayName: "New User", locale: "en-US", externalId: `x-${userName}`, groups: [], password: "Sup3rSecret!", active: true };
        return { method: "POST", path: "/api/scim/v2/Users", body: JSON.stringify(body) };
      },
    },
    {
      name: "c. PATCH deactivate/reactivate",
      request: () => {
        const body = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active: random(2) === 0 } }] };
        return { method: "PATCH", path: `/api/scim/v2/Users/${ids[random(ids.length)]}`, body: JSON.stringify(body) };
      },
    },
    { name: "d. GET page of 100", request: () => ({ method: "GET", path: `/api/scim/v2/Users?startIndex=${1 + random(Math.max(1, USERS - 100))}&count=100` }) },
    { name: "e. GET ServiceProviderConfig", request: () => ({ method: "GET", path: "/api/scim/v2/ServiceProviderConfig" }) },
  ];

  async function load(workload: (typeof workloads)[number], seconds: number) {
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(server.pid))), 500);
    const result = await autocannon({
      url: server.baseUrl,
      connections: CONNECTIONS,
      duration: seconds,
      // A fresh headers object per request: autocannon writes content-length into the one it is given.
      requests: [{ setupRequest: (req) => ({ ...req, ...workload.request(), headers: { ...auth } }) }],
    });
    clearInterval(sampler);
    return { result, peak: Math.max(peak, treeRssMb(server.pid)) };
  }

  const rows: Row[] = [];
  for (const workload of workloads) {
    if (args.only && !args.only.split(",").some((letter) => workload.name.startsWith(letter.trim()))) continue;
    log(`${workload.name}: warm-up ${WARMUP} s, then ${DURATION} s at ${CONNECTIONS} connections`);
    await load(workload, WARMUP);
    const { result, peak } = await load(workload, DURATION);
    rows.push({ workload: workload.name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts, rssMb: peak });
  }

  // f. One PATCH adding 1,000 members to a group, and a GET of that group without its members.
  const group = await (await fetch(`${server.baseUrl}/api/scim/v2/Groups`, { method: "POST", headers: auth, body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Bench ${Date.now()}` }) })).json();
  const members = Array.from({ length: Math.min(1000, ids.length) }, (_, i) => ({ value: ids[i] }));
  const patchStarted = performance.now();
  const patched = await fetch(`${server.baseUrl}/api/scim/v2/Groups/${group.id}`, { method: "PATCH", headers: auth, body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: members }] }) });
  const patchMs = Math.round(performance.now() - patchStarted);
  const getStarted = performance.now();
  const fetched = await fetch(`${server.baseUrl}/api/scim/v2/Groups/${group.id}?excludedAttributes=members`, { headers: auth });
  const getMs = Math.round(performance.now() - getStarted);
  rows.push({ workload: "f. PATCH +1,000 members", rps: 0, p50: patchMs, p99: patchMs, non2xx: patched.ok ? 0 : 1, errors: 0, rssMb: treeRssMb(server.pid) });
  rows.push({ workload: "f. GET group, no members", rps: 0, p50: getMs, p99: getMs, non2xx: fetched.ok ? 0 : 1, errors: 0, rssMb: treeRssMb(server.pid) });

  const ceiling = rows.find((r) => r.workload.startsWith("e."))?.rps ?? 0;
  const table = rows.map((r) => ({ ...r, ratio: r.rps && ceiling ? Number((r.rps / ceiling).toFixed(2)) : null }));
  console.log(`\nSCIM benchmark — ${provider}, ${USERS.toLocaleString("en")} users, ${CONNECTIONS} connections, ${DURATION} s per workload`);
  console.table(table.map((r) => ({ workload: r.workload, "req/s": r.rps || "—", "p50 ms": r.p50, "p99 ms": r.p99, non2xx: r.non2xx, errors: r.errors, "RSS MB": r.rssMb, "× e": r.ratio ?? "—" })));
  const out = path.join("bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}-${provider}-${USERS}.json`);
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ provider, users: USERS, connections: CONNECTIONS, duration: DURATION, at: new Date().toISOString(), rows: table }, null, 2));
  console.log(`written to ${out}`);
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 500));
  if (args.keep && !args.database) log(`kept the database: --database ${database.url}`);
  else await database.drop();
}
