// Crash safety, on SQLite and PostgreSQL: a concurrent SCIM load (creates, deactivations and reactivations,
// group membership changes) against `next start`, the server's process group killed with SIGKILL in the middle
// of it, then the server started again on the same database. Whatever the server acknowledged must be there,
// whatever was in flight may or may not be, and nothing may be half-written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";
import { acknowledged, runMixedLoad, type LoadRequest } from "../support/mixed-load";
import { possibleStates, type Write } from "../support/possible-states";
import { ScimClient, URN, type Json } from "../support/scim-client";
import { createUser, generateToken, simpleUser, sleep, unique } from "../support/scim-test-helpers";
import { launchServer, stopServer, type ServerProcess } from "../support/server";

const providers = await testProviders();

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const SEED_USERS = 30;
const GROUPS = 4;
const WORKERS = 24;
// The kill comes once this many requests were acknowledged (a busy machine answers fewer per second), after at
// least MIN_LOAD_MS and at most MAX_LOAD_MS of load.
const ACKNOWLEDGED_BEFORE_KILL = 400;
const MIN_LOAD_MS = 2000;
const MAX_LOAD_MS = 30_000;

type Seen = { userName: string; active: boolean };

/** Every user the API lists, by id, paging through all of them. */
async function listUsers(client: ScimClient): Promise<Map<string, Seen>> {
  const users = new Map<string, Seen>();
  for (let startIndex = 1; ; startIndex += 1000) {
    const res = await client.get("/Users", { query: { startIndex, count: 1000, attributes: "userName,active" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const user of res.body.Resources as Json[]) users.set(user.id, { userName: user.userName, active: user.active });
    if (startIndex + 1000 > res.body.totalResults) return users;
  }
}

async function memberIds(client: ScimClient, groupId: string): Promise<Set<string>> {
  const res = await client.get(`/Groups/${groupId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return new Set(((res.body.members ?? []) as Json[]).map((m) => m.value as string));
}

async function rows<T = Json>(db: Db, sql: string): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(sql);
}

/** A write for possibleStates, or none when the server answered with an error (nothing was written). */
function asWrite<V>(request: LoadRequest, value: V): Write<V> | null {
  if (request.status !== null && !acknowledged(request)) return null;
  return { value, sentAt: request.sentAt, answeredAt: request.answeredAt };
}

describe.each(providers)("crash safety on %s", (provider) => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await freshDatabase(provider, "crash");
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    await database?.drop();
  });

  it("keeps every acknowledged write and nothing half-written after SIGKILL in the middle of a load", { timeout: 180_000 }, async () => {
    server = await launchServer(database.url);
    const token = await generateToken({ database });
    let client = new ScimClient(`${server.baseUrl}/api/scim/v2`, token);
    const run = unique();

    const seedUsers: string[] = [];
    for (let i = 0; i < SEED_USERS; i++) seedUsers.push((await createUser(client, simpleUser(`seed-${run}-${i}@example.com`))).id);
    const groupIds: string[] = [];
    for (let i = 0; i < GROUPS; i++) {
      const res = await client.post("/Groups", { schemas: [GROUP], displayName: `Crash ${run} ${i}` });
      expect(res.status).toBe(201);
      groupIds.push(res.body.id);
    }
    // The first request to a route loads its code: warm both PATCH routes, so the load measures the database.
    expect((await client.patch(`/Users/${seedUsers[0]}`, { schemas: [URN.patchOp], Operations: [{ op: "replace", path: "active", value: true }] })).status).toBe(200);
    expect((await client.patch(`/Groups/${groupIds[0]}`, { schemas: [URN.patchOp], Operations: [{ op: "remove", path: "members", value: [{ value: seedUsers[0] }] }] })).status).toBe(204);

    let killed = false;
    const load = runMixedLoad({ client, userIds: seedUsers, groupIds, workers: WORKERS, prefix: `load-${run}`, stopped: () => killed });
    const loadStarted = Date.now();
    while (Date.now() - loadStarted < MAX_LOAD_MS && (Date.now() - loadStarted < MIN_LOAD_MS || load.requests.filter(acknowledged).length < ACKNOWLEDGED_BEFORE_KILL)) await sleep(20);
    killed = true;
    const killedAt = performance.now();
    server.signal("SIGKILL");
    expect(await server.exited).toEqual({ code: null, signal: "SIGKILL" });
    const requests = await load.finished;

    const answered = requests.filter((r) => r.status !== null);
    const inFlight = requests.filter((r) => r.status === null);
    // Before the kill every request gets a 2xx: an error would make the load prove less than it claims.
    expect(answered.filter((r) => !acknowledged(r)).map((r) => `${r.op.kind} ${r.status} ${r.error}`)).toEqual([]);
    expect(inFlight.every((r) => r.sentAt < killedAt)).toBe(true);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeLessThanOrEqual(WORKERS);

    server = await launchServer(database.url);
    client = new ScimClient(`${server.baseUrl}/api/scim/v2`, token);
    const users = await listUsers(client);
    const members = new Map<string, Set<string>>();
    for (const groupId of groupIds) members.set(groupId, await memberIds(client, groupId));

    // Creates: every acknowledged one is there under its id and userName; one in flight may have landed.
    const byUserName = new Map<string, string[]>();
    for (const [id, user] of users) byUserName.set(user.userName.toLowerCase(), [...(byUserName.get(user.userName.toLowerCase()) ?? []), id]);
    expect([...byUserName].filter(([, ids]) => ids.length > 1)).toEqual([]);
    const creates = requests.filter((r) => r.op.kind === "create");
    const missingCreates = creates.filter((r) => acknowledged(r) && users.get(r.id!)?.userName !== (r.op as { userName: string }).userName);
    expect(missingCreates.map((r) => r.id)).toEqual([]);
    const landedInFlight = creates.filter((r) => r.status === null && byUserName.has((r.op as { userName: string }).userName.toLowerCase()));
    const expectedUsers = SEED_USERS + creates.filter(acknowledged).length + landedInFlight.length;
    expect(users.size).toBe(expectedUsers);

    // Deactivations and reactivations: each user's `active` is a value the acknowledged writes allow.
    const activeWrites = new Map<string, Write<boolean>[]>();
    for (const r of requests) {
      if (r.op.kind !== "active") continue;
      const write = asWrite(r, r.op.active);
      if (write) activeWrites.set(r.op.userId, [...(activeWrites.get(r.op.userId) ?? []), write]);
    }
    const wrongActive = [...users].filter(([id, user]) => !possibleStates(true, activeWrites.get(id) ?? []).has(user.active));
    expect(wrongActive).toEqual([]);

    // Memberships: each (group, user) pair's presence is one the acknowledged adds and removes allow.
    const memberWrites = new Map<string, Write<boolean>[]>();
    for (const r of requests) {
      if (r.op.kind !== "members") continue;
      for (const userId of r.op.userIds) {
        const write = asWrite(r, r.op.present);
        const key = `${r.op.groupId} ${userId}`;
        if (write) memberWrites.set(key, [...(memberWrites.get(key) ?? []), write]);
      }
    }
    const wrongMembers: string[] = [];
    for (const groupId of groupIds) {
      for (const userId of users.keys()) {
        const key = `${groupId} ${userId}`;
        if (!possibleStates(false, memberWrites.get(key) ?? []).has(members.get(groupId)!.has(userId))) wrongMembers.push(key);
      }
    }
    expect(wrongMembers).toEqual([]);

    // Acknowledged requests whose effect was found: all of them, given the checks above.
    const found = answered.filter((r) => {
      if (r.op.kind === "create") return users.has(r.id!);
      if (r.op.kind === "active") return possibleStates(true, activeWrites.get(r.op.userId)!).has(users.get(r.op.userId)!.active);
      const { groupId } = r.op;
      return r.op.userIds.every((userId) => possibleStates(false, memberWrites.get(`${groupId} ${userId}`)!).has(members.get(groupId)!.has(userId)));
    });

    await stopServer(server);
    server = undefined;
    const db = createDb(database.url);
    try {
      await expectNothingHalfWritten(db, creates.filter(acknowledged).map((r) => r.id!));
      if (provider === "sqlite") {
        expect(await rows(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
        expect(await rows(db, "PRAGMA foreign_key_check")).toEqual([]);
      }
    } finally {
      await db.$disconnect();
    }

    console.log(
      `crash-safety ${provider}: ${answered.length} requests acknowledged, ${found.length} found, ${inFlight.length} in flight at kill ` +
        `(${creates.filter(acknowledged).length} creates, ${landedInFlight.length} of ${creates.filter((r) => r.status === null).length} in-flight creates landed)`,
    );
    expect(found.length).toBe(answered.length);
  });
});

/** Audit events and rows agree: every user created has its one event, no event or membership names a missing row. */
async function expectNothingHalfWritten(db: Db, acknowledgedIds: string[]): Promise<void> {
  const created = await rows<{ targetId: string; n: unknown }>(
    db,
    `SELECT "targetId", COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'user.created' GROUP BY "targetId"`,
  );
  const createdEvents = new Map(created.map((r) => [r.targetId, Number(r.n)]));
  expect(acknowledgedIds.filter((id) => createdEvents.get(id) !== 1)).toEqual([]);
  const provisioned = await rows<{ userId: string }>(db, `SELECT "userId" FROM "ScimIdentity"`);
  expect(provisioned.filter((r) => createdEvents.get(r.userId) !== 1)).toEqual([]);
  expect(await rows(db, `SELECT e."id" FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."targetId" WHERE e."targetType" = 'user' AND u."id" IS NULL`)).toEqual([]);
  expect(await rows(db, `SELECT e."id" FROM "AuditEvent" e LEFT JOIN "Group" g ON g."id" = e."targetId" WHERE e."targetType" = 'group' AND g."id" IS NULL`)).toEqual([]);
  expect(
    await rows(db, `SELECT m."groupId", m."userId" FROM "GroupMembership" m LEFT JOIN "User" u ON u."id" = m."userId" LEFT JOIN "Group" g ON g."id" = m."groupId" WHERE u."id" IS NULL OR g."id" IS NULL`),
  ).toEqual([]);
  // The state change and its event are one transaction: a user's deactivations and reactivations alternate, and
  // the last one says what the user is now.
  const balance = await rows<{ id: string; state: string; n: unknown }>(
    db,
    `SELECT u."id", u."state", SUM(CASE e."action" WHEN 'user.deactivated' THEN 1 WHEN 'user.reactivated' THEN -1 ELSE 0 END) AS n
       FROM "User" u JOIN "AuditEvent" e ON e."targetId" = u."id" AND e."targetType" = 'user' GROUP BY u."id", u."state"`,
  );
  expect(balance.filter((r) => Number(r.n) !== (r.state === "blocked" ? 1 : 0))).toEqual([]);
}
