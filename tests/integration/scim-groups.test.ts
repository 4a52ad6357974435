// SCIM Groups over real HTTP against `next start`, on SQLite and PostgreSQL: Okta's "Push Groups" flow and
// Microsoft Entra ID's group provisioning with the vendors' documented request bodies (tests/fixtures/okta/groups,
// tests/fixtures/entra/groups; see tests/fixtures/README.md), the rules of the Groups API, the users' read-only
// `groups` attribute, audit events, and a bulk membership change of 2,500 users in one PATCH.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { testProviders } from "../support/databases";
import { URN, type Json, type ScimClient, type ScimResponse } from "../support/scim-client";
import { createUser, expectScimError, expectScimJson, ids, patchBody, simpleUser, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";

const providers = await testProviders();

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

/** A request body from tests/fixtures/<idp>/groups/<name>.json, as a fresh object. */
function groupFixture(idp: "okta" | "entra", name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, idp, "groups", `${name}.json`), "utf8"));
}

/** The member ids a group resource lists, sorted. */
const memberIds = (group: Json): string[] => ((group.members ?? []) as Json[]).map((m) => m.value as string).sort();

const sorted = (values: string[]) => [...values].sort();

describe.each(providers)("SCIM Groups on %s", (provider) => {
  let scim: ScimServer;
  let client: ScimClient;

  beforeAll(async () => {
    scim = await startScimServer(provider);
    client = scim.client;
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  async function newUser(prefix = "member", extra: Json = {}): Promise<Json> {
    return createUser(client, simpleUser(`${prefix}-${unique()}@example.com`, extra));
  }

  async function newGroup(displayName = `Group ${unique()}`, extra: Json = {}): Promise<Json> {
    const res = await client.post("/Groups", { schemas: [GROUP], displayName, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function getGroup(id: string, query: Record<string, string> = {}): Promise<Json> {
    const res = await client.get(`/Groups/${id}`, { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  /** PATCH that must answer 204 No Content with the new ETag. */
  async function patch204(id: string, body: Json): Promise<ScimResponse> {
    const res = await client.patch(`/Groups/${id}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(res.body).toBeNull();
    return res;
  }

  async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
    const db = createDb(scim.server.database.url);
    try {
      return await fn(db);
    } finally {
      await db.$disconnect();
    }
  }

  /** The audit events about one group, oldest first, details parsed. */
  async function groupEvents(groupId: string) {
    const events = await withDb((db) => db.auditEvent.findMany({ where: { targetType: "group", targetId: groupId }, orderBy: [{ at: "asc" }] }));
    return events.map((e) => ({ action: e.action, actorType: e.actorType, targetLabel: e.targetLabel, details: e.details ? JSON.parse(e.details) : null }));
  }

  /** The server's last logged request failure (to explain a 500 in an assertion message). */
  const lastServerError = () =>
    scim.server
      .output()
      .split("\n")
      .filter((line) => line.includes("SCIM request failed"))
      .slice(-1)[0]
      ?.slice(0, 600) ?? "(no error logged)";

  const countActions = (events: { action: string }[]) => events.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.action]: (acc[e.action] ?? 0) + 1 }), {});

  // ---------------------------------------------------------------------------------------------------------
  describe("Okta Push Groups", () => {
    it("pushes a group: displayName lookup finds nothing, POST answers 201 with Location, ETag and members []", async () => {
      const body = groupFixture("okta", "create-group");
      body.displayName = `Test SCIMv2 ${unique()}`;
      const lookup = await client.get("/Groups", { query: { filter: `displayName eq "${body.displayName}"`, startIndex: 1, count: 100 } });
      expect(lookup.status).toBe(200);
      expect(lookup.body).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, Resources: [] });

      const res = await client.post("/Groups", body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expectScimJson(res);
      const group = res.body;
      expect(group).toMatchObject({ schemas: [GROUP], displayName: body.displayName, members: [] });
      expect(group.id).toEqual(expect.any(String));
      expect(group).not.toHaveProperty("externalId");
      expect(group.meta).toMatchObject({ resourceType: "Group", version: 'W/"1"', location: expect.stringMatching(new RegExp(`/api/scim/v2/Groups/${group.id}$`)) });
      expect(res.headers.get("location")).toBe(group.meta.location);
      expect(res.headers.get("etag")).toBe(group.meta.version);
      expect(await getGroup(group.id)).toEqual(group);
    });

    it("runs the documented flow: rename with the id echo, membership update, full push, PUT, DELETE", async () => {
      const alice = await newUser("alice", { displayName: "Alice Example" });
      const bob = await newUser("bob");
      const carol = await newUser("carol");

      const create = groupFixture("okta", "create-group");
      const name = `Test SCIMv2 ${unique()}`;
      create.displayName = name;
      const group = (await client.post("/Groups", create)).body;

      // Okta's "Update a specific Group name": pathless replace echoing the group's id.
      const rename = groupFixture("okta", "patch-rename");
      rename.Operations[0].value.id = group.id;
      rename.Operations[0].value.displayName = `${name} renamed`;
      const renamed = await patch204(group.id, rename);
      expect(renamed.headers.get("etag")).toBe('W/"2"');
      expect((await getGroup(group.id)).displayName).toBe(`${name} renamed`);

      // The id echo without a rename (Okta repeats it with every membership change) is a no-op.
      const echo = groupFixture("okta", "patch-rename");
      echo.Operations[0].value = { id: group.id, displayName: `${name} renamed` };
      expect((await patch204(group.id, echo)).headers.get("etag")).toBe('W/"2"');

      // "Update specific Group membership": remove members[value eq …] + add with display.
      const addBob = groupFixture("okta", "patch-members");
      addBob.Operations[0].path = `members[value eq "${alice.id}"]`; // not a member yet: a no-op
      addBob.Operations[1].value = [{ value: bob.id, display: bob.userName }];
      await patch204(group.id, addBob);
      let current = await getGroup(group.id);
      expect(memberIds(current)).toEqual([bob.id]);

      const swap = groupFixture("okta", "patch-members");
      swap.Operations[0].path = `members[value eq "${bob.id}"]`;
      swap.Operations[1].value = [
        { value: alice.id, display: alice.userName },
        { value: carol.id, display: carol.userName },
      ];
      await patch204(group.id, swap);
      current = await getGroup(group.id);
      expect(memberIds(current)).toEqual(sorted([alice.id, carol.id]));
      const aliceEntry = current.members.find((m: Json) => m.value === alice.id);
      expect(aliceEntry).toEqual({ value: alice.id, display: "Alice Example", $ref: alice.meta.location, type: "User" });

      // The rename echo and a membership change in one request (derived fixture).
      const combined = groupFixture("okta", "patch-rename-and-members");
      combined.Operations[0].value = { id: group.id, displayName: `${name} v20` };
      combined.Operations[1].path = `members[value eq "${carol.id}"]`;
      combined.Operations[2].value = [{ value: bob.id, display: bob.userName }];
      await patch204(group.id, combined);
      current = await getGroup(group.id);
      expect(current.displayName).toBe(`${name} v20`);
      expect(memberIds(current)).toEqual(sorted([alice.id, bob.id]));

      // Full push with replace of members.
      const push = groupFixture("okta", "patch-replace-members");
      push.Operations[0].value = [
        { value: carol.id, display: carol.userName },
        { value: bob.id, display: bob.userName },
      ];
      await patch204(group.id, push);
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([bob.id, carol.id]));

      // AIW integrations send PUT with the full member list.
      const put = groupFixture("okta", "put-group");
      put.displayName = `${name} put`;
      put.members = [{ value: alice.id, display: alice.userName }];
      const replaced = await client.put(`/Groups/${group.id}`, put);
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
      expect(replaced.body.displayName).toBe(`${name} put`);
      expect(memberIds(replaced.body)).toEqual([alice.id]);
      expect(replaced.headers.get("etag")).toBe(replaced.body.meta.version);
      expect(await getGroup(group.id)).toEqual(replaced.body);

      // "Delete a specific Group".
      const del = await client.delete(`/Groups/${group.id}`);
      expect(del.status).toBe(204);
      expectScimError(await client.get(`/Groups/${group.id}`), 404);
      expectScimError(await client.delete(`/Groups/${group.id}`), 404);
      // The users stay, without the group.
      const aliceAfter = await client.get(`/Users/${alice.id}`);
      expect(aliceAfter.status).toBe(200);
      expect(aliceAfter.body).not.toHaveProperty("groups");
    });

    it("answers Okta's group import pages: GET /Groups?startIndex=1&count=100 and GET /Groups/{id}", async () => {
      const member = await newUser();
      const group = await newGroup(undefined, { members: [{ value: member.id }] });
      const page = await client.get("/Groups", { query: { startIndex: 1, count: 100 } });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ schemas: [URN.listResponse], startIndex: 1 });
      expect(Number.isInteger(page.body.totalResults)).toBe(true);
      expect(Number.isInteger(page.body.itemsPerPage)).toBe(true);
      const listed = (page.body.Resources as Json[]).find((g) => g.id === group.id);
      expect(listed).toEqual(await getGroup(group.id));
      expect(memberIds(listed)).toEqual([member.id]);
    });

    it("refuses an id echo naming another group: 400 mutability, nothing changes", async () => {
      const group = await newGroup();
      const other = await newGroup();
      const body = groupFixture("okta", "patch-rename");
      body.Operations[0].value = { id: other.id, displayName: "hijack" };
      const res = await client.patch(`/Groups/${group.id}`, body);
      expectScimError(res, 400, "mutability");
      expect(res.body.detail).toMatch(/^Operations\[0\]: /);
      expect(await getGroup(group.id)).toEqual(group);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("Microsoft Entra group provisioning", () => {
    it("runs the tutorial's flow: create, GET with excludedAttributes=members, filter by displayName, Add/Replace/Remove, delete", async () => {
      const u1 = await newUser("entra1");
      const u2 = await newUser("entra2");
      const create = groupFixture("entra", "create-group");
      create.displayName = `Entra Group ${unique()}`;
      create.externalId = crypto.randomUUID();

      // Entra looks the group up by displayName first, always without members.
      const before = await client.get("/Groups", { query: { excludedAttributes: "members", filter: `displayName eq "${create.displayName}"` } });
      expect(before.status).toBe(200);
      expect(before.body.totalResults).toBe(0);

      const created = await client.post("/Groups", create);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const group = created.body;
      expect(group).toMatchObject({ schemas: [GROUP], displayName: create.displayName, externalId: create.externalId, members: [] });

      const fetched = await getGroup(group.id, { excludedAttributes: "members" });
      expect(fetched).not.toHaveProperty("members");
      expect(fetched).toMatchObject({ id: group.id, displayName: create.displayName, externalId: create.externalId, meta: { resourceType: "Group" } });

      const byName = await client.get("/Groups", { query: { excludedAttributes: "members", filter: `displayName eq "${create.displayName.toUpperCase()}"` } });
      expect(byName.body.totalResults).toBe(1);
      expect(byName.body.Resources[0]).toEqual(fetched);

      const byExternalId = await client.get("/Groups", { query: { excludedAttributes: "members", filter: `externalId eq "${create.externalId}"` } });
      expect(ids(byExternalId)).toEqual([group.id]);

      // Update Group [Add Members]
      const add = groupFixture("entra", "patch-add-members");
      add.Operations[0].value[0].value = u1.id;
      await patch204(group.id, add);
      expect(memberIds(await getGroup(group.id))).toEqual([u1.id]);

      // Add of several members in one operation
      const addMany = groupFixture("entra", "patch-add-multiple-members");
      addMany.Operations[0].value[0].value = u1.id; // already a member: no-op for that one
      addMany.Operations[0].value[1].value = u2.id;
      await patch204(group.id, addMany);
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([u1.id, u2.id]));

      // Update Group [Non-member attributes]
      const rename = groupFixture("entra", "patch-rename");
      rename.Operations[0].value = `${create.displayName} updatedDisplayName`;
      await patch204(group.id, rename);
      expect((await getGroup(group.id, { excludedAttributes: "members" })).displayName).toBe(`${create.displayName} updatedDisplayName`);

      // Update Group [Remove Members]
      const remove = groupFixture("entra", "patch-remove-members");
      remove.Operations[0].value[0].value = u1.id;
      await patch204(group.id, remove);
      expect(memberIds(await getGroup(group.id))).toEqual([u2.id]);

      // The compliant (aadOptscim062020) form, then the default one for an absent member (no-op).
      const compliant = groupFixture("entra", "patch-remove-member-compliant");
      compliant.Operations[0].path = `members[value eq "${u2.id}"]`;
      await patch204(group.id, compliant);
      expect(memberIds(await getGroup(group.id))).toEqual([]);
      const absent = groupFixture("entra", "patch-remove-member-default");
      absent.Operations[0].value[0].value = u2.id;
      await patch204(group.id, absent);

      // Several removed in one operation.
      await patch204(group.id, addMany);
      const removeMany = groupFixture("entra", "patch-remove-multiple-members");
      removeMany.Operations[0].value = [{ $ref: null, value: u1.id }, { $ref: null, value: u2.id }];
      await patch204(group.id, removeMany);
      expect(memberIds(await getGroup(group.id))).toEqual([]);

      // Delete Group
      expect((await client.delete(`/Groups/${group.id}`)).status).toBe(204);
      expectScimError(await client.get(`/Groups/${group.id}`), 404);
      const gone = await client.get("/Groups", { query: { excludedAttributes: "members", filter: `externalId eq "${create.externalId}"` } });
      expect(gone.body.totalResults).toBe(0);
    });

    it("accepts Add, Remove and Replace in any letter case", async () => {
      const user = await newUser();
      const group = await newGroup();
      for (const [add, remove] of [["ADD", "REMOVE"], ["add", "remove"], ["aDd", "rEmOvE"]]) {
        await patch204(group.id, patchBody({ op: add, path: "members", value: [{ value: user.id }] }));
        expect(memberIds(await getGroup(group.id))).toEqual([user.id]);
        await patch204(group.id, patchBody({ op: remove, path: "members", value: [{ value: user.id }] }));
        expect(memberIds(await getGroup(group.id))).toEqual([]);
      }
      await patch204(group.id, patchBody({ op: "REPLACE", path: "displayName", value: `${group.displayName} X` }));
      expect((await getGroup(group.id)).displayName).toBe(`${group.displayName} X`);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("GET /Groups", () => {
    let prefix: string;
    let groups: Json[];
    let member: Json;

    beforeAll(async () => {
      prefix = `list-${unique()}`;
      member = await newUser("lister");
      groups = [];
      // Created out of name order, so that sorting is visible.
      for (const [i, suffix] of ["c", "a", "e", "b", "d"].entries()) {
        groups.push(await newGroup(`${prefix}-${suffix}`, { externalId: `${prefix}-ext-${suffix}`, ...(i % 2 === 0 ? { members: [{ value: member.id }] } : {}) }));
      }
    });

    it("filters with the User filter grammar (eq, sw, co, ew, and/or/not, pr, meta dates), case-insensitively on names", async () => {
      const q = async (filter: string) => {
        const res = await client.get("/Groups", { query: { filter, count: 100 } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return sorted(ids(res));
      };
      const all = sorted(groups.map((g) => g.id));
      const [c, a, e, b, d] = groups.map((g) => g.id);
      expect(await q(`displayName sw "${prefix}-"`)).toEqual(all);
      expect(await q(`displayName sw "${prefix.toUpperCase()}-"`)).toEqual(all);
      expect(await q(`displayName eq "${prefix}-A"`)).toEqual([a]);
      expect(await q(`displayName co "${prefix}-b"`)).toEqual([b]);
      expect(await q(`displayName ew "${prefix.slice(-6)}-e"`)).toEqual([e]);
      expect(await q(`displayName sw "${prefix}-" and (displayName eq "${prefix}-a" or displayName eq "${prefix}-d")`)).toEqual(sorted([a, d]));
      expect(await q(`displayName sw "${prefix}-" and not (displayName eq "${prefix}-a")`)).toEqual(sorted([c, e, b, d]));
      expect(await q(`externalId eq "${prefix.toUpperCase()}-EXT-C"`)).toEqual([c]);
      expect(await q(`displayName sw "${prefix}-" and externalId pr`)).toEqual(all);
      expect(await q(`id eq "${d}"`)).toEqual([d]);
      expect(await q(`displayName sw "${prefix}-" and meta.created ge "2000-01-01T00:00:00Z"`)).toEqual(all);
      expect(await q(`displayName sw "${prefix}-" and meta.lastModified lt "2000-01-01T00:00:00Z"`)).toEqual([]);
      expect(await q(`members[value eq "${member.id}"]`)).toEqual(sorted([c, e, d]));
      // A lookup by a unique attribute keeps every page shape: its total whatever the page, the group once.
      const lookup = `displayName eq "${prefix.toUpperCase()}-A"`;
      expect((await client.get("/Groups", { query: { filter: lookup, startIndex: 2 } })).body).toMatchObject({ totalResults: 1, startIndex: 2, itemsPerPage: 0, Resources: [] });
      expect((await client.get("/Groups", { query: { filter: lookup, count: 0 } })).body).toMatchObject({ totalResults: 1, itemsPerPage: 0, Resources: [] });
      expect(await q(`id eq "${a}" and displayName sw "nobody"`)).toEqual([]);
      expect(await q(`members.value eq "${member.id}"`)).toEqual(sorted([c, e, d]));
      expect(await q(`displayName sw "${prefix}-" and members pr`)).toEqual(sorted([c, e, d]));
    });

    it("refuses bad filters with 400 invalidFilter", async () => {
      for (const filter of ['displayName eq "unterminated', "displayName zz 1", 'nosuchattribute eq "x"', "(displayName"]) {
        expectScimError(await client.get("/Groups", { query: { filter } }), 400, "invalidFilter");
      }
    });

    it("sorts by displayName both ways and pages with startIndex/count", async () => {
      const filter = `displayName sw "${prefix}-"`;
      const names = (res: ScimResponse) => (res.body.Resources as Json[]).map((g) => g.displayName.slice(-1)).join("");
      const asc = await client.get("/Groups", { query: { filter, sortBy: "displayName" } });
      expect(names(asc)).toBe("abcde");
      const desc = await client.get("/Groups", { query: { filter, sortBy: "displayName", sortOrder: "descending" } });
      expect(names(desc)).toBe("edcba");
      const page2 = await client.get("/Groups", { query: { filter, sortBy: "displayName", startIndex: 2, count: 2 } });
      expect(page2.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
      expect(names(page2)).toBe("bc");
      const last = await client.get("/Groups", { query: { filter, sortBy: "displayName", startIndex: 5, count: 2 } });
      expect(names(last)).toBe("e");
      const none = await client.get("/Groups", { query: { filter, count: 0 } });
      expect(none.body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
      // Without sortBy the order is still stable (creation order).
      const unsorted = await client.get("/Groups", { query: { filter } });
      expect(names(unsorted)).toBe("caebd");
    });

    it("projects: excludedAttributes=members drops members, attributes selects, members only when asked", async () => {
      const filter = `displayName sw "${prefix}-"`;
      const excluded = await client.get("/Groups", { query: { filter, excludedAttributes: "members" } });
      for (const g of excluded.body.Resources as Json[]) {
        expect(g).not.toHaveProperty("members");
        expect(g).toMatchObject({ id: expect.any(String), displayName: expect.any(String), meta: { resourceType: "Group" } });
      }
      const onlyName = await client.get("/Groups", { query: { filter, attributes: "displayName" } });
      for (const g of onlyName.body.Resources as Json[]) {
        expect(g.id).toEqual(expect.any(String));
        expect(g.displayName).toEqual(expect.any(String));
        expect(g).not.toHaveProperty("members");
        expect(g).not.toHaveProperty("externalId");
      }
      const withMembers = await client.get("/Groups", { query: { filter: `displayName eq "${prefix}-c"`, attributes: "members" } });
      expect(withMembers.body.Resources[0].members).toEqual([{ value: member.id, $ref: member.meta.location, type: "User", display: expect.any(String) }]);
      expect(withMembers.body.Resources[0]).not.toHaveProperty("displayName");
      const memberValues = await client.get("/Groups", { query: { filter: `displayName eq "${prefix}-c"`, attributes: "members.value" } });
      expect(memberValues.body.Resources[0].members).toEqual([{ value: member.id }]);
      const single = await getGroup(groups[0].id, { excludedAttributes: "members" });
      expect(single).not.toHaveProperty("members");
      const singleNamed = await getGroup(groups[0].id, { attributes: "displayName,externalId" });
      expect(Object.keys(singleNamed).sort()).toEqual(["displayName", "externalId", "id", "schemas"].sort());
    });

    it("answers POST /Groups/.search like GET", async () => {
      const res = await client.post("/Groups/.search", {
        schemas: [URN.searchRequest],
        filter: `displayName sw "${prefix}-"`,
        sortBy: "displayName",
        excludedAttributes: ["members"],
        startIndex: 1,
        count: 3,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.totalResults).toBe(5);
      expect((res.body.Resources as Json[]).map((g) => g.displayName.slice(-1)).join("")).toBe("abc");
      for (const g of res.body.Resources as Json[]) expect(g).not.toHaveProperty("members");
    });

    it("answers 304 to If-None-Match with the current ETag", async () => {
      const res = await client.get(`/Groups/${groups[1].id}`);
      const etag = res.headers.get("etag")!;
      expect(etag).toMatch(/^W\/"\d+"$/);
      expect((await client.get(`/Groups/${groups[1].id}`, { headers: { "if-none-match": etag } })).status).toBe(304);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("POST /Groups", () => {
    it("creates a group with members: 201, members with value/display/$ref", async () => {
      const u1 = await newUser("p1", { displayName: "P One" });
      const u2 = await newUser("p2");
      const group = await newGroup(undefined, { externalId: `ext-${unique()}`, members: [{ value: u1.id }, { value: u2.id, display: "ignored" }, { value: u1.id }] });
      expect(memberIds(group)).toEqual(sorted([u1.id, u2.id]));
      expect(group.members.find((m: Json) => m.value === u1.id)).toEqual({ value: u1.id, display: "P One", $ref: u1.meta.location, type: "User" });
      expect(group.meta.version).toBe('W/"2"'); // created, then its members added, in one transaction
      expect(await getGroup(group.id)).toEqual(group);
    });

    it("refuses a duplicate displayName case-insensitively, and a duplicate externalId: 409 uniqueness", async () => {
      const name = `Dup ${unique()}`;
      const externalId = `dup-${unique()}`;
      await newGroup(name, { externalId });
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: name }), 409, "uniqueness");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: name.toUpperCase() }), 409, "uniqueness");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: `  ${name.toLowerCase()}  ` }), 409, "uniqueness");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: `Other ${unique()}`, externalId: externalId.toUpperCase() }), 409, "uniqueness");
      const found = await client.get("/Groups", { query: { filter: `displayName eq "${name}"` } });
      expect(found.body.totalResults).toBe(1);
    });

    it("answers concurrent POSTs of the same displayName with one 201 and 409s, never a 500", async () => {
      const name = `Race ${unique()}`;
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => client.post("/Groups", { schemas: [GROUP], displayName: i % 2 ? name : name.toUpperCase() })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of results.filter((r) => r.status === 409)) expectScimError(r, 409, "uniqueness");
    });

    it("refuses unknown members with 400 invalidValue and creates nothing", async () => {
      const user = await newUser();
      const name = `Unknown ${unique()}`;
      const res = await client.post("/Groups", { schemas: [GROUP], displayName: name, members: [{ value: user.id }, { value: "no-such-user" }] });
      expectScimError(res, 400, "invalidValue");
      expect(res.body.detail).toContain("no-such-user");
      expect((await client.get("/Groups", { query: { filter: `displayName eq "${name}"` } })).body.totalResults).toBe(0);
      const userAfter = await client.get(`/Users/${user.id}`);
      expect(userAfter.body).not.toHaveProperty("groups");
    });

    it("refuses bodies without a displayName, with bad members or the wrong schema", async () => {
      expectScimError(await client.post("/Groups", { schemas: [GROUP] }), 400, "invalidValue");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: "   " }), 400, "invalidValue");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: `B ${unique()}`, members: ["id"] }), 400, "invalidValue");
      expectScimError(await client.post("/Groups", { schemas: [URN.user], displayName: `B ${unique()}` }), 400, "invalidSyntax");
      expectScimError(await client.post("/Groups", "not json"), 400);
    });

    it("requires the SCIM token", async () => {
      expectScimError(await client.raw("POST", "/Groups", { body: { schemas: [GROUP], displayName: `X ${unique()}` }, authorization: null }), 401);
      expectScimError(await client.raw("GET", "/Groups", { authorization: "Bearer scim_wrong" }), 401);
    });

    it("answers 405 for methods /Groups does not support", async () => {
      const res = await client.patch("/Groups", patchBody());
      expectScimError(res, 405);
      expect(res.headers.get("allow")).toContain("POST");
      expectScimError(await client.delete("/Groups"), 405);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("PUT /Groups/{id}", () => {
    it("replaces name, externalId and members; without members they stay", async () => {
      const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
      const group = await newGroup(undefined, { externalId: `e-${unique()}`, members: [{ value: u1.id }, { value: u2.id }] });
      const name = `Put ${unique()}`;
      const put = await client.put(`/Groups/${group.id}`, { schemas: [GROUP], displayName: name, members: [{ value: u2.id }, { value: u3.id }] });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.displayName).toBe(name);
      expect(put.body).not.toHaveProperty("externalId"); // not in the body: cleared
      expect(memberIds(put.body)).toEqual(sorted([u2.id, u3.id]));

      const keep = await client.put(`/Groups/${group.id}`, { schemas: [GROUP], displayName: `${name} 2`, externalId: "kept-ext" });
      expect(keep.status).toBe(200);
      expect(keep.body).toMatchObject({ displayName: `${name} 2`, externalId: "kept-ext" });
      expect(memberIds(keep.body)).toEqual(sorted([u2.id, u3.id]));

      const empty = await client.put(`/Groups/${group.id}`, { schemas: [GROUP], displayName: `${name} 2`, externalId: "kept-ext", members: [] });
      expect(memberIds(empty.body)).toEqual([]);
      expect(memberIds(await getGroup(group.id))).toEqual([]);
    });

    it("refuses another group's name (409), unknown members (400, nothing changes), an unknown id (404), a stale If-Match (412)", async () => {
      const user = await newUser();
      const a = await newGroup();
      const b = await newGroup(undefined, { members: [{ value: user.id }] });
      expectScimError(await client.put(`/Groups/${b.id}`, { schemas: [GROUP], displayName: a.displayName.toLowerCase() }), 409, "uniqueness");
      expectScimError(await client.put(`/Groups/${b.id}`, { schemas: [GROUP], displayName: "x", members: [{ value: "missing" }] }), 400, "invalidValue");
      expect(await getGroup(b.id)).toEqual(b);
      expectScimError(await client.put(`/Groups/${crypto.randomUUID()}`, { schemas: [GROUP], displayName: `N ${unique()}` }), 404);
      expectScimError(await client.put(`/Groups/${b.id}`, { schemas: [GROUP], displayName: `N ${unique()}` }, { headers: { "if-match": 'W/"999"' } }), 412);
      const ok = await client.put(`/Groups/${b.id}`, { schemas: [GROUP], displayName: b.displayName.toUpperCase() }, { headers: { "if-match": b.meta.version } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      expect(ok.body.displayName).toBe(b.displayName.toUpperCase());
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("PATCH /Groups/{id}", () => {
    it("adds, removes and replaces members and changes displayName/externalId with and without a path", async () => {
      const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
      const group = await newGroup();
      await patch204(group.id, patchBody({ op: "add", path: "members", value: [{ value: u1.id }, { value: u2.id }] }));
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([u1.id, u2.id]));
      await patch204(group.id, patchBody({ op: "remove", path: `members[value eq "${u1.id}"]` }));
      expect(memberIds(await getGroup(group.id))).toEqual([u2.id]);
      await patch204(group.id, patchBody({ op: "replace", path: "members", value: [{ value: u3.id }, { value: u1.id }] }));
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([u1.id, u3.id]));
      await patch204(group.id, patchBody({ op: "remove", path: `members[value eq "${u1.id}" or value eq "${u3.id}"]` }));
      expect(memberIds(await getGroup(group.id))).toEqual([]);
      await patch204(group.id, patchBody({ op: "add", value: { members: [{ value: u2.id }] } }));
      await patch204(group.id, patchBody({ op: "remove", path: "members" }));
      expect(memberIds(await getGroup(group.id))).toEqual([]);

      const name = `Patched ${unique()}`;
      await patch204(group.id, patchBody({ op: "replace", path: "displayName", value: name }));
      await patch204(group.id, patchBody({ op: "replace", path: "externalId", value: "ext-a" }));
      expect(await getGroup(group.id)).toMatchObject({ displayName: name, externalId: "ext-a" });
      await patch204(group.id, patchBody({ op: "replace", value: { displayName: `${name} b`, externalId: "ext-b" } }));
      expect(await getGroup(group.id)).toMatchObject({ displayName: `${name} b`, externalId: "ext-b" });
      await patch204(group.id, patchBody({ op: "replace", value: { [`${GROUP}:displayName`]: `${name} c` } }));
      expect((await getGroup(group.id)).displayName).toBe(`${name} c`);
      await patch204(group.id, patchBody({ op: "remove", path: "externalId" }));
      expect(await getGroup(group.id)).not.toHaveProperty("externalId");
      // A case-only rename of itself is not a clash.
      await patch204(group.id, patchBody({ op: "replace", path: "displayName", value: `${name} C`.toUpperCase() }));
      expect((await getGroup(group.id)).displayName).toBe(`${name} C`.toUpperCase());
    });

    it("applies operations in order: add then remove of the same id leaves it out; replace after adds wins", async () => {
      const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
      const group = await newGroup();
      await patch204(
        group.id,
        patchBody({ op: "add", path: "members", value: [{ value: u1.id }, { value: u2.id }] }, { op: "remove", path: `members[value eq "${u1.id}"]` }),
      );
      expect(memberIds(await getGroup(group.id))).toEqual([u2.id]);
      await patch204(
        group.id,
        patchBody({ op: "remove", path: "members", value: [{ value: u3.id }] }, { op: "add", path: "members", value: [{ value: u3.id }] }),
      );
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([u2.id, u3.id]));
      await patch204(
        group.id,
        patchBody({ op: "add", path: "members", value: [{ value: u1.id }] }, { op: "replace", path: "members", value: [{ value: u1.id }] }, { op: "add", path: "members", value: [{ value: u3.id }] }),
      );
      expect(memberIds(await getGroup(group.id))).toEqual(sorted([u1.id, u3.id]));
    });

    it("treats adding a present member and removing an absent one as no-ops: 204, same version, no audit event", async () => {
      const [u1, u2] = [await newUser(), await newUser()];
      const group = await newGroup(undefined, { members: [{ value: u1.id }] });
      const before = await groupEvents(group.id);
      const add = await patch204(group.id, patchBody({ op: "add", path: "members", value: [{ value: u1.id }] }));
      expect(add.headers.get("etag")).toBe(group.meta.version);
      const remove = await patch204(group.id, patchBody({ op: "remove", path: `members[value eq "${u2.id}"]` }));
      expect(remove.headers.get("etag")).toBe(group.meta.version);
      await patch204(group.id, patchBody({ op: "Remove", path: "members", value: [{ value: u2.id }] }));
      await patch204(group.id, patchBody({ op: "replace", path: "members", value: [{ value: u1.id }] }));
      await patch204(group.id, patchBody({ op: "replace", path: "displayName", value: group.displayName }));
      await patch204(group.id, patchBody());
      const after = await getGroup(group.id);
      expect(after).toEqual(group);
      expect(await groupEvents(group.id)).toEqual(before);
    });

    it("refuses unknown members with 400 invalidValue, atomically with the rest of the request", async () => {
      const [u1, u2] = [await newUser(), await newUser()];
      const group = await newGroup(undefined, { members: [{ value: u1.id }] });
      const missing = crypto.randomUUID();
      const res = await client.patch(
        `/Groups/${group.id}`,
        patchBody(
          { op: "replace", path: "displayName", value: `Never ${unique()}` },
          { op: "remove", path: `members[value eq "${u1.id}"]` },
          { op: "add", path: "members", value: [{ value: u2.id }, { value: missing }] },
        ),
      );
      expectScimError(res, 400, "invalidValue");
      expect(res.body.detail).toContain(missing);
      expect(await getGroup(group.id)).toEqual(group);
      expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "replace", path: "members", value: [{ value: missing }] })), 400, "invalidValue");
      expect(await getGroup(group.id)).toEqual(group);
    });

    it("refuses a rename to another group's name (case-insensitively): 409 uniqueness", async () => {
      const a = await newGroup();
      const b = await newGroup();
      expectScimError(await client.patch(`/Groups/${b.id}`, patchBody({ op: "replace", path: "displayName", value: a.displayName.toUpperCase() })), 409, "uniqueness");
      expectScimError(await client.patch(`/Groups/${b.id}`, patchBody({ op: "replace", value: { id: b.id, displayName: a.displayName } })), 409, "uniqueness");
      expect(await getGroup(b.id)).toEqual(b);
    });

    it("refuses what cannot be changed or addressed, with the operation's index", async () => {
      const group = await newGroup();
      const cases: [Json, string][] = [
        [patchBody({ op: "remove", path: "displayName" }), "mutability"],
        [patchBody({ op: "replace", path: "id", value: "other" }), "mutability"],
        [patchBody({ op: "add", path: "members", value: [] }, { op: "replace", path: "description", value: "x" }), "invalidPath"],
        [patchBody({ op: "remove", path: 'members[display eq "x"]' }), "invalidPath"],
        [patchBody({ op: "add", path: 'members[value eq "x"]', value: [{ value: "x" }] }), "invalidPath"],
        [patchBody({ op: "add", path: "members", value: [{ display: "no value" }] }), "invalidValue"],
        [patchBody({ op: "replace", path: "displayName", value: "" }), "invalidValue"],
        [patchBody({ op: "remove" }), "noTarget"],
        [patchBody({ op: "move", path: "displayName" }), "invalidSyntax"],
        [{ Operations: [] }, "invalidSyntax"],
      ];
      for (const [body, scimType] of cases) {
        const res = await client.patch(`/Groups/${group.id}`, body);
        expectScimError(res, 400, scimType);
        if (scimType !== "invalidSyntax") expect(res.body.detail).toMatch(/^Operations\[\d+\]: /);
      }
      const indexed = await client.patch(`/Groups/${group.id}`, cases[2][0]);
      expect(indexed.body.detail).toMatch(/^Operations\[1\]: /);
      expect(await getGroup(group.id)).toEqual(group);
    });

    it(`refuses more than 10,000 members in one operation: 400 invalidValue`, async () => {
      const group = await newGroup();
      const value = Array.from({ length: 10_001 }, (_, i) => ({ value: `u${i}` }));
      expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value })), 400, "invalidValue");
    });

    it("answers 404 for an unknown group and 412 for a stale If-Match", async () => {
      expectScimError(await client.patch(`/Groups/${crypto.randomUUID()}`, patchBody({ op: "replace", path: "displayName", value: "x" })), 404);
      const group = await newGroup();
      expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "replace", path: "displayName", value: "x" }), { headers: { "if-match": 'W/"7"' } }), 412);
      const ok = await client.patch(`/Groups/${group.id}`, patchBody({ op: "replace", path: "externalId", value: `x-${unique()}` }), { headers: { "if-match": group.meta.version } });
      expect(ok.status).toBe(204);
      expect(ok.headers.get("etag")).toBe('W/"2"');
    });

    it("returns the group when asked with attributes (200), members only when named", async () => {
      const user = await newUser();
      const group = await newGroup();
      const named = await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: [{ value: user.id }] }), { query: { attributes: "displayName" } });
      expect(named.status, JSON.stringify(named.body)).toBe(200);
      expect(named.body).toMatchObject({ id: group.id, displayName: group.displayName });
      expect(named.body).not.toHaveProperty("members");
      expect(named.headers.get("etag")).toBe('W/"2"');
      const withMembers = await client.patch(`/Groups/${group.id}`, patchBody({ op: "replace", path: "externalId", value: `e-${unique()}` }), { query: { attributes: "members,displayName" } });
      expect(withMembers.status).toBe(200);
      expect(memberIds(withMembers.body)).toEqual([user.id]);
    });

    it("applies concurrent membership PATCHes to the same group without losing any", async () => {
      const users = await Promise.all(Array.from({ length: 8 }, () => newUser("conc")));
      const group = await newGroup();
      const results = await Promise.all(users.map((u) => client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: [{ value: u.id }] }))));
      expect(results.map((r) => r.status), JSON.stringify(results.map((r) => r.body))).toEqual(users.map(() => 204));
      const after = await getGroup(group.id);
      expect(memberIds(after)).toEqual(sorted(users.map((u) => u.id)));
      expect(after.meta.version).toBe(`W/"${1 + users.length}"`);
      expect(countActions(await groupEvents(group.id))["group.members_changed"]).toBe(users.length);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("DELETE /Groups/{id}", () => {
    it("deletes: 204, then 404 for GET, PATCH, PUT and DELETE; members' users stay", async () => {
      const user = await newUser();
      const group = await newGroup(undefined, { members: [{ value: user.id }] });
      expectScimError(await client.delete(`/Groups/${group.id}`, { headers: { "if-match": 'W/"99"' } }), 412);
      const res = await client.delete(`/Groups/${group.id}`);
      expect(res.status).toBe(204);
      expectScimError(await client.get(`/Groups/${group.id}`), 404);
      expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "replace", path: "displayName", value: "x" })), 404);
      expectScimError(await client.put(`/Groups/${group.id}`, { schemas: [GROUP], displayName: `x ${unique()}` }), 404);
      expectScimError(await client.delete(`/Groups/${group.id}`), 404);
      expect((await client.get(`/Users/${user.id}`)).status).toBe(200);
      // The name is free again.
      await newGroup(group.displayName);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("the users' groups attribute", () => {
    it("lists the user's groups (value, display, $ref, type) and follows renames and deletes", async () => {
      const user = await newUser();
      const other = await newUser();
      const g1 = await newGroup(`Users-of ${unique()}`, { members: [{ value: user.id }] });
      const g2 = await newGroup(`Users-of ${unique()}`);
      await patch204(g2.id, patchBody({ op: "add", path: "members", value: [{ value: user.id }, { value: other.id }] }));

      const fetched = (await client.get(`/Users/${user.id}`)).body;
      expect(fetched.groups).toEqual(
        expect.arrayContaining([
          { value: g1.id, display: g1.displayName, $ref: g1.meta.location, type: "direct" },
          { value: g2.id, display: g2.displayName, $ref: g2.meta.location, type: "direct" },
        ]),
      );
      expect(fetched.groups).toHaveLength(2);

      await patch204(g1.id, patchBody({ op: "replace", path: "displayName", value: `${g1.displayName} renamed` }));
      const renamed = (await client.get(`/Users/${user.id}`)).body;
      expect(renamed.groups.find((g: Json) => g.value === g1.id).display).toBe(`${g1.displayName} renamed`);

      // In list responses too.
      const listed = await client.get("/Users", { query: { filter: `id eq "${user.id}"` } });
      expect(sorted(listed.body.Resources[0].groups.map((g: Json) => g.value))).toEqual(sorted([g1.id, g2.id]));

      expect((await client.delete(`/Groups/${g1.id}`)).status).toBe(204);
      expect((await client.get(`/Users/${user.id}`)).body.groups.map((g: Json) => g.value)).toEqual([g2.id]);
    });

    it('filters users by groups.value eq and groups[value eq "…"]', async () => {
      const [u1, u2, u3] = [await newUser(), await newUser(), await newUser()];
      const group = await newGroup(undefined, { members: [{ value: u1.id }, { value: u2.id }] });
      const other = await newGroup(undefined, { members: [{ value: u3.id }] });
      const q = async (filter: string) => {
        const res = await client.get("/Users", { query: { filter, count: 100 } });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return sorted(ids(res));
      };
      expect(await q(`groups.value eq "${group.id}"`)).toEqual(sorted([u1.id, u2.id]));
      expect(await q(`groups[value eq "${group.id}"]`)).toEqual(sorted([u1.id, u2.id]));
      expect(await q(`groups.value eq "${group.id}" or groups.value eq "${other.id}"`)).toEqual(sorted([u1.id, u2.id, u3.id]));
      expect(await q(`groups eq "${other.id}"`)).toEqual([u3.id]);
      await patch204(group.id, patchBody({ op: "remove", path: `members[value eq "${u1.id}"]` }));
      expect(await q(`groups.value eq "${group.id}"`)).toEqual([u2.id]);
    });

    it("ignores groups in a user POST/PUT/PATCH (readOnly): membership changes only through /Groups", async () => {
      const group = await newGroup();
      const created = await client.post("/Users", simpleUser(`ro-${unique()}`, { groups: [{ value: group.id }] }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).not.toHaveProperty("groups");
      expect(memberIds(await getGroup(group.id))).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("deprovisioned users", () => {
    it("are not shown as members after DELETE /Users/{id}, and cannot be added again", async () => {
      const stays = await newUser("stays");
      const leaves = await newUser("leaves");
      const group = await newGroup(undefined, { members: [{ value: stays.id }, { value: leaves.id }] });
      expect((await client.delete(`/Users/${leaves.id}`)).status).toBe(204);

      expect(memberIds(await getGroup(group.id))).toEqual([stays.id]);
      const listed = await client.get("/Groups", { query: { filter: `id eq "${group.id}"` } });
      expect(memberIds(listed.body.Resources[0])).toEqual([stays.id]);
      const res = await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: [{ value: leaves.id }] }));
      expectScimError(res, 400, "invalidValue");
      expectScimError(await client.post("/Groups", { schemas: [GROUP], displayName: `Dep ${unique()}`, members: [{ value: leaves.id }] }), 400, "invalidValue");
      // Filters agree with what GET shows: the deprovisioned user is no member any more.
      const only = await newGroup(undefined, { members: [{ value: (await newUser("only")).id }] });
      const onlyMember = only.members[0].value;
      expect((await client.delete(`/Users/${onlyMember}`)).status).toBe(204);
      expect(memberIds(await getGroup(only.id))).toEqual([]);
      const byMember = await client.get("/Groups", { query: { filter: `members[value eq "${leaves.id}"]` } });
      expect.soft(ids(byMember), "members[value eq <deprovisioned user>] still matches the group").toEqual([]);
      const byMemberValue = await client.get("/Groups", { query: { filter: `members.value eq "${onlyMember}"` } });
      expect.soft(ids(byMemberValue), "members.value eq <deprovisioned user> still matches the group").toEqual([]);
      const present = await client.get("/Groups", { query: { filter: `id eq "${only.id}" and members pr` } });
      expect.soft(ids(present), "members pr matches a group whose only member is deprovisioned").toEqual([]);
    });

    it("are still deactivated-but-visible members when only deactivated (active false)", async () => {
      const user = await newUser("inactive");
      const group = await newGroup(undefined, { members: [{ value: user.id }] });
      const off = await client.patch(`/Users/${user.id}`, patchBody({ op: "replace", path: "active", value: false }));
      expect(off.status).toBe(200);
      expect(memberIds(await getGroup(group.id))).toEqual([user.id]);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("ETags follow membership", () => {
    it("a group's ETag changes with every membership change, so If-None-Match with the old one is not 304", async () => {
      const user = await newUser();
      const group = await newGroup();
      await patch204(group.id, patchBody({ op: "add", path: "members", value: [{ value: user.id }] }));
      const after = await client.get(`/Groups/${group.id}`, { headers: { "if-none-match": group.meta.version } });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(group.meta.version);
    });

    it("a user's ETag changes when its groups attribute changes (joining a group)", async () => {
      const user = await newUser();
      const group = await newGroup();
      await patch204(group.id, patchBody({ op: "add", path: "members", value: [{ value: user.id }] }));
      const res = await client.get(`/Users/${user.id}`, { headers: { "if-none-match": user.meta.version } });
      // A 304 here tells a caching client its copy (without `groups`) is current.
      expect(res.status, `user ETag stayed ${user.meta.version} although groups changed`).toBe(200);
      expect(res.body.groups.map((g: Json) => g.value)).toEqual([group.id]);
      expect(res.body.meta.version).not.toBe(user.meta.version);
    });

    it("a group's ETag changes when one of its members is deprovisioned (the member list it shows changes)", async () => {
      const user = await newUser();
      const group = await newGroup(undefined, { members: [{ value: user.id }] });
      expect((await client.delete(`/Users/${user.id}`)).status).toBe(204);
      const res = await client.get(`/Groups/${group.id}`, { headers: { "if-none-match": group.meta.version } });
      expect(res.status, `group ETag stayed ${group.meta.version} although its members changed`).toBe(200);
      expect(memberIds(res.body)).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("audit events", () => {
    it("records create, rename, ONE members_changed event per membership PATCH with {added, removed}, and delete", async () => {
      const users = await Promise.all(Array.from({ length: 4 }, () => newUser("audit")));
      const name = `Audited ${unique()}`;
      const group = await newGroup(name);
      let events = await groupEvents(group.id);
      expect(events).toEqual([{ action: "group.created", actorType: "scim_token", targetLabel: name, details: null }]);

      await patch204(group.id, patchBody({ op: "add", path: "members", value: users.slice(0, 3).map((u) => ({ value: u.id })) }, { op: "add", path: "members", value: [{ value: users[3].id }] }));
      events = await groupEvents(group.id);
      expect(events.slice(1)).toEqual([{ action: "group.members_changed", actorType: "scim_token", targetLabel: name, details: { added: 4, removed: 0 } }]);

      await patch204(
        group.id,
        patchBody({ op: "remove", path: `members[value eq "${users[0].id}"]` }, { op: "remove", path: "members", value: [{ value: users[1].id }] }, { op: "add", path: "members", value: [{ value: users[0].id }] }),
      );
      events = await groupEvents(group.id);
      expect(events.slice(2)).toEqual([{ action: "group.members_changed", actorType: "scim_token", targetLabel: name, details: { added: 0, removed: 1 } }]);

      await patch204(group.id, patchBody({ op: "replace", value: { id: group.id, displayName: `${name} 2` } }));
      events = await groupEvents(group.id);
      expect(events.slice(3)).toEqual([{ action: "group.updated", actorType: "scim_token", targetLabel: `${name} 2`, details: { from: name, to: `${name} 2` } }]);

      expect((await client.delete(`/Groups/${group.id}`)).status).toBe(204);
      events = await groupEvents(group.id);
      expect(events.slice(4)).toEqual([{ action: "group.deleted", actorType: "scim_token", targetLabel: `${name} 2`, details: { members: 3 } }]);
      expect(countActions(events)).toEqual({ "group.created": 1, "group.members_changed": 2, "group.updated": 1, "group.deleted": 1 });
    });

    it("records no event for a refused PATCH", async () => {
      const group = await newGroup();
      const before = await groupEvents(group.id);
      expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: [{ value: crypto.randomUUID() }] })), 400, "invalidValue");
      expect(await groupEvents(group.id)).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("discovery", () => {
    it("describes Group in /ResourceTypes and /Schemas, and the users' read-only groups attribute", async () => {
      const types = await client.get("/ResourceTypes");
      expect(types.status).toBe(200);
      const groupType = (types.body.Resources as Json[]).find((t) => t.id === "Group");
      expect(groupType).toMatchObject({ name: "Group", endpoint: "/Groups", schema: GROUP, meta: { resourceType: "ResourceType" } });
      const single = await client.get("/ResourceTypes/Group");
      expect(single.status).toBe(200);
      expect(single.body).toEqual(groupType);

      const schemas = await client.get("/Schemas");
      const groupSchema = (schemas.body.Resources as Json[]).find((s) => s.id === GROUP);
      expect(groupSchema).toBeDefined();
      const direct = await client.get(`/Schemas/${GROUP}`);
      expect(direct.status).toBe(200);
      expect(direct.body).toEqual(groupSchema);
      const attrs = Object.fromEntries((groupSchema.attributes as Json[]).map((a) => [a.name, a]));
      expect(attrs.displayName).toMatchObject({ type: "string", required: true });
      expect(attrs.members).toMatchObject({ type: "complex", multiValued: true });
      expect((attrs.members.subAttributes as Json[]).map((a) => a.name)).toEqual(expect.arrayContaining(["value", "$ref", "display", "type"]));

      const userSchema = (await client.get(`/Schemas/${URN.user}`)).body;
      const groups = (userSchema.attributes as Json[]).find((a) => a.name === "groups");
      expect(groups).toMatchObject({ type: "complex", multiValued: true, mutability: "readOnly" });
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  describe("bulk membership", () => {
    it(
      "adds 2,500 users in ONE PATCH (204), then removes 1,200 in one PATCH, each one transaction and one audit event",
      async () => {
        const TOTAL = 2_500;
        const REMOVE = 1_200;
        const BATCH = 20;
        const run = unique();
        const started = performance.now();
        const userIds: string[] = [];
        for (let i = 0; i < TOTAL; i += BATCH) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(BATCH, TOTAL - i) }, async (_, j) => {
              const res = await client.post("/Users", {
                schemas: [URN.user],
                userName: `bulk-${run}-${i + j}@example.com`,
                name: { givenName: "Bulk", familyName: `User ${i + j}` },
                emails: [{ value: `bulk-${run}-${i + j}@example.com`, type: "work", primary: true }],
                active: true,
              });
              expect(res.status, JSON.stringify(res.body)).toBe(201);
              return res.body.id as string;
            }),
          );
          userIds.push(...batch);
        }
        console.log(`[${provider}] created ${TOTAL} users through SCIM in ${Math.round(performance.now() - started)} ms`);

        const group = await newGroup(`Bulk ${run}`);
        let t = performance.now();
        const add = await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: userIds.map((value) => ({ value })) }));
        const addMs = Math.round(performance.now() - t);
        expect(add.status, `${JSON.stringify(add.body)}\n${lastServerError()}`).toBe(204);
        console.log(`[${provider}] PATCH adding ${TOTAL} members: ${addMs} ms`);

        t = performance.now();
        const full = await getGroup(group.id);
        console.log(`[${provider}] GET group with ${TOTAL} members: ${Math.round(performance.now() - t)} ms`);
        expect(full.members).toHaveLength(TOTAL);
        expect(memberIds(full)).toEqual(sorted(userIds));
        expect(full.meta.version).toBe('W/"2"');

        t = performance.now();
        const light = await getGroup(group.id, { excludedAttributes: "members" });
        console.log(`[${provider}] GET group with excludedAttributes=members: ${Math.round(performance.now() - t)} ms`);
        expect(light).not.toHaveProperty("members");

        // The same add again is a no-op.
        t = performance.now();
        const again = await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: userIds.map((value) => ({ value })) }));
        console.log(`[${provider}] PATCH re-adding ${TOTAL} present members (no-op): ${Math.round(performance.now() - t)} ms`);
        expect(again.status).toBe(204);
        expect(again.headers.get("etag")).toBe('W/"2"');

        const removed = userIds.slice(0, REMOVE);
        t = performance.now();
        const remove = await client.patch(`/Groups/${group.id}`, patchBody({ op: "remove", path: "members", value: removed.map((value) => ({ value })) }));
        const removeMs = Math.round(performance.now() - t);
        expect(remove.status, `${JSON.stringify(remove.body)}\n${lastServerError()}`).toBe(204);
        console.log(`[${provider}] PATCH removing ${REMOVE} members: ${removeMs} ms`);

        const after = await getGroup(group.id);
        expect(after.members).toHaveLength(TOTAL - REMOVE);
        expect(memberIds(after)).toEqual(sorted(userIds.slice(REMOVE)));

        // A bulk add that names one unknown user changes nothing at all (one transaction).
        const poisoned = [...removed, crypto.randomUUID()].map((value) => ({ value }));
        expectScimError(await client.patch(`/Groups/${group.id}`, patchBody({ op: "add", path: "members", value: poisoned })), 400, "invalidValue");
        expect((await getGroup(group.id)).members).toHaveLength(TOTAL - REMOVE);

        const memberFilter = await client.get("/Users", { query: { filter: `groups.value eq "${group.id}"`, count: 1 } });
        expect(memberFilter.body.totalResults).toBe(TOTAL - REMOVE);

        const events = (await groupEvents(group.id)).filter((e) => e.action === "group.members_changed");
        expect(events.map((e) => e.details)).toEqual([
          { added: TOTAL, removed: 0 },
          { added: 0, removed: REMOVE },
        ]);
      },
      600_000,
    );
  });
});
