// A page of users is served from the documents the SCIM writes store (lib/users/resource-document.ts). It must be
// exactly the page rendered from the users' current rows, through every way a user changes: SCIM creates, links,
// re-adds and PATCHes (which store a new document), and group membership, a group's rename and an admin's block
// (which leave it stale, so the page rebuilds that user). refreshDocuments brings the stale ones up to date.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { Provider } from "../../lib/db/provider";
import { listParamsFromQuery } from "../../lib/scim/list-params";
import { listResponse, listResponseJson } from "../../lib/scim/list-response";
import { USER_SCHEMA_ID } from "../../lib/scim/urns";
import { PAGING } from "../../lib/scim-http/request-params";
import { testProviders, type TestDatabase } from "../support/databases";
import { dropProcessDatabase, pointProcessAtFreshDatabase } from "../support/process-database";

const providers = await testProviders();
const actor = { type: "scim_token" as const, id: "t", label: "test" };

describe.each(providers)("user documents on %s", (provider: Provider) => {
  let database: TestDatabase;
  let db: Db;
  let services: {
    users: typeof import("../../lib/users/list-scim-users");
    provision: typeof import("../../lib/users/provision-user");
    update: typeof import("../../lib/users/update-scim-user");
    deprovision: typeof import("../../lib/users/deprovision-user");
    block: typeof import("../../lib/users/block-user");
    groups: typeof import("../../lib/groups/create-group");
    patchGroup: typeof import("../../lib/groups/patch-group");
    deleteGroup: typeof import("../../lib/groups/delete-group");
    documents: typeof import("../../lib/users/resource-document");
    refresh: typeof import("../../lib/users/refresh-documents");
    from: typeof import("../../lib/scim/users/from-resource");
    lib: typeof import("../../lib/db");
    env: typeof import("../../lib/env");
  };

  beforeAll(async () => {
    database = await pointProcessAtFreshDatabase(provider, "userdocs");
    services = {
      users: await import("../../lib/users/list-scim-users"),
      provision: await import("../../lib/users/provision-user"),
      update: await import("../../lib/users/update-scim-user"),
      deprovision: await import("../../lib/users/deprovision-user"),
      block: await import("../../lib/users/block-user"),
      groups: await import("../../lib/groups/create-group"),
      patchGroup: await import("../../lib/groups/patch-group"),
      deleteGroup: await import("../../lib/groups/delete-group"),
      documents: await import("../../lib/users/resource-document"),
      refresh: await import("../../lib/users/refresh-documents"),
      from: await import("../../lib/scim/users/from-resource"),
      lib: await import("../../lib/db"),
      env: await import("../../lib/env"),
    };
    db = services.lib.db;
  });
  afterAll(async () => {
    await dropProcessDatabase(database, db);
  });

  const input = (n: number, extra: Record<string, unknown> = {}) =>
    services.from.userFromResource({
      schemas: [USER_SCHEMA_ID],
      userName: `doc${n}@example.com`,
      name: { givenName: "Doc", familyName: `User ${n}` },
      emails: [{ value: `doc${n}@example.com`, type: "work", primary: true }],
      externalId: `ext-${n}`,
      ...extra,
    });
  const params = (query: Record<string, string> = {}) => listParamsFromQuery(new URLSearchParams({ count: "100", ...query }), PAGING);

  /** The page as served, and as rendered from the rows; and how many users came as documents. */
  async function bothPages(query: Record<string, string> = {}) {
    const served = await services.users.listScimUserPage(params(query));
    const rendered = await services.users.listScimUsers(params(query));
    const json = listResponseJson(served.users.map((u) => (typeof u === "string" ? u : services.documents.renderDocument(u))), served.total, 1);
    const reference = JSON.stringify(listResponse(rendered.records.map((r) => JSON.parse(services.documents.renderDocument(r))), rendered.total, 1));
    return { json, reference, documents: served.users.filter((u) => typeof u === "string").length, records: served.users.filter((u) => typeof u !== "string") };
  }

  it("serves users as their stored documents, byte for byte what rendering them gives", async () => {
    for (let n = 0; n < 6; n++) await services.provision.provisionUser({ input: input(n, n === 5 ? { active: false } : {}), actor });
    const { json, reference, documents } = await bothPages();
    // The first page also starts this process's one background refresh: nothing is stale yet.
    await services.refresh.refreshDocumentsOnce(services.lib.reader(), services.lib.writeTransaction, services.env.config().scimBaseUrl);
    expect(documents).toBe(6);
    expect(json).toBe(reference);
    expect(JSON.parse(json).itemsPerPage).toBe(6);
    // An IdP's lookup by userName (a filtered list) serves the document too.
    const lookup = await bothPages({ filter: 'userName eq "DOC2@example.com"' });
    expect([lookup.documents, JSON.parse(lookup.json).totalResults]).toEqual([1, 1]);
    expect(lookup.json).toBe(lookup.reference);
  });

  it("keeps documents current through PATCH, re-add and link, and rebuilds users changed any other way", async () => {
    // By userName: users created within one millisecond are listed in id order, which is random.
    const records = (await services.users.listScimUsers(params())).records;
    const ids = [0, 1, 2, 3, 4, 5].map((n) => records.find((r) => r.userName === `doc${n}@example.com`)!.id);
    const replace = (value: Record<string, unknown>) => () => input(0, { displayName: "Renamed", ...value });
    await services.update.updateScimUser({ id: ids[0], ifMatch: null, actor, change: replace({ active: false }) });
    // The state alone, and the profile alone: each stores the document with the identity's one update.
    const deactivated = await services.update.updateScimUser({ id: ids[4], ifMatch: null, actor, change: () => input(4, { active: false }) });
    const renamed = await services.update.updateScimUser({ id: ids[5], ifMatch: null, actor, change: () => input(5, { active: false, displayName: "Only renamed" }) });
    expect([deactivated.active, deactivated.version, renamed.displayName, renamed.version]).toEqual([false, 2, "Only renamed", 2]);
    // Deprovision (DELETE) and re-add: the identity comes back with a new document.
    await services.deprovision.deprovisionUser({ id: ids[1], ifMatch: null, actor });
    await services.provision.provisionUser({ input: input(1, { displayName: "Back" }), actor });
    // A local account linked by its email.
    await db.user.create({ data: { username: "local7", usernameNorm: "local7", email: "doc7@example.com", emailNorm: "doc7@example.com", name: "Local", nameNorm: "local" } });
    await services.provision.provisionUser({ input: input(7), actor });
    let pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(pages.documents).toBe(7);

    // Group membership, a group's rename and an admin's block change users without storing their documents.
    const group = await services.groups.createGroup({ displayName: "Docs", externalId: null, members: [ids[2]] }, actor);
    const admin = await db.user.create({ data: { username: "admin", usernameNorm: "admin", name: "Admin", nameNorm: "admin", role: "admin" } });
    await services.block.setUserBlockedByAdmin({ userId: ids[3], blocked: true, reason: "test", admin });
    pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(pages.records.map((r) => (r as { id: string }).id).sort()).toEqual([ids[2], ids[3]].sort());
    // The page stores what it had to rebuild, in the background: the next page serves them as documents.
    await services.refresh.rebuiltStored();
    pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(pages.records).toEqual([]);
    await services.patchGroup.patchGroup({
      id: group.id,
      ifMatch: null,
      actor,
      body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { displayName: "Docs renamed" } }] },
    });
    // The rename bumps its member's version: the refresh (not a page this time) stores what is stale, and only that.
    const { reader, writeTransaction } = services.lib;
    const baseUrl = services.env.config().scimBaseUrl;
    expect(await services.refresh.refreshDocuments(reader(), writeTransaction, baseUrl, { batch: 2 })).toBe(1);
    pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(JSON.parse(pages.json).Resources.find((u: { id: string }) => u.id === ids[2]).groups[0].display).toBe("Docs renamed");
    // Deleting the group takes it out of its member's `groups`: a new version, so the stored document is stale.
    await services.deleteGroup.deleteGroup({ id: group.id, ifMatch: null, actor });
    pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(pages.records.map((r) => (r as { id: string }).id)).toEqual([ids[2]]);
    expect(JSON.parse(pages.json).Resources.find((u: { id: string }) => u.id === ids[2]).groups).toBeUndefined();
    await services.refresh.rebuiltStored();
    pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    expect(pages.documents).toBe(JSON.parse(pages.json).totalResults);
    expect(await services.refresh.refreshDocuments(reader(), writeTransaction, baseUrl, { batch: 2 })).toBe(0);
  });

  if (provider === "postgresql") it("a PATCH racing a membership change never stores groups older than its version", async () => {
    const { records } = await services.users.listScimUsers(params());
    const user = records[records.length - 1];
    const group = await services.groups.createGroup({ displayName: "Race", externalId: null, members: [] }, actor);
    // Another instance adds the user to the group and bumps its version, and has not committed yet.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO "GroupMembership" ("groupId", "userId") VALUES ($1, $2)`, [group.id, user.id]);
      await other.query(`UPDATE "ScimIdentity" SET "version" = "version" + 1 WHERE "userId" = $1`, [user.id]);
      const patched = services.update.updateScimUser({ id: user.id, ifMatch: null, actor, change: () => input(99, { userName: user.userName, displayName: "Raced" }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query("COMMIT");
      await patched;
    } finally {
      await other.end();
    }
    const pages = await bothPages();
    expect(pages.json).toBe(pages.reference);
    const served = JSON.parse(pages.json).Resources.find((u: { id: string }) => u.id === user.id);
    expect(served.displayName).toBe("Raced");
    expect(served.groups?.map((g: { display: string }) => g.display)).toEqual(["Race"]);
  });

  it("retires every document when the base URL changes: links are never served for another address", async () => {
    const { reader, writeTransaction } = services.lib;
    const total = (await services.users.listScimUsers(params())).total;
    expect(await services.refresh.refreshDocuments(reader(), writeTransaction, "https://elsewhere.example/api/scim/v2", { batch: 3 })).toBe(total);
    const pages = await bothPages();
    expect(pages.documents).toBe(0);
    expect(pages.json).toBe(pages.reference);
    expect(pages.json).not.toContain("elsewhere");
  });
});
