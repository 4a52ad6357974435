// Okta's provisioning flows against the SCIM Users API over real HTTP, with the request bodies of Okta's
// "SCIM 2.0 Protocol Reference" (tests/fixtures/okta, see tests/fixtures/README.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/databases";
import { URN, type Json, type ScimClient } from "../support/scim-client";
import { expectScimError, expectScimJson, ids, loadFixture, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";

const providers = await testProviders();

/** Okta's create request for a user of its own: the documented body with a unique userName, email and externalId. */
function oktaUser(suffix: string): Json {
  const body = loadFixture("okta", "create-user");
  const email = `test.user.${suffix}@okta.local`;
  body.userName = email;
  body.emails[0].value = email;
  body.externalId = `00u${suffix}`;
  return body;
}

/** What Okta does on assignment: look the user up by userName, then create it. */
async function provision(client: ScimClient, body: Json): Promise<Json> {
  const lookup = await client.get("/Users", { query: { filter: `userName eq "${body.userName}"`, startIndex: 1, count: 100 } });
  expect(lookup.status).toBe(200);
  expect(lookup.body.totalResults).toBe(0);
  const created = await client.post("/Users", body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

describe.each(providers)("SCIM Users with Okta's requests on %s", (provider) => {
  let scim: ScimServer;
  let client: ScimClient;

  beforeAll(async () => {
    scim = await startScimServer(provider);
    client = scim.client;
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  it("passes Test API Credentials: GET /Users?startIndex=1&count=1 and an unknown userName filter", async () => {
    await provision(client, oktaUser(unique()));
    const page = await client.get("/Users", { query: { startIndex: 1, count: 1 } });
    expect(page.status).toBe(200);
    expectScimJson(page);
    expect(page.body.schemas).toEqual([URN.listResponse]);
    expect(Number.isInteger(page.body.totalResults)).toBe(true);
    expect(page.body.totalResults).toBeGreaterThanOrEqual(1);
    expect(page.body.startIndex).toBe(1);
    expect(page.body.itemsPerPage).toBe(1);
    expect(page.body.Resources).toHaveLength(1);
    expect(page.body.Resources[0].id).toEqual(expect.any(String));

    const unknown = await client.get("/Users", { query: { filter: `userName eq "nobody-${unique()}@okta.local"`, startIndex: 1, count: 100 } });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it("creates a user: filter GET finds nothing, POST answers 201 with Location = meta.location and never the password", async () => {
    const body = oktaUser(unique());
    body.userName = body.userName.replace("test.user", "Test.User"); // returned exactly as sent
    const lookup = await client.get("/Users", { query: { filter: `userName eq "${body.userName}"`, startIndex: 1, count: 100 } });
    expect(lookup.body.totalResults).toBe(0);

    const res = await client.post("/Users", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expectScimJson(res);
    const user = res.body;
    expect(user.id).toEqual(expect.any(String));
    expect(user.schemas).toContain(URN.user);
    expect(user.userName).toBe(body.userName);
    expect(user.externalId).toBe(body.externalId);
    expect(user.active).toBe(true);
    expect(user.displayName).toBe("Test User");
    expect(user.locale).toBe("en-US");
    expect(user.name).toMatchObject({ givenName: "Test", familyName: "User" });
    expect(user.emails).toEqual([{ value: body.emails[0].value, type: "work", primary: true }]);
    expect(user.meta).toMatchObject({ resourceType: "User", location: expect.stringMatching(new RegExp(`/api/scim/v2/Users/${user.id}$`)) });
    expect(res.headers.get("location")).toBe(user.meta.location);
    expect(res.headers.get("etag")).toBe(user.meta.version);
    expect(user).not.toHaveProperty("password");
    expect(JSON.stringify(user)).not.toContain(body.password);

    const fetched = await client.get(`/Users/${user.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).not.toHaveProperty("password");
    expect(JSON.stringify(fetched.body)).not.toContain(body.password);
  });

  it("returns the user by id as it was created", async () => {
    const created = await provision(client, oktaUser(unique()));
    const res = await client.get(`/Users/${created.id}`);
    expect(res.status).toBe(200);
    expectScimJson(res);
    expect(res.body).toEqual(created);
  });

  it("answers 404 with a SCIM error for an unknown id", async () => {
    expectScimError(await client.get("/Users/23a35c27-23d3-4c03-b4c5-6443c09e7173"), 404);
  });

  it("replaces the profile with PUT", async () => {
    const created = await provision(client, oktaUser(unique()));
    const put = loadFixture("okta", "replace-user");
    put.id = created.id;
    put.userName = created.userName;
    put.emails[0].value = created.emails[0].value;
    put.emails[0].display = created.emails[0].value;

    const res = await client.put(`/Users/${created.id}`, put);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expectScimJson(res);
    expect(res.body.id).toBe(created.id);
    expect(res.body.userName).toBe(created.userName);
    expect(res.body.name).toEqual({ givenName: "Another", middleName: "Excited", familyName: "User" });
    expect(res.body.emails).toEqual([{ value: created.emails[0].value, type: "work", primary: true, display: created.emails[0].value }]);
    expect(res.body.active).toBe(true);
    // PUT replaces: what the body no longer carries is gone.
    expect(res.body).not.toHaveProperty("displayName");
    expect(res.body).not.toHaveProperty("locale");
    expect(res.body.meta.version).not.toBe(created.meta.version);

    const fetched = await client.get(`/Users/${created.id}`);
    expect(fetched.body).toEqual(res.body);
  });

  it("deactivates with PATCH, keeps the user listed as inactive, and reactivates it", async () => {
    const created = await provision(client, oktaUser(unique()));

    const off = await client.patch(`/Users/${created.id}`, loadFixture("okta", "deactivate-user"));
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expectScimJson(off);
    expect(off.body.id).toBe(created.id);
    expect(off.body.active).toBe(false);
    expect(off.body.userName).toBe(created.userName);
    expect(off.body.name).toEqual(created.name);

    const byId = await client.get(`/Users/${created.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.active).toBe(false);
    const listed = await client.get("/Users", { query: { filter: `userName eq "${created.userName}"`, startIndex: 1, count: 100 } });
    expect(listed.body.totalResults).toBe(1);
    expect(listed.body.Resources[0]).toMatchObject({ id: created.id, active: false });
    const inactive = await client.get("/Users", { query: { filter: `active eq false and userName eq "${created.userName}"` } });
    expect(ids(inactive)).toEqual([created.id]);

    const on = await client.patch(`/Users/${created.id}`, loadFixture("okta", "activate-user"));
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.active).toBe(true);
    expect((await client.get(`/Users/${created.id}`)).body.active).toBe(true);
  });

  it("refuses a second POST of an active user with 409 uniqueness", async () => {
    const body = oktaUser(unique());
    const created = await provision(client, body);
    const again = await client.post("/Users", body);
    expectScimError(again, 409, "uniqueness");
    // The same userName in another case is the same user.
    const otherCase = await client.post("/Users", { ...body, userName: body.userName.toUpperCase(), externalId: `${body.externalId}-2` });
    expectScimError(otherCase, 409, "uniqueness");
    const list = await client.get("/Users", { query: { filter: `userName eq "${body.userName}"` } });
    expect(ids(list)).toEqual([created.id]);
  });

  it("finds the user with a userName filter in another letter case", async () => {
    const created = await provision(client, oktaUser(unique()));
    for (const variant of [created.userName.toUpperCase(), created.userName.replace(/^t/, "T")]) {
      const res = await client.get("/Users", { query: { filter: `userName eq "${variant}"`, startIndex: 1, count: 100 } });
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([created.id]);
      expect(res.body.Resources[0].userName).toBe(created.userName);
    }
  });
});
