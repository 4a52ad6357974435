// `npm run bench [-- --users N --duration S --connections C]`: the performance benchmark (a script, not a test).
// It needs a build (`npm run build`), starts it with `next start` on a fresh database — SQLite, or PostgreSQL on
// the server of BENCH_DATABASE_URL — seeds N users through a fast path, then loads the SCIM API with autocannon on
// loopback and prints requests/s, latency, errors and server memory per workload, and each as a ratio of the
// in-app ceiling (GET /ServiceProviderConfig: the same stack with no database work). e is measured before and
// after each of a–d (a third of the duration each time), and each ratio divides by the mean of those two.
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

/** `ceiling`: the requests/s of e this row is a ratio of (for e itself, its own). */
type Row = { workload: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; rssMb: number; ceiling?: number };

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];

/** e's row over all its measurements: mean requests/s, median latencies, every error, the peak memory. */
function summarizeCeiling(runs: Row[]): Row {
  const rps = Math.round(runs.reduce((sum, r) => sum + r.rps, 0) / runs.length);
  return {
    workload: runs[0].workload,
    rps,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    ceiling: rps,
  };
}

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

  const measured = (workload: (typeof workloads)[number], { result, peak }: Awaited<ReturnType<typeof load>>): Row => ({
    workload: workload.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssMb: peak,
  });
  const picked = workloads.filter((w) => !args.only || args.only.split(",").some((letter) => w.name.startsWith(letter.trim())));
  const ceiling = picked.find((w) => w.name.startsWith("e."));
  const rows: Row[] = [];
  // The machine's speed drifts within a run (it shares its host): each of a–d is divided by the ceiling measured
  // right before and right after it, not by one measurement of e a minute away.
  const ceilingRuns: Row[] = [];
  // One second of each workload first: the first e otherwise measures a server that has not yet run the database
  // paths (their modules, the statements prepared, the JIT), and reads low next to the later ones.
  for (const workload of picked) await load(workload, 1);
  const measureCeiling = async (e: (typeof workloads)[number]) => {
    const seconds = Math.max(1, Math.round(DURATION / 3));
    log(`${e.name}: ${ceilingRuns.length ? 1 : WARMUP} s warm-up, then ${seconds} s`);
    await load(e, ceilingRuns.length ? 1 : WARMUP);
    ceilingRuns.push(measured(e, await load(e, seconds)));
    return ceilingRuns.at(-1)!.rps;
  };
  for (const workload of picked) {
    if (workload === ceiling) continue;
    const before = ceiling ? (ceilingRuns.at(-1)?.rps ?? (await measureCeiling(ceiling))) : 0;
    log(`${workload.name}: warm-up ${WARMUP} s, then ${DURATION} s at ${CONNECTIONS} connections`);
    await load(workload, WARMUP);
    const row = measured(workload, await load(workload, DURATION));
    const after = ceiling ? await measureCeiling(ceiling) : 0;
    rows.push({ ...row, ceiling: ceiling ? Math.round((before + after) / 2) : undefined });
  }
  if (ceiling && !ceilingRuns.length) {
    log(`${ceiling.name}: warm-up ${WARMUP} s, then ${DURATION} s at ${CONNECTIONS} connections`);
    await load(ceiling, WARMUP);
    ceilingRuns.push(measured(ceiling, await load(ceiling, DURATION)));
  }
  if (ceiling) rows.push(summarizeCeiling(ceilingRuns));

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

  const table = rows.map((r) => ({ ...r, ratio: r.rps && r.ceiling ? Number((r.rps / r.ceiling).toFixed(2)) : null }));
  console.log(`\nSCIM benchmark — ${provider}, ${USERS.toLocaleString("en")} users, ${CONNECTIONS} connections, ${DURATION} s per workload`);
  console.table(table.map((r) => ({ workload: r.workload, "req/s": r.rps || "—", "p50 ms": r.p50, "p99 ms": r.p99, non2xx: r.non2xx, errors: r.errors, "RSS MB": r.rssMb, "e req/s": r.ceiling ?? "—", "× e": r.ratio ?? "—" })));
  const out = path.join("bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}-${provider}-${USERS}.json`);
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ provider, users: USERS, connections: CONNECTIONS, duration: DURATION, at: new Date().toISOString(), rows: table, ceilingRuns }, null, 2));
  console.log(`written to ${out}`);
} finally {
  stop();
  await new Promise((r) => setTimeout(r, 500));
  if (args.keep && !args.database) log(`kept the database: --database ${database.url}`);
  else await database.drop();
}
