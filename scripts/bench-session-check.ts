// `npx tsx scripts/bench-session-check.ts [--users 10000] [--lookups 10000] [--concurrency 16]`: what the
// per-request session check costs (a script, not a test). With JWT sessions a block can only end a session at its
// next request if every request reads the user (state, sessionVersion, role) from the database: this times that
// read — the very function checkSession() calls, and the Prisma findUnique it replaced — on a fresh SQLite database
// (and on PostgreSQL when TEST_POSTGRES_URL answers), next to what every request already pays to decrypt
// next-auth's JWT cookie.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { encode, decode } from "next-auth/jwt";
import { SIGNED_IN_COLUMNS } from "../lib/auth/judge-session";
import { readSignedInUser } from "../lib/auth/read-signed-in-user";
import { createDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import type { Provider } from "../lib/db/provider";
import { freshDatabase, postgresAvailable } from "../tests/support/databases";
import { seedUsers } from "./bench/seed";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "10000" },
    lookups: { type: "string", default: "10000" },
    concurrency: { type: "string", default: "16" },
  },
});
const USERS = Number(args.users);
const LOOKUPS = Number(args.lookups);
const CONCURRENCY = Number(args.concurrency);
const log = (msg: string) => console.error(msg);

type Timing = { label: string; mean: number; p50: number; p99: number; perSecond: number };

/** Runs `fn` n times one after another; per-call microseconds. */
async function sequential(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(500, n); i++) await fn(i); // warm-up: JIT, connection, statement cache
  const samples = new Float64Array(n);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  const totalUs = Number(process.hrtime.bigint() - started) / 1000;
  samples.sort();
  return { label, mean: totalUs / n, p50: samples[Math.floor(n * 0.5)], p99: samples[Math.floor(n * 0.99)], perSecond: n / (totalUs / 1e6) };
}

/** Runs `fn` n times with `c` in flight; calls per second. */
async function concurrent(n: number, c: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: c }, async () => {
    while (next < n) await fn(next++);
  }));
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
}

const row = (t: Timing) =>
  `${t.label.padEnd(50)} ${t.mean.toFixed(1).padStart(8)} ${t.p50.toFixed(1).padStart(8)} ${t.p99.toFixed(1).padStart(8)} ${Math.round(t.perSecond).toLocaleString("en").padStart(10)}`;

async function benchDatabase(provider: Provider): Promise<string[]> {
  const database = await freshDatabase(provider, "benchsession");
  try {
    await migrate(database.url);
    log(`${provider}: seeding ${USERS.toLocaleString("en")} users…`);
    const { ids } = await seedUsers(database.url, USERS, () => {});
    const db = createDb(database.url);
    try {
      const pick = () => ids[crypto.randomInt(ids.length)];
      const floor = await sequential(`${provider}: SELECT 1 (the client's floor)`, LOOKUPS, () => db.$queryRawUnsafe("SELECT 1"));
      const wholeRow = await sequential(`${provider}: user by id, whole row`, LOOKUPS, () => db.user.findUnique({ where: { id: pick() } }));
      const narrow = await sequential(`${provider}: findUnique, the 8 columns`, LOOKUPS, () =>
        db.user.findUnique({ where: { id: pick() }, select: SIGNED_IN_COLUMNS }),
      );
      const check = () => readSignedInUser(db, pick());
      const lookup = await sequential(`${provider}: session check (readSignedInUser)`, LOOKUPS, async () => {
        const user = await check();
        if (!user || user.state !== "active" || user.sessionVersion !== 0) throw new Error("seeded user missing");
      });
      const parallel = await concurrent(LOOKUPS, CONCURRENCY, check);
      return [row(floor), row(wholeRow), row(narrow), row(lookup), `${`${provider}: session check, ${CONCURRENCY} in flight`.padEnd(50)} ${"".padStart(26)} ${Math.round(parallel).toLocaleString("en").padStart(10)}`];
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.drop();
  }
}

// What every signed-in request already pays before any database work: next-auth decrypts its JWE cookie.
const secret = crypto.randomBytes(32).toString("base64url");
const cookie = await encode({ token: { sub: crypto.randomUUID(), role: "user", sessionVersion: 3, name: "Pat", email: "pat@example.com" }, secret });
const jwt = await sequential("JWT cookie decode (next-auth, no database)", LOOKUPS, () => decode({ token: cookie, secret }));

const lines = [row(jwt), ...(await benchDatabase("sqlite"))];
if (await postgresAvailable()) lines.push(...(await benchDatabase("postgresql")));
else log("PostgreSQL does not answer: measured SQLite only");

console.log(`\n${LOOKUPS.toLocaleString("en")} calls each, ${USERS.toLocaleString("en")} users in the database; microseconds per call\n`);
console.log(`${"".padEnd(50)} ${"mean".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"per second".padStart(10)}`);
for (const line of lines) console.log(line);
