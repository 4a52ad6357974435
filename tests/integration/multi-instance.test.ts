// Several instances of the app on one database, as deployed behind a load balancer: two `next start` processes on
// one PostgreSQL database (started together, so they also race to migrate it) take concurrent SCIM traffic split
// across both — duplicate creates, deactivate/reactivate of the same users, membership changes of the same group —
// and afterwards the database, both instances' SCIM answers and the audit log must agree with what was answered.
// A SQLite variant runs the duplicate-create race on one instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { readMigrations } from "../../lib/db/migrations";
import { inParallel, StatusTally } from "../support/concurrent";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { ScimClient, type Json, type ScimResponse } from "../support/scim-client";
import { expectScimError, generateToken, patchBody, simpleUser, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";
import { startServer, type TestServer } from "../support/server";

const providers = await testProviders();
const IN_FLIGHT = 64;
const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

type Instance = { name: string; client: ScimClient };
type CreateRequest = { userName: string; norm: string };

/** "user1@example.com" → "uSeR1@ExAmPlE.CoM": the same userName to SCIM, which compares it case-insensitively. */
const otherCase = (s: string) => [...s].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");

/**
 * `distinct` userNames, the first tenth in pairs that share a local part (so both derive the same instance
 * username and race for it), plus `duplicates` repeats of some of them — alternately exact and in other letter case
 * — each placed next to its original so that both are in flight together, on different instances.
 */
function createPlan(run: string, distinct: number, duplicates: number): CreateRequest[] {
  const every = Math.floor(distinct / duplicates);
  const plan: CreateRequest[] = [];
  for (let i = 0; i < distinct; i++) {
    const userName = i < distinct / 10 ? `pair${i >> 1}.${run}@d${i % 2}.example.com` : `user${i}.${run}@example.com`;
    plan.push({ userName, norm: userName.toLowerCase() });
    const k = i / every;
    if (i % every !== 0 || k >= duplicates) continue;
    // Case variants go just before their original, exact repeats just after: either instance may see either first.
    if (k % 2) plan.splice(plan.length - 1, 0, { userName: otherCase(userName), norm: userName.toLowerCase() });
    else plan.push({ userName, norm: userName.toLowerCase() });
  }
  return plan;
}

/** Sends a request and counts its status under `phase instance`; a request that got no answer counts as 0. */
async function send(tally: StatusTally, phase: string, instance: Instance, request: (client: ScimClient) => Promise<ScimResponse>): Promise<ScimResponse> {
  let res: ScimResponse;
  try {
    res = await request(instance.client);
  } catch (error) {
    res = { status: 0, headers: new Headers(), body: String(error) };
  }
  tally.add(`${phase} ${instance.name}`, res.status);
  return res;
}

/** No 5xx and no request without an answer, in any phase. */
function expectNoServerErrors(tally: StatusTally): void {
  const bad = [...tally.statuses()].filter(([status]) => status >= 500 || status === 0);
  expect(bad, tally.lines().join("\n")).toEqual([]);
}

/** The causes of the failures a server logged (5xx answers), one line each. */
function serverFailures(server: TestServer): string[] {
  return server
    .output()
    .split("\n")
    .filter((line) => line.includes('"msg":"SCIM request failed"') || line.includes('"msg":"SCIM request refused'))
    .map((line) => {
      const entry = JSON.parse(line) as { msg: string; method?: string; path?: string; error?: { message?: string } | string };
      return `${entry.msg} ${entry.method} ${entry.path}: ${typeof entry.error === "string" ? entry.error : entry.error?.message}`;
    });
}

/** Fires the creates across `instances` (alternately) and checks the answers, the database and the audit log. */
async function raceCreates(instances: Instance[], db: Db, tally: StatusTally, plan: CreateRequest[]): Promise<Map<string, string>> {
  const responses = await inParallel(
    plan.map((request, i) => () => send(tally, "create", instances[i % instances.length], (c) => c.post("/Users", simpleUser(request.userName)))),
    IN_FLIGHT,
  );
  expectNoServerErrors(tally);

  // Per normalized userName: exactly one 201 with the userName it was sent, every other answer a 409 uniqueness.
  const createdByNorm = new Map<string, string>();
  plan.forEach((request, i) => {
    const res = responses[i];
    if (res.status === 201) {
      expect(createdByNorm.has(request.norm), `two 201s for ${request.norm}`).toBe(false);
      expect(res.body.userName).toBe(request.userName);
      createdByNorm.set(request.norm, res.body.id);
    } else {
      expectScimError(res, 409, "uniqueness");
    }
  });
  const norms = new Set(plan.map((r) => r.norm));
  expect(createdByNorm.size).toBe(norms.size);

  // The database: one identity per userName compared case-insensitively, each the one a 201 returned.
  const clashes = await db.$queryRawUnsafe<unknown[]>(`SELECT lower("userName") FROM "ScimIdentity" GROUP BY lower("userName") HAVING COUNT(*) > 1`);
  expect(clashes).toEqual([]);
  const identities = await db.scimIdentity.findMany({ where: { userNameNorm: { in: [...norms] } }, select: { userId: true, userName: true, user: { select: { usernameNorm: true } } } });
  expect(identities.length).toBe(norms.size);
  const byId = new Map(identities.map((row) => [row.userId, row]));
  for (const [norm, id] of createdByNorm) expect(byId.get(id)?.userName.toLowerCase(), norm).toBe(norm);
  expect(new Set(identities.map((row) => row.user.usernameNorm)).size).toBe(identities.length);

  // One user.created event per 201 and nothing for the 409s.
  const events = await db.auditEvent.findMany({ where: { action: { in: ["user.created", "user.linked"] } }, select: { action: true, targetId: true } });
  expect(events.every((e) => e.action === "user.created")).toBe(true);
  expect(events.map((e) => e.targetId).sort()).toEqual([...createdByNorm.values()].sort());

  // Every instance answers for every user, found by id and by its userName in another case.
  const reads = await inParallel(
    [...createdByNorm].flatMap(([norm, id], i) => [
      () => send(tally, "read", instances[i % instances.length], (c) => c.get(`/Users/${id}`)),
      () => send(tally, "read", instances[(i + 1) % instances.length], (c) => c.findUsers(`userName eq "${otherCase(norm)}"`, { attributes: "userName" })),
    ]),
    IN_FLIGHT,
  );
  [...createdByNorm].forEach(([norm, id], i) => {
    expect(reads[2 * i].status).toBe(200);
    expect(reads[2 * i].body.userName.toLowerCase()).toBe(norm);
    expect(reads[2 * i + 1].body.totalResults).toBe(1);
    expect(reads[2 * i + 1].body.Resources[0].id).toBe(id);
  });
  return createdByNorm;
}

/** How many `action` events each of `ids` has. */
async function eventCounts(db: Db, action: string, ids: string[]): Promise<Map<string, number>> {
  const rows = await db.auditEvent.groupBy({ by: ["targetId"], where: { action, targetId: { in: ids } }, _count: true });
  return new Map(rows.map((row) => [row.targetId ?? "", row._count]));
}

/** Okta deactivates with a pathless replace, Entra with a path and a string boolean: one of each per instance. */
function activeBody(active: boolean, instance: Instance): Json {
  return instance.name === "A" ? patchBody({ op: "replace", value: { active } }) : patchBody({ op: "Replace", path: "active", value: active ? "True" : "False" });
}

const chunk = <T,>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** a1, b1, a2, b2, …: two kinds of work in flight together. */
const interleave = <T,>(a: T[], b: T[]): T[] => Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]]).flat().filter((x): x is T => x !== undefined);

describe.runIf(providers.includes("postgresql"))("two instances on one PostgreSQL database", () => {
  let database: TestDatabase;
  let servers: TestServer[] = [];
  let instances: Instance[];
  let db: Db;
  const tally = new StatusTally();
  let created: string[] = [];
  let deactivated: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase("postgresql", "multi");
    // Started together on an empty database: both run the migrator at once, and only one may apply each migration.
    const started = await Promise.allSettled([0, 1].map(() => startServer("postgresql", {}, { database })));
    servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    for (const s of started) if (s.status === "rejected") throw s.reason;
    const token = await generateToken(servers[0]);
    instances = servers.map((server, i) => ({ name: "AB"[i], client: new ScimClient(`${server.baseUrl}/api/scim/v2`, token) }));
    db = createDb(database.url);
  });
  afterAll(async () => {
    console.log(`multi-instance figures (PostgreSQL, 2 instances, ${IN_FLIGHT} in flight):\n  ${tally.lines().join("\n  ")}`);
    // What a 5xx was: the servers log its cause (never sent to the client).
    for (const server of servers) for (const cause of serverFailures(server).slice(0, 3)) console.log(cause);
    await db?.$disconnect();
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  it("migrated once, though both instances migrated at start-up", async () => {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL`);
    expect(rows.map((r) => r.migration_name).sort()).toEqual(readMigrations("postgresql").map((m) => m.name));
  });

  it("500 concurrent creates, 50 of them duplicates: one user per userName, 201 or 409, no 5xx", async () => {
    const started = performance.now();
    const createdByNorm = await raceCreates(instances, db, tally, createPlan(unique(), 450, 50));
    console.log(`multi-instance: 500 creates and 900 reads over 2 instances in ${Math.round(performance.now() - started)} ms`);
    created = [...createdByNorm.values()];
    expect(created.length).toBe(450);
  }, 300_000);

  it("deactivate/reactivate of the same users and membership changes of the same group, from both at once", async () => {
    expect(created.length, "the users the creates made").toBe(450);
    const [a, b] = instances;
    const users = created.slice(0, 100);
    const groupRes = await send(tally, "group", a, (c) => c.post("/Groups", { schemas: [GROUP_URN], displayName: `Race ${unique()}` }));
    expect(groupRes.status).toBe(201);
    const groupId: string = groupRes.body.id;

    // Round 1, chaotic: four requests per user in flight together, two on each instance, with random states. Only
    // their consistency can be checked: each answer shows the state it asked for, and the data agrees with itself.
    const chaotic = users.flatMap((id) =>
      [a, b, a, b].map((instance) => {
        const active = Math.random() < 0.5;
        return async () => {
          const res = await send(tally, "active-chaotic", instance, (c) => c.patch(`/Users/${id}`, activeBody(active, instance)));
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body.active).toBe(active);
        };
      }),
    );
    // Members: disjoint sets added from each instance, and one set both add at the same time.
    const onlyA = created.slice(100, 160);
    const onlyB = created.slice(160, 220);
    const both = created.slice(220, 240);
    const addFrom = (instance: Instance, ids: string[]) => async () => {
      const op = instance.name === "A" ? "add" : "Add";
      const res = await send(tally, "members-add", instance, (c) => c.patch(`/Groups/${groupId}`, patchBody({ op, path: "members", value: ids.map((value) => ({ value })) })));
      expect(res.status, JSON.stringify(res.body)).toBe(204);
    };
    const adds = [...chunk(onlyA, 10).map((ids) => addFrom(a, ids)), ...chunk(onlyB, 10).map((ids) => addFrom(b, ids)), ...chunk(both, 10).flatMap((ids) => [addFrom(a, ids), addFrom(b, ids)])];
    await inParallel(interleave(chaotic, adds), IN_FLIGHT);

    // Round 2, serialized per user (users still in parallel, instances alternating): the last answer decides.
    const expected = new Map<string, boolean>();
    const serialized = users.map((id, i) => async () => {
      for (let step = 0; step < 3; step++) {
        const instance = instances[(i + step) % 2];
        const active = Math.random() < 0.5;
        const res = await send(tally, "active-serialized", instance, (c) => c.patch(`/Users/${id}`, activeBody(active, instance)));
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.active).toBe(active);
        expected.set(id, active);
      }
    });
    // Okta removes one member per operation (members[value eq …]), Entra a list; both remove the shared part.
    const removeFrom = (instance: Instance, ids: string[]) => async () => {
      const body =
        instance.name === "A"
          ? patchBody(...ids.map((id) => ({ op: "remove", path: `members[value eq "${id}"]` })))
          : patchBody({ op: "Remove", path: "members", value: ids.map((value) => ({ value })) });
      const res = await send(tally, "members-remove", instance, (c) => c.patch(`/Groups/${groupId}`, body));
      expect(res.status, JSON.stringify(res.body)).toBe(204);
    };
    const removed = [...onlyA.slice(0, 30), ...onlyB.slice(0, 30), ...both.slice(0, 10)];
    const removes = [...chunk(onlyA.slice(0, 30), 10).map((ids) => removeFrom(a, ids)), ...chunk(onlyB.slice(0, 30), 10).map((ids) => removeFrom(b, ids)), removeFrom(a, both.slice(0, 10)), removeFrom(b, both.slice(0, 10))];
    await inParallel(interleave(serialized, removes), IN_FLIGHT);
    expectNoServerErrors(tally);

    // Active state: what the last serialized answer said, on both instances and in the database; user state and
    // identity agree for every user; the audit log holds exactly the state changes (they alternate from active).
    for (const instance of instances) {
      const reads = await inParallel(users.map((id) => () => send(tally, "read", instance, (c) => c.get(`/Users/${id}`, { query: { attributes: "active" } }))), IN_FLIGHT);
      expect(reads.map((r) => r.body.active)).toEqual(users.map((id) => expected.get(id)));
    }
    const rows = await db.user.findMany({ select: { id: true, state: true, blockedAt: true, scimIdentity: { select: { active: true } } } });
    for (const row of rows) {
      expect(row.scimIdentity?.active, row.id).toBe(row.state === "active");
      expect(row.blockedAt === null, row.id).toBe(row.state === "active");
    }
    const stateById = new Map(rows.map((row) => [row.id, row.state]));
    for (const id of users) expect(stateById.get(id), id).toBe(expected.get(id) ? "active" : "blocked");
    const deactivations = await eventCounts(db, "user.deactivated", users);
    const reactivations = await eventCounts(db, "user.reactivated", users);
    for (const id of users) expect((deactivations.get(id) ?? 0) - (reactivations.get(id) ?? 0), id).toBe(expected.get(id) ? 0 : 1);
    deactivated = users.filter((id) => !expected.get(id));

    // Members: every acknowledged add minus every acknowledged remove, seen alike by both instances, the database
    // and the users' side; the audit log counts each membership once, and the ETag moved once per change.
    const members = [...onlyA, ...onlyB, ...both].filter((id) => !removed.includes(id)).sort();
    expect(members.length).toBe(70);
    for (const instance of instances) {
      const res = await send(tally, "read", instance, (c) => c.get(`/Groups/${groupId}`));
      expect(((res.body.members ?? []) as Json[]).map((m) => m.value).sort()).toEqual(members);
      const byUser = await send(tally, "read", instance, (c) => c.findUsers(`groups.value eq "${groupId}"`, { count: 0 }));
      expect(byUser.body.totalResults).toBe(70);
    }
    const memberRows = await db.groupMembership.findMany({ where: { groupId }, select: { userId: true } });
    expect(memberRows.map((r) => r.userId).sort()).toEqual(members);
    const changes = await db.auditEvent.findMany({ where: { action: "group.members_changed", targetId: groupId }, select: { details: true } });
    const counts = changes.map((e) => JSON.parse(e.details ?? "{}") as { added: number; removed: number });
    expect(counts.reduce((n, c) => n + c.added, 0)).toBe(onlyA.length + onlyB.length + both.length);
    expect(counts.reduce((n, c) => n + c.removed, 0)).toBe(removed.length);
    const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { version: true } });
    expect(group.version).toBe(1 + changes.length);
    expectNoServerErrors(tally);
  }, 300_000);

  it("a deactivated user re-added from both instances at once comes back once: one 201 with its id, one 409", async () => {
    expect(deactivated.length, "users the previous test left deactivated").toBeGreaterThan(0);
    const identities = await db.scimIdentity.findMany({ where: { userId: { in: deactivated } }, select: { userId: true, userName: true } });
    const before = await eventCounts(db, "user.reactivated", deactivated);
    // Both re-adds of a user in flight together, one with the userName in another case.
    const responses = await inParallel(
      identities.flatMap((row) => instances.map((instance, i) => () => send(tally, "re-add", instance, (c) => c.post("/Users", simpleUser(i ? otherCase(row.userName) : row.userName))))),
      IN_FLIGHT,
    );
    expectNoServerErrors(tally);
    identities.forEach((row, i) => {
      const pair = responses.slice(2 * i, 2 * i + 2);
      const back = pair.filter((res) => res.status === 201);
      expect(back.length, row.userName).toBe(1);
      expect(back[0].body.id).toBe(row.userId);
      expect(back[0].body.active).toBe(true);
      expectScimError(pair.find((res) => res.status !== 201)!, 409, "uniqueness");
    });
    const after = await eventCounts(db, "user.reactivated", deactivated);
    for (const id of deactivated) expect((after.get(id) ?? 0) - (before.get(id) ?? 0), id).toBe(1);
    const states = await db.user.findMany({ where: { id: { in: deactivated } }, select: { state: true, scimIdentity: { select: { active: true } } } });
    expect(states.every((u) => u.state === "active" && u.scimIdentity?.active === true)).toBe(true);
  }, 120_000);
});

describe("one instance on SQLite", () => {
  let scim: ScimServer;
  let db: Db;
  const tally = new StatusTally();

  beforeAll(async () => {
    scim = await startScimServer("sqlite");
    db = createDb(scim.server.database.url);
  });
  afterAll(async () => {
    console.log(`multi-instance figures (SQLite, 1 instance, ${IN_FLIGHT} in flight):\n  ${tally.lines().join("\n  ")}`);
    await db?.$disconnect();
    await scim?.server.stop();
  });

  it("120 concurrent creates, 20 of them duplicates: one user per userName, 201 or 409, no 5xx", async () => {
    const created = await raceCreates([{ name: "A", client: scim.client }], db, tally, createPlan(unique(), 100, 20));
    expect(created.size).toBe(100);
  }, 120_000);
});
