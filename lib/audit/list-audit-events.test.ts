import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders, type TestDatabase } from "../../tests/support/databases";
import { dropProcessDatabase, pointProcessAtFreshDatabase } from "../../tests/support/process-database";
import type { Provider } from "../db/provider";
import type { Db } from "../db";
import type { listAuditEvents as ListAuditEvents } from "./list-audit-events";

const ALICE = "00000000-0000-4000-8000-00000000a11c";
const BOB = "00000000-0000-4000-8000-000000000b0b";
const TOKEN = "00000000-0000-4000-8000-0000000070ce";
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

const EVENTS = [
  { id: "e1", at: minute(1), actorType: "system", actorId: null, actorLabel: "sign-in", action: "admin.sign_in_failed", targetType: "user", targetId: ALICE },
  { id: "e2", at: minute(2), actorType: "user", actorId: ALICE, actorLabel: "Alice", action: "admin.signed_in", targetType: "user", targetId: ALICE },
  { id: "e3", at: minute(3), actorType: "scim_token", actorId: TOKEN, actorLabel: "SCIM token scim_AbCdEfG…", action: "user.created", targetType: "user", targetId: BOB },
  { id: "e4", at: minute(4), actorType: "scim_token", actorId: TOKEN, actorLabel: "SCIM token scim_AbCdEfG…", action: "user.deactivated", targetType: "user", targetId: BOB },
  { id: "e5", at: minute(5), actorType: "user", actorId: ALICE, actorLabel: "Alice", action: "scim_token.generated", targetType: "scim_token", targetId: TOKEN },
  { id: "e6", at: minute(6), actorType: "scim_token", actorId: TOKEN, actorLabel: "SCIM token scim_AbCdEfG…", action: "group.created", targetType: "group", targetId: BOB },
];

const providers = await testProviders();

describe.each(providers)("listAuditEvents on %s", (provider: Provider) => {
  let database: TestDatabase;
  let listAuditEvents: typeof ListAuditEvents;
  let db: Db;
  const ids = async (options: Partial<Parameters<typeof ListAuditEvents>[0]>) =>
    (await listAuditEvents({ page: 1, perPage: 50, ...options })).events.map((e) => e.id);

  beforeAll(async () => {
    database = await pointProcessAtFreshDatabase(provider, "audit");
    ({ listAuditEvents } = await import("./list-audit-events"));
    ({ db } = await import("../db"));
    await db.user.createMany({
      data: [
        { id: ALICE, username: "Alice", usernameNorm: "alice", name: "Alice" },
        { id: BOB, username: "bob.smith", usernameNorm: "bob.smith", name: "Bob" },
      ],
    });
    await db.auditEvent.createMany({ data: EVENTS });
  });

  afterAll(async () => {
    await dropProcessDatabase(database, db);
  });

  it("lists every event, newest first, a page at a time", async () => {
    expect(await ids({})).toEqual(["e6", "e5", "e4", "e3", "e2", "e1"]);
    const second = await listAuditEvents({ page: 2, perPage: 4 });
    expect(second.total).toBe(6);
    expect(second.events.map((e) => e.id)).toEqual(["e2", "e1"]);
    expect((await listAuditEvents({ page: 3, perPage: 4 })).events).toEqual([]);
  });

  it("filters by action", async () => {
    expect(await ids({ action: "user.created" })).toEqual(["e3"]);
    expect(await ids({ action: "no.such_action" })).toEqual([]);
  });

  it("matches the actor's label case-insensitively, or its id exactly", async () => {
    expect(await ids({ actor: "aLiCe" })).toEqual(["e5", "e2"]);
    expect(await ids({ actor: "SCIM_abcdefg" })).toEqual(["e6", "e4", "e3"]);
    expect(await ids({ actor: "  sign-IN " })).toEqual(["e1"]);
    expect(await ids({ actor: TOKEN })).toEqual(["e6", "e4", "e3"]);
    // No LIKE wildcards: "%" and "_" are plain characters.
    expect(await ids({ actor: "%" })).toEqual([]);
    expect(await ids({ actor: "a_ice" })).toEqual([]);
  });

  it("filters by target user, given a username (any case) or an id", async () => {
    expect(await ids({ user: "BOB.Smith" })).toEqual(["e4", "e3"]);
    expect(await ids({ user: ALICE })).toEqual(["e2", "e1"]);
    expect(await ids({ user: "nobody" })).toEqual([]);
  });

  it("combines filters", async () => {
    expect(await ids({ actor: "scim", user: "bob.smith", action: "user.deactivated" })).toEqual(["e4"]);
    const page = await listAuditEvents({ actor: "alice", page: 1, perPage: 1 });
    expect(page).toMatchObject({ total: 2, events: [{ id: "e5", actorLabel: "Alice", targetType: "scim_token" }] });
  });
});
