// POST, PUT and PATCH answer with a resource built from what they wrote, not read back from the database (one
// round trip less on the provisioning hot path). That is only right if the answer is exactly what a GET returns
// afterwards: this checks it for every IdP request shape, with ETags, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/databases";
import { URN, type Json, type ScimClient } from "../support/scim-client";
import { loadFixture, patchBody, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";

const providers = await testProviders();

/** Every attribute the service stores, including ones that read back differently than sent (empty lists, case). */
function everyAttribute(userName: string): Json {
  return {
    schemas: [URN.user, URN.enterprise],
    userName,
    externalId: `Ext-${userName}`,
    name: { formatted: "Ms. Ada B. Lovelace III", familyName: "Lovelace", givenName: "Ada", middleName: "B.", honorificPrefix: "Ms.", honorificSuffix: "III" },
    displayName: "Ada Lovelace",
    nickName: "ada",
    profileUrl: "https://example.com/ada",
    title: "Engineer",
    userType: "Employee",
    preferredLanguage: "en-GB",
    locale: "en-GB",
    timezone: "Europe/London",
    active: true,
    emails: [
      { value: `Home.${userName}`, type: "home" },
      { value: userName, type: "work", primary: true, display: "Work" },
    ],
    phoneNumbers: [{ value: "+44 20 7946 0000", type: "work" }],
    addresses: [],
    [URN.enterprise]: { employeeNumber: "42", costCenter: "CC", organization: "Org", division: "Div", department: "Dept", manager: { value: "boss-1" } },
  };
}

describe.each(providers)("write answers equal reads on %s", (provider) => {
  let scim: ScimServer;
  let client: ScimClient;

  beforeAll(async () => {
    scim = await startScimServer(provider);
    client = scim.client;
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  /** The resource a write answered must be what GET answers now, ETag included. */
  async function expectReadEquals(answer: { status: number; headers: Headers; body: Json }) {
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    const read = await client.get(`/Users/${answer.body.id}`);
    expect(read.status).toBe(200);
    expect(answer.body).toEqual(read.body);
    expect(answer.headers.get("etag")).toBe(read.headers.get("etag"));
    expect(answer.body.meta.version).toBe(read.headers.get("etag"));
  }

  it("POST of Okta's, Entra's and an every-attribute body", async () => {
    const okta = loadFixture("okta", "create-user");
    okta.userName = okta.emails[0].value = `okta.${unique()}@example.com`;
    okta.externalId = `00u${unique()}`;
    const entra = loadFixture("entra", "create-user");
    entra.userName = `entra_${unique()}`;
    entra.emails[0].value = `${entra.userName}@example.com`;
    entra.externalId = unique();
    for (const body of [okta, entra, everyAttribute(`All.${unique()}@Example.com`), { ...everyAttribute(`off.${unique()}@example.com`), active: false }]) {
      await expectReadEquals(await client.post("/Users", body));
    }
  });

  it("PATCH deactivate and reactivate (Okta, Entra), and a profile change with a new email list", async () => {
    const created = await client.post("/Users", everyAttribute(`patch.${unique()}@example.com`));
    const path = `/Users/${created.body.id}`;
    for (const body of [
      loadFixture("okta", "deactivate-user"),
      loadFixture("okta", "activate-user"),
      loadFixture("entra", "disable-user-default"),
      loadFixture("entra", "enable-user-default"),
      patchBody({ op: "replace", value: { active: false, title: "Lead", emails: [{ value: `new.${unique()}@example.com`, primary: true }] } }),
      patchBody({ op: "replace", path: "name.givenName", value: "Augusta" }, { op: "replace", path: "active", value: true }),
    ]) {
      const before = await client.get(path);
      const answer = await client.patch(path, body);
      await expectReadEquals(answer);
      expect(Number(JSON.parse(answer.headers.get("etag")!.replace(/^W\//, "")))).toBeGreaterThan(Number(JSON.parse(before.headers.get("etag")!.replace(/^W\//, ""))));
    }
  });

  it("PUT of Okta's replace body and of a body that clears everything it can", async () => {
    const userName = `put.${unique()}@example.com`;
    const created = await client.post("/Users", everyAttribute(userName));
    const replace = loadFixture("okta", "replace-user");
    replace.id = created.body.id;
    replace.userName = replace.emails[0].value = userName;
    await expectReadEquals(await client.put(`/Users/${created.body.id}`, replace));
    await expectReadEquals(await client.put(`/Users/${created.body.id}`, { schemas: [URN.user], userName, emails: [], phoneNumbers: [] }));
  });

  it("a PATCH that changes nothing answers the stored user and keeps its version", async () => {
    const created = await client.post("/Users", everyAttribute(`same.${unique()}@example.com`));
    const answer = await client.patch(`/Users/${created.body.id}`, patchBody({ op: "replace", path: "title", value: "Engineer" }));
    await expectReadEquals(answer);
    expect(answer.body.meta.version).toBe(created.body.meta.version);
  });
});
