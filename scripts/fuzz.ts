// `npm run fuzz [-- --requests N --seed S --concurrency C]`: the SCIM fuzzer (a script, not a test). Like the
// benchmark it needs a build, starts it with `next start` on a fresh database — SQLite, or PostgreSQL on the server
// of FUZZ_DATABASE_URL (or BENCH_DATABASE_URL) — seeds users and groups, then sends N generated requests (fast-check,
// reproducible from the seed) over every route and method: broken filters, PATCH documents, bodies, query
// parameters, paths and headers, with valid traffic mixed in. It prints the responses by status and scimType, every
// 5xx and every response that is not SCIM-shaped (target: none), the throughput, and then checks the database
// directly. Exit code 1 on any 5xx, misshapen response, failed request or inconsistency.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { newToken } from "../lib/scim-tokens/token-format";
import { startServer } from "../tests/support/server";
import { seedUsers } from "./bench/seed";
import { insertToken } from "./bench/token";
import { checkConsistency } from "./fuzz/consistency";
import { judgeResponse } from "./fuzz/judge-response";
import { requestArbitrary, type FuzzRequest } from "./fuzz/requests";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "100000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    concurrency: { type: "string", default: "16" },
    users: { type: "string", default: "300" },
    groups: { type: "string", default: "20" },
  },
});
const REQUESTS = Number(args.requests);
const SEED = Number(args.seed);
const CONCURRENCY = Number(args.concurrency);
const BATCH = 100;
const SHOWN = 5;
const log = (msg: string) => console.error(msg);

if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  console.error("No build: run `npm run build` first (the fuzzer builds nothing itself).");
  process.exit(1);
}
const databaseUrl = process.env.FUZZ_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
const provider = databaseUrl ? "postgresql" : "sqlite";
if (databaseUrl) process.env.TEST_POSTGRES_URL = databaseUrl;

log(`database: ${provider}; seed ${SEED} (replay with --seed ${SEED}); ${REQUESTS.toLocaleString("en")} requests at ${CONCURRENCY} in flight`);
// The rate limit would turn a fuzzer's pace into 429s; the log's pruning runs as configured.
const server = await startServer(provider, { SCIM_RATE_LIMIT: "0", LOG_LEVEL: "info" });
let exitCode = 1;
try {
  const token = newToken();
  await insertToken(server.database.url, token);
  const seeded = await seedUsers(server.database.url, Number(args.users), log);
  const pool = { user: [...seeded.ids], group: [] as string[] };
  const base = `${server.baseUrl}/api/scim/v2`;
  const authJson = { authorization: `Bearer ${token.token}`, "content-type": "application/scim+json" };
  for (let i = 0; i < Number(args.groups); i++) {
    const res = await fetch(`${base}/Groups`, { method: "POST", headers: authJson, body: JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `Seed Group ${i}`, members: seeded.ids.slice(i * 5, i * 5 + 5).map((value) => ({ value })) }) });
    pool.group.push(((await res.json()) as { id: string }).id);
  }

  // Requests are generated in batches of BATCH from seed + batch number, so any one can be regenerated alone.
  const arbitrary = requestArbitrary();
  const batches = new Map<number, ((token: string) => FuzzRequest)[]>();
  const generate = (i: number): FuzzRequest => {
    const b = Math.floor(i / BATCH);
    if (!batches.has(b)) batches.set(b, fc.sample(arbitrary, { seed: SEED + b, numRuns: BATCH }));
    const request = batches.get(b)![i % BATCH](token.token);
    if (i % BATCH === BATCH - 1) batches.delete(b);
    return request;
  };
  const resolve = (text: string) => text.replace(/@@(user|group):(\d+)@@/g, (_m, kind: "user" | "group", n: string) => pool[kind][Number(n) % pool[kind].length]);

  const byStatus = new Map<number, number>();
  const byScimType = new Map<string, number>();
  const byLabel = new Map<string, { sent: number; ok: number; ms: number }>();
  const failures: { kind: string; i: number; request: FuzzRequest; status: number; detail: string; output: string }[] = [];
  let beforeApp = 0;
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

  let next = 0;
  let done = 0;
  const started = performance.now();
  async function worker() {
    for (let i = next++; i < REQUESTS; i = next++) {
      const generated = generate(i);
      const request = { ...generated, path: resolve(generated.path), body: typeof generated.body === "string" ? resolve(generated.body) : generated.body };
      const outputBefore = server.output().length;
      const sentAt = performance.now();
      let status = 0;
      let detail = "";
      try {
        // Bytes, not a string: fetch would add `text/plain` to a string body sent without a Content-Type.
        const body = request.body === undefined ? undefined : ((typeof request.body === "string" ? Buffer.from(request.body) : request.body) as unknown as BodyInit);
        const res = await fetch(base + request.path, { method: request.method, headers: request.headers, body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        const text = await res.text();
        const verdict = judgeResponse(request.method, res.status, res.headers.get("content-type"), text);
        status = res.status;
        if (verdict.beforeApp) beforeApp++;
        if (request.method === "POST" && status === 201 && request.path.startsWith("/Users")) pool.user.push(JSON.parse(text).id);
        if (request.method === "POST" && status === 201 && request.path.startsWith("/Groups")) pool.group.push(JSON.parse(text).id);
        if (status >= 400 && status < 500) bump(byScimType, `${status} ${verdict.scimType ?? "(no scimType)"}`);
        if (status >= 500) detail = text.slice(0, 500);
        else if (verdict.problem) detail = `${verdict.problem}: ${text.slice(0, 300)}`;
        if (status >= 500 || verdict.problem) {
          await new Promise((r) => setTimeout(r, 200));
          failures.push({ kind: status >= 500 ? "5xx" : "shape", i, request, status, detail, output: server.output().slice(outputBefore, outputBefore + 4000) });
        }
      } catch (error) {
        failures.push({ kind: "failed", i, request, status, detail: String(error), output: server.output().slice(outputBefore, outputBefore + 4000) });
      }
      bump(byStatus, status);
      const label = byLabel.get(generated.label) ?? { sent: 0, ok: 0, ms: 0 };
      byLabel.set(generated.label, { sent: label.sent + 1, ok: label.ok + (status >= 200 && status < 300 ? 1 : 0), ms: label.ms + performance.now() - sentAt });
      if (++done % 10_000 === 0) log(`  ${done.toLocaleString("en")} sent, ${Math.round(done / ((performance.now() - started) / 1000))}/s, ${failures.length} failures`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;

  const sorted = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`\nSCIM fuzz — ${provider}, seed ${SEED}, ${done.toLocaleString("en")} requests sent in ${seconds.toFixed(0)} s (${Math.round(done / seconds)} requests/s at ${CONCURRENCY} in flight)`);
  console.log("\nresponses by status:");
  console.table(Object.fromEntries([...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => [s === 0 ? "no response" : s, n])));
  console.log("4xx by scimType:");
  console.table(Object.fromEntries(sorted(byScimType)));
  console.log("requests by kind:");
  console.table(Object.fromEntries([...byLabel.entries()].sort().map(([l, v]) => [l, { sent: v.sent, "2xx": v.ok, "mean ms": Math.round(v.ms / v.sent) }])));
  if (beforeApp) console.log(`${beforeApp} refused by Node's HTTP parser before the app (431: a URL over 16 KiB; no body to shape)`);

  const count = (kind: string) => failures.filter((f) => f.kind === kind).length;
  console.log(`\n5xx: ${count("5xx")}   not SCIM-shaped: ${count("shape")}   no response: ${count("failed")}`);
  // The first few of each kind, in full.
  for (const f of ["5xx", "shape", "failed"].flatMap((kind) => failures.filter((x) => x.kind === kind).slice(0, SHOWN))) {
    console.log(`\n--- #${f.i} (${f.kind}, status ${f.status}) ${f.request.method} ${f.request.path.slice(0, 2000)}`);
    console.log(`headers: ${JSON.stringify({ ...f.request.headers, authorization: f.request.headers.authorization ? "[token]" : undefined })}`);
    const body = f.request.body === undefined ? "(none)" : typeof f.request.body === "string" ? f.request.body : `bytes ${Buffer.from(f.request.body).toString("hex")}`;
    console.log(`body (${body.length} chars): ${body.slice(0, 3000)}`);
    console.log(`response: ${f.detail}`);
    console.log(`server output around it:\n${f.output || "(none)"}`);
  }

  console.log("\nconsistency of the database afterwards:");
  const checks = await checkConsistency(server.database.url, server.baseUrl, token.token);
  for (const c of checks) console.log(`  ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
  const bad = failures.length + checks.filter((c) => !c.ok).length;
  console.log(bad ? `\nFAILED: ${failures.length} bad responses, ${checks.filter((c) => !c.ok).length} inconsistencies` : "\npassed: no 5xx, every response SCIM-shaped, database consistent");
  exitCode = bad ? 1 : 0;
} finally {
  await server.stop();
}
process.exit(exitCode);
