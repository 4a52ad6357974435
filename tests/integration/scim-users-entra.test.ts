// Microsoft Entra ID's provisioning flows against the SCIM Users API over real HTTP, with the request bodies of
// Microsoft's SCIM tutorial and its "Known issues … SCIM 2.0 protocol compliance" page, in both PATCH behaviours:
// the default one and the compliant one of the aadOptscim062020 flag (tests/fixtures/entra, see the README there).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/databases";
import { URN, type Json, type ScimClient } from "../support/scim-client";
import { expectScimError, expectScimJson, ids, loadFixture, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";

const providers = await testProviders();
const ENTERPRISE = URN.enterprise;

/** Entra's Create User request for a user of its own (unique userName, externalId and work email). */
function entraUser(options: { manager?: string } = {}): Json {
  const body = loadFixture("entra", "create-user");
  const suffix = unique();
  body.userName = `Test_User_${crypto.randomUUID()}`;
  body.externalId = crypto.randomUUID();
  body.emails[0].value = `Test_User_${suffix}@testuser.com`;
  if (options.manager === undefined) delete body[ENTERPRISE].manager;
  else body[ENTERPRISE].manager = options.manager;
  return body;
}

async function create(client: ScimClient, body: Json): Promise<Json> {
  const res = await client.post("/Users", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function patch(client: ScimClient, id: string, body: Json): Promise<Json> {
  const res = await client.patch(`/Users/${id}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expectScimJson(res);
  expect(res.body.id).toBe(id);
  const fetched = await client.get(`/Users/${id}`);
  expect(fetched.body).toEqual(res.body);
  return res.body;
}

/** Sets the `value` of every operation whose path is `path` (fixtures carry example values that must be unique here). */
function withValue(body: Json, path: string, value: unknown): Json {
  for (const op of body.Operations) if (op.path === path) op.value = value;
  return body;
}

describe.each(providers)("SCIM Users with Microsoft Entra ID's requests on %s", (provider) => {
  let scim: ScimServer;
  let client: ScimClient;

  beforeAll(async () => {
    scim = await startScimServer(provider);
    client = scim.client;
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  it("passes Test Connection: a filter on a random userName answers an empty list", async () => {
    const res = await client.get("/Users", { query: { filter: `userName eq "${crypto.randomUUID()}"` } });
    expect(res.status).toBe(200);
    expectScimJson(res);
    expect(res.body).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, Resources: [] });
  });

  it("creates a user with externalId, the enterprise extension and a manager", async () => {
    const manager = await create(client, entraUser());
    const body = entraUser({ manager: manager.id });
    const res = await client.post("/Users", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expectScimJson(res);
    const user = res.body;
    expect(res.headers.get("location")).toBe(user.meta.location);
    expect(user.schemas).toEqual(expect.arrayContaining([URN.user, ENTERPRISE]));
    expect(user).toMatchObject({
      userName: body.userName,
      externalId: body.externalId,
      active: true,
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      emails: [{ value: body.emails[0].value, type: "work", primary: true }],
      meta: { resourceType: "User" },
    });
    expect(user[ENTERPRISE]).toEqual({
      employeeNumber: "701984",
      department: "Sales",
      manager: { value: manager.id, $ref: manager.meta.location },
    });
    expect(user).not.toHaveProperty("roles");
  });

  it("finds the user by externalId and by userName filters", async () => {
    const user = await create(client, entraUser());
    for (const filter of [
      `externalId eq "${user.externalId}"`,
      `userName eq "${user.userName}"`,
      `userName eq "${user.userName.toLowerCase()}"`,
      `externalId eq "${user.externalId.toUpperCase()}"`,
    ]) {
      const res = await client.get("/Users", { query: { filter } });
      expect(res.status, filter).toBe(200);
      expect(res.body.totalResults, filter).toBe(1);
      expect(res.body.Resources[0], filter).toEqual(user);
    }
  });

  it('finds the user with the work-email query the tutorial requires: emails[type eq "work"].value eq "…"', async () => {
    const user = await create(client, entraUser());
    const res = await client.get("/Users", { query: { filter: `emails[type eq "work"].value eq "${user.emails[0].value}"` } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(ids(res)).toEqual([user.id]);
  });

  describe("PATCH in Entra's default behaviour", () => {
    it('replaces emails[type eq "work"].value and name.familyName', async () => {
      const user = await create(client, entraUser());
      const email = `updated.${unique()}@microsoft.com`;
      const body = withValue(loadFixture("entra", "update-user-multi-valued"), 'emails[type eq "work"].value', email);
      const patched = await patch(client, user.id, body);
      expect(patched.emails).toEqual([{ value: email, type: "work", primary: true }]);
      expect(patched.name).toMatchObject({ givenName: "givenName", familyName: "updatedFamilyName" });
      expect(patched.userName).toBe(user.userName);
      expect(patched[ENTERPRISE]).toEqual(user[ENTERPRISE]);
    });

    it("replaces userName", async () => {
      const user = await create(client, entraUser());
      const userName = `${unique()}@testuser.com`;
      const patched = await patch(client, user.id, withValue(loadFixture("entra", "update-user-single-valued"), "userName", userName));
      expect(patched.userName).toBe(userName);
      const found = await client.get("/Users", { query: { filter: `userName eq "${userName}"` } });
      expect(ids(found)).toEqual([user.id]);
      const old = await client.get("/Users", { query: { filter: `userName eq "${user.userName}"` } });
      expect(old.body.totalResults).toBe(0);
    });

    it("applies one capitalised Replace per attribute, externalId and URN-qualified employeeNumber included", async () => {
      const user = await create(client, entraUser());
      const email = `Test${unique()}@test.microsoft.com`;
      const externalId = `Eqpj-${unique()}`;
      const body = loadFixture("entra", "replace-multiple-default");
      withValue(body, 'emails[type eq "work"].value', email);
      withValue(body, "externalId", externalId);
      const patched = await patch(client, user.id, body);
      expect(patched).toMatchObject({
        displayName: "Pvlo",
        externalId,
        name: { givenName: "Gtfd", familyName: "Pkqf" },
        emails: [{ value: email, type: "work", primary: true }],
      });
      expect(patched[ENTERPRISE]).toEqual({ employeeNumber: "Eqpj", department: "Sales" });
      const found = await client.get("/Users", { query: { filter: `externalId eq "${externalId}"` } });
      expect(ids(found)).toEqual([user.id]);
    });

    it("adds a single-valued string with Add", async () => {
      const user = await create(client, entraUser());
      const patched = await patch(client, user.id, loadFixture("entra", "add-single-value-default"));
      expect(patched.nickName).toBe("Babs");
    });

    it('disables with active "False" and enables with active "True"', async () => {
      const user = await create(client, entraUser());
      const off = await patch(client, user.id, loadFixture("entra", "disable-user-default"));
      expect(off.active).toBe(false);
      // Entra expects a disabled user to stay readable and findable.
      const found = await client.get("/Users", { query: { filter: `userName eq "${user.userName}"` } });
      expect(found.body.Resources).toEqual([expect.objectContaining({ id: user.id, active: false })]);
      const on = await patch(client, user.id, loadFixture("entra", "enable-user-default"));
      expect(on.active).toBe(true);
    });

    it("disables with the tutorial's Replace of active with a boolean", async () => {
      const user = await create(client, entraUser());
      expect((await patch(client, user.id, loadFixture("entra", "disable-user-tutorial"))).active).toBe(false);
    });

    it("adds the manager from a one-element array, and removes it again", async () => {
      const manager = await create(client, entraUser());
      const user = await create(client, entraUser());
      const add = loadFixture("entra", "add-manager");
      add.Operations[0].value = [{ $ref: manager.meta.location, value: manager.id }];
      const added = await patch(client, user.id, add);
      expect(added[ENTERPRISE]).toEqual({ employeeNumber: "701984", department: "Sales", manager: { value: manager.id, $ref: manager.meta.location } });
      expect(added.schemas).toContain(ENTERPRISE);

      const removed = await patch(client, user.id, loadFixture("entra", "remove-manager"));
      expect(removed[ENTERPRISE]).toEqual({ employeeNumber: "701984", department: "Sales" });

      await patch(client, user.id, add);
      const remove = loadFixture("entra", "remove-manager-with-value");
      remove.Operations[0].value = [{ $ref: manager.meta.location, value: manager.id }];
      const removedAgain = await patch(client, user.id, remove);
      expect(removedAgain[ENTERPRISE]).toEqual({ employeeNumber: "701984", department: "Sales" });
    });

    it("accepts an empty Operations list and changes nothing", async () => {
      const user = await create(client, entraUser());
      const res = await client.patch(`/Users/${user.id}`, loadFixture("entra", "empty-operations"));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual(user);
      expect(res.headers.get("etag")).toBe(user.meta.version);
    });
  });

  describe("PATCH in the compliant behaviour (aadOptscim062020)", () => {
    it("applies a filtered replace and a pathless replace with dotted and URN-qualified keys", async () => {
      const user = await create(client, entraUser());
      const email = `TestMhvaes.${unique()}@test.microsoft.com`;
      const body = withValue(loadFixture("entra", "replace-multiple-compliant"), 'emails[type eq "work"].value', email);
      const patched = await patch(client, user.id, body);
      expect(patched).toMatchObject({
        displayName: "Bjfe",
        name: { formatted: "givenName familyName", givenName: "Kkom", familyName: "Unua" },
        emails: [{ value: email, type: "work", primary: true }],
        externalId: user.externalId,
        userName: user.userName,
      });
      expect(patched[ENTERPRISE]).toEqual({ employeeNumber: "Aklq", department: "Sales" });
    });

    it("adds a single-valued string with add", async () => {
      const user = await create(client, entraUser());
      expect((await patch(client, user.id, loadFixture("entra", "add-single-value-compliant"))).nickName).toBe("Babs");
    });

    it('disables with "op":"replace","path":"active","value":false', async () => {
      const user = await create(client, entraUser());
      const off = await patch(client, user.id, loadFixture("entra", "disable-user-compliant"));
      expect(off.active).toBe(false);
      expect(off.userName).toBe(user.userName);
    });
  });

  it("deletes: 204, then 404 and no longer listed; a second DELETE is 404", async () => {
    const user = await create(client, entraUser());
    const del = await client.delete(`/Users/${user.id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();

    expectScimError(await client.get(`/Users/${user.id}`), 404);
    const byName = await client.get("/Users", { query: { filter: `userName eq "${user.userName}"` } });
    expect(byName.body.totalResults).toBe(0);
    const byExternalId = await client.get("/Users", { query: { filter: `externalId eq "${user.externalId}"` } });
    expect(byExternalId.body.totalResults).toBe(0);
    const all = await client.get("/Users", { query: { count: 1000 } });
    expect(ids(all)).not.toContain(user.id);
    expectScimError(await client.patch(`/Users/${user.id}`, loadFixture("entra", "disable-user-compliant")), 404);

    expectScimError(await client.delete(`/Users/${user.id}`), 404);
  });

  it("restores a deleted user when the same userName is POSTed again: 201, the same id, active", async () => {
    const body = entraUser();
    const user = await create(client, body);
    expect((await client.delete(`/Users/${user.id}`)).status).toBe(204);

    const again = { ...body, name: { ...body.name, familyName: "Returned" } };
    const res = await client.post("/Users", again);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.id).toBe(user.id);
    expect(res.body.active).toBe(true);
    expect(res.body.userName).toBe(body.userName);
    expect(res.body.name.familyName).toBe("Returned");
    expect(res.headers.get("location")).toBe(user.meta.location);

    const fetched = await client.get(`/Users/${user.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.active).toBe(true);
    const listed = await client.get("/Users", { query: { filter: `userName eq "${body.userName}"` } });
    expect(ids(listed)).toEqual([user.id]);
  });
});
