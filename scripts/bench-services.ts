// `npx tsx scripts/bench-services.ts [--users 10000] [--calls 2000] [--provider sqlite|postgresql]`: what each SCIM
// service costs in-process, without HTTP (a script, not a test). `npm run bench` measures the whole stack; this
// shows how the database share of a request splits, so a change on a hot path can be judged on its own.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { freshDatabase } from "../tests/support/databases";
import { seedUsers } from "./bench/seed";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    calls: { type: "string", default: "2000" },
    provider: { type: "string", default: "sqlite" },
  },
});
const USERS = Number(args.users);
const CALLS = Number(args.calls);
const provider = args.provider === "postgresql" ? "postgresql" : "sqlite";

const database = await freshDatabase(provider, "benchsvc");
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "bench-services-secret-0123456789abcdefghijkl";
const { migrate } = await import("../lib/db/migrate");
const { db } = await import("../lib/db");
const { provisionUser } = await import("../lib/users/provision-user");
const { updateScimUser } = await import("../lib/users/update-scim-user");
const { listScimUsers } = await import("../lib/users/list-scim-users");
const { findScimUser } = await import("../lib/users/find-scim-user");
const { listParamsFromQuery } = await import("../lib/scim/list-params");
const { PAGING } = await import("../lib/scim-http/request-params");
const { userFromResource } = await import("../lib/scim/users/from-resource");
const { toUserResource } = await import("../lib/scim/users/to-resource");
const { applyPatch } = await import("../lib/scim/patch");
const { USER_RESOURCE_TYPE } = await import("../lib/scim/schema/resource-types");

type Timing = { label: string; mean: number; p50: number; p99: number; cpu: number };

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i + n); // warm-up: JIT, statement caches
  const samples = new Float64Array(n);
  // CPU time of this process is far less noisy than wall time on a shared machine (SQLite runs in-process).
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  const total = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort();
  return { label, mean: total / n, p50: samples[Math.floor(n * 0.5)], p99: samples[Math.floor(n * 0.99)], cpu: (cpu.user + cpu.system) / 1000 / n };
}

try {
  await migrate(database.url);
  console.error(`${provider}: seeding ${USERS.toLocaleString("en")} users…`);
  const { ids, userNames } = await seedUsers(database.url, USERS, () => {});
  const actor = { type: "scim_token" as const, id: "bench", label: "bench" };
  const run = crypto.randomBytes(3).toString("hex");
  const pick = <T>(list: T[]) => list[crypto.randomInt(list.length)];
  const okta = (i: number) =>
    userFromResource({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `svc${run}-${i}@example.com`,
      name: { givenName: "Svc", familyName: `User ${i}` },
      emails: [{ primary: true, value: `svc${run}-${i}@example.com`, type: "work" }],
      displayName: `Svc User ${i}`,
      locale: "en-US",
      externalId: `00u${run}${i}`,
      active: true,
    });
  const toggles = new Map<string, boolean>();
  const results = [
    await time("provisionUser (new user)", CALLS, (i) => provisionUser({ input: okta(i), actor })),
    await time("updateScimUser (active toggle)", CALLS, (i) => {
      const id = ids[i % ids.length];
      const active = !(toggles.get(id) ?? true);
      toggles.set(id, active);
      // What PATCH /Users/{id} runs for Okta's deactivate and reactivate.
      const body = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] };
      return updateScimUser({
        id,
        ifMatch: null,
        actor,
        change: (current) => {
          const { resource, changed } = applyPatch(toUserResource(current.record, "http://bench/scim/v2") as never, body, { schemas: USER_RESOURCE_TYPE });
          return changed ? userFromResource(resource) : null;
        },
      });
    }),
    await time("findScimUser", CALLS, () => findScimUser(pick(ids))),
    await time("listScimUsers userName eq", CALLS, () =>
      listScimUsers(listParamsFromQuery(new URLSearchParams({ filter: `userName eq "${pick(userNames)}"` }), PAGING)),
    ),
    await time("listScimUsers page of 100", Math.ceil(CALLS / 4), () =>
      listScimUsers(listParamsFromQuery(new URLSearchParams({ startIndex: String(1 + crypto.randomInt(Math.max(1, USERS - 100))), count: "100" }), PAGING)),
    ),
  ];
  console.log(`\n${provider}, ${USERS.toLocaleString("en")} users, ${CALLS.toLocaleString("en")} calls each; milliseconds per call\n`);
  console.log(`${"".padEnd(36)} ${"mean".padStart(7)} ${"p50".padStart(7)} ${"p99".padStart(7)} ${"cpu".padStart(7)}`);
  for (const t of results) {
    console.log(`${t.label.padEnd(36)} ${[t.mean, t.p50, t.p99, t.cpu].map((v) => v.toFixed(2).padStart(7)).join(" ")}`);
  }
  await db.$disconnect();
} finally {
  await database.drop();
}
