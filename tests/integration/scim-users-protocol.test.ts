// RFC 7643/7644 behaviours of the SCIM Users API over real HTTP: authentication, error responses, listing,
// filtering, searching, discovery, ETags, PATCH errors, and the provisioning rules around existing accounts.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { URN, type Json, type ScimClient, type ScimResponse } from "../support/scim-client";
import {
  createUser,
  expectScimError,
  expectScimJson,
  generateToken,
  ids,
  patchBody,
  simpleUser,
  sleep,
  startScimServer,
  unique,
  type ScimServer,
} from "../support/scim-test-helpers";

const providers = await testProviders();

describe.each(providers)("SCIM protocol behaviours on %s", (provider) => {
  let scim: ScimServer;
  let client: ScimClient;

  beforeAll(async () => {
    scim = await startScimServer(provider);
    client = scim.client;
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  describe("authentication", () => {
    it("answers 401 without an Authorization header, with Basic, and with a wrong token", async () => {
      for (const authorization of [null, "Basic dXNlcjpwYXNzd29yZA==", "Bearer scim_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "Bearer not-a-token", "Bearer", scim.token]) {
        const res = await client.raw("GET", "/Users", { authorization });
        expectScimError(res, 401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
      // The right token works (also proves the loop above did not break the client).
      expect((await client.get("/Users")).status).toBe(200);
    });

    it("answers 401 to every endpoint, discovery and unknown paths included, before anything else", async () => {
      for (const [method, path] of [
        ["GET", "/Users/some-id"],
        ["POST", "/Users"],
        ["PATCH", "/Users/some-id"],
        ["DELETE", "/Users/some-id"],
        ["PUT", "/Users"],
        ["GET", "/ServiceProviderConfig"],
        ["GET", "/Schemas"],
        ["POST", "/.search"],
        ["GET", "/Nope"],
      ]) {
        expectScimError(await client.raw(method, path, { authorization: null, body: method === "GET" || method === "DELETE" ? undefined : "{" }), 401);
      }
    });
  });

  describe("error responses", () => {
    it("answers malformed JSON with 400 invalidSyntax", async () => {
      expectScimError(await client.post("/Users", '{"userName": "x",'), 400, "invalidSyntax");
      const user = await createUser(client, simpleUser(`json-${unique()}`));
      expectScimError(await client.patch(`/Users/${user.id}`, "{not json}"), 400, "invalidSyntax");
      expectScimError(await client.put(`/Users/${user.id}`, "[1, 2"), 400, "invalidSyntax");
      expectScimError(await client.post("/Users", ""), 400, "invalidSyntax");
    });

    it("answers a body that is not a User with 400", async () => {
      expectScimError(await client.post("/Users", { schemas: [URN.user] }), 400, "invalidValue");
      expectScimError(await client.post("/Users", { schemas: [URN.user], userName: { nested: true } }), 400, "invalidValue");
      expectScimError(await client.post("/Users", ["not", "an", "object"]), 400, "invalidSyntax");
    });

    it("answers a body over 1 MiB with 413", async () => {
      const body = JSON.stringify({ schemas: [URN.user], userName: `big-${unique()}`, nickName: "x".repeat(1_100_000) });
      expectScimError(await client.post("/Users", body), 413);
    });

    it("answers a streamed body over 1 MiB (chunked, no Content-Length) with 413", async () => {
      // node:http on a connection of its own, so that the refused upload cannot disturb fetch's pooled connections.
      const url = new URL(client.url("/Users"));
      const res = await new Promise<{ status: number; headers: Headers; body: Json }>((resolve, reject) => {
        let writeError: Error | undefined;
        const req = http.request(
          url,
          { method: "POST", agent: false, headers: { authorization: `Bearer ${client.token}`, "content-type": "application/scim+json", connection: "close" } },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => {
              const headers = new Headers();
              for (const [key, value] of Object.entries(response.headers)) if (typeof value === "string") headers.set(key, value);
              resolve({ status: response.statusCode ?? 0, headers, body: JSON.parse(text) });
            });
          },
        );
        // The server may answer and close before the upload ends (EPIPE/ECONNRESET on our side): what counts is the
        // response it sent, so a write error only fails the test when no response follows.
        req.on("error", (error) => {
          writeError = error;
          setTimeout(() => reject(writeError), 2_000);
        });
        // No Content-Length: Node sends the body chunked, so the server can only find out the size by reading it.
        const body = `{"schemas":["${URN.user}"],"userName":"stream-${unique()}","nickName":"${"x".repeat(1_100_000)}"}`;
        req.write(body.slice(0, 1000));
        req.end(body.slice(1000));
      });
      expectScimError(res, 413);
    });

    it("takes a client that hangs up halfway through its body for a bad request: no user, no server error logged", async () => {
      const url = new URL(client.url("/Users"));
      const userName = `halfway-${unique()}`;
      const body = JSON.stringify({ schemas: [URN.user], userName });
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(Number(url.port), url.hostname, () => {
          socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${client.token}\r\nContent-Type: application/scim+json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`);
          setTimeout(() => socket.destroy(), 300);
        });
        socket.on("close", () => resolve());
        socket.on("error", reject);
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(scim.server.output()).not.toContain("SCIM request failed");
      expect((await client.get("/Users", { query: { filter: `userName eq "${userName}"` } })).body.totalResults).toBe(0);
    });

    it("answers an unsupported media type with 415", async () => {
      expectScimError(await client.post("/Users", "userName=x", { headers: { "content-type": "application/x-www-form-urlencoded" } }), 415);
    });

    it("answers a method a path does not support with 405 and Allow", async () => {
      const user = await createUser(client, simpleUser(`m-${unique()}`));
      for (const [method, path] of [
        ["PUT", "/Users"],
        ["PATCH", "/Users"],
        ["DELETE", "/Users"],
        ["POST", `/Users/${user.id}`],
      ]) {
        const res = await client.raw(method, path, { body: method === "DELETE" ? undefined : simpleUser(`m-${unique()}`) });
        expectScimError(res, 405);
        expect(res.headers.get("allow"), `${method} ${path}`).toBeTruthy();
      }
      expect((await client.raw("PUT", "/Users", { body: {} })).headers.get("allow")).toBe("GET, POST");
    });

    it("answers unknown paths under the base with a SCIM 404", async () => {
      for (const [method, path] of [
        ["GET", "/Nope"],
        ["POST", "/Nope"],
        ["DELETE", "/Nope/deeper"],
        ["GET", "/Users/x/y"],
        // The base URL itself, found by the fuzzer answering with Next.js's HTML 404 page.
        ["GET", ""],
        ["DELETE", ""],
      ]) {
        expectScimError(await client.raw(method, path, { body: method === "POST" ? {} : undefined }), 404);
      }
    });

    it("answers a path whose percent-encoding does not decode with a SCIM 400, not Next.js's plain-text 500", async () => {
      // Found by the fuzzer: Next.js cannot route these and answered "Internal Server Error" before any route ran.
      for (const [method, path] of [["GET", "/%"], ["PATCH", "/Users/%zz"], ["DELETE", "/Groups/%E0%A4"], ["POST", "/%FF/.search"]]) {
        expectScimError(await client.raw(method, path, { authorization: null }), 400);
      }
      // Valid percent-encoding still reaches the routes.
      expectScimError(await client.get("/Users/caf%C3%A9%20x"), 404);
    });

    it("answers an unknown user id with a SCIM 404 on every verb", async () => {
      const id = "00000000-0000-4000-8000-000000000000";
      expectScimError(await client.get(`/Users/${id}`), 404);
      expectScimError(await client.put(`/Users/${id}`, simpleUser(`nf-${unique()}`)), 404);
      expectScimError(await client.patch(`/Users/${id}`, patchBody({ op: "replace", path: "active", value: false })), 404);
      expectScimError(await client.delete(`/Users/${id}`), 404);
    });
  });

  describe("listing", () => {
    const prefix = `pg-${unique()}`;
    let created: Json[] = [];

    beforeAll(async () => {
      created = [];
      for (let i = 0; i < 25; i++) created.push(await createUser(client, simpleUser(`${prefix}-${String(i).padStart(2, "0")}@example.com`)));
    });

    it("treats startIndex below 1 as 1", async () => {
      for (const startIndex of [0, -5]) {
        const res = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, startIndex, count: 5 } });
        expect(res.status).toBe(200);
        expect(res.body.startIndex).toBe(1);
        expect(res.body.totalResults).toBe(25);
        expect(res.body.Resources).toHaveLength(5);
      }
      const first = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, startIndex: 1, count: 5 } });
      const zero = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, startIndex: 0, count: 5 } });
      expect(ids(zero)).toEqual(ids(first));
    });

    it("answers count=0 (and a negative count, which means 0) with totalResults only", async () => {
      for (const count of [0, -3]) {
        const res = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, count } });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ schemas: [URN.listResponse], totalResults: 25, startIndex: 1, itemsPerPage: 0, Resources: [] });
      }
    });

    it("caps count at filter.maxResults", async () => {
      const max = (await client.get("/ServiceProviderConfig")).body.filter.maxResults as number;
      const res = await client.get("/Users", { query: { count: max + 500 } });
      expect(res.status).toBe(200);
      expect(res.body.itemsPerPage).toBeLessThanOrEqual(max);
    });

    it("answers a startIndex past the end with an empty page", async () => {
      const res = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, startIndex: 26, count: 10 } });
      expect(res.body).toMatchObject({ totalResults: 25, startIndex: 26, itemsPerPage: 0, Resources: [] });
    });

    it("answers a lookup by a unique attribute on every page shape: the user once, and its total whatever the page", async () => {
      const user = created[3];
      const filter = `userName eq "${String(user.userName).toUpperCase()}"`;
      const found = await client.get("/Users", { query: { filter } });
      expect(found.body).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
      expect(ids(found)).toEqual([user.id]);
      expect((await client.get("/Users", { query: { filter, startIndex: 2, count: 10 } })).body).toMatchObject({ totalResults: 1, startIndex: 2, itemsPerPage: 0, Resources: [] });
      expect((await client.get("/Users", { query: { filter, count: 0 } })).body).toEqual({ schemas: [URN.listResponse], totalResults: 1, startIndex: 1, itemsPerPage: 0, Resources: [] });
      // A unique equality in an `and` narrows to that user; the other conjunct still applies.
      expect(ids(await client.get("/Users", { query: { filter: `id eq "${user.id}" and userName sw "${prefix}"` } }))).toEqual([user.id]);
      expect((await client.get("/Users", { query: { filter: `userName sw "nobody" and id eq "${user.id}"` } })).body).toMatchObject({ totalResults: 0, Resources: [] });
    });

    it("pages through 25 users with count=10 without repeating or skipping one", async () => {
      const seen: string[] = [];
      for (const [startIndex, size] of [
        [1, 10],
        [11, 10],
        [21, 5],
      ]) {
        const res = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, startIndex, count: 10 } });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ totalResults: 25, startIndex, itemsPerPage: size });
        expect(res.body.Resources).toHaveLength(size);
        seen.push(...ids(res));
      }
      expect(new Set(seen).size).toBe(25);
      expect([...seen].sort()).toEqual(created.map((u) => u.id).sort());

      // The same over every user of the database, without a filter.
      const all = await client.get("/Users", { query: { count: 1000 } });
      const total = all.body.totalResults as number;
      expect(ids(all)).toHaveLength(total);
      const paged: string[] = [];
      for (let startIndex = 1; startIndex <= total; startIndex += 10) {
        paged.push(...ids(await client.get("/Users", { query: { startIndex, count: 10 } })));
      }
      expect(paged).toEqual(ids(all));
    });

    it("sorts by userName, descending", async () => {
      const res = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, sortBy: "userName", sortOrder: "descending", count: 100 } });
      expect(res.status).toBe(200);
      const names = (res.body.Resources as Json[]).map((r) => r.userName as string);
      expect(names).toHaveLength(25);
      expect(names).toEqual([...names].sort().reverse());
      expect(names[0]).toBe(`${prefix}-24@example.com`);
      const ascending = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, sortBy: "userName", count: 3 } });
      expect((ascending.body.Resources as Json[]).map((r) => r.userName)).toEqual([0, 1, 2].map((i) => `${prefix}-0${i}@example.com`));
    });

    it("returns only the requested attributes, or all but the excluded ones", async () => {
      const only = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, attributes: "userName", count: 3 } });
      expect(only.status).toBe(200);
      for (const r of only.body.Resources as Json[]) expect(Object.keys(r).sort()).toEqual(["id", "schemas", "userName"]);

      const without = await client.get("/Users", { query: { filter: `userName sw "${prefix}"`, excludedAttributes: "emails", count: 3 } });
      for (const r of without.body.Resources as Json[]) {
        expect(r).not.toHaveProperty("emails");
        expect(r).toHaveProperty("userName");
        expect(r).toHaveProperty("name");
        expect(r).toHaveProperty("meta");
      }

      const one = await client.get(`/Users/${created[0].id}`, { query: { attributes: "userName,name.givenName" } });
      expect(one.body).toEqual({ schemas: [URN.user], id: created[0].id, userName: created[0].userName, name: { givenName: "Test" } });
    });
  });

  describe("filters", () => {
    const p = `flt-${unique()}`;
    let alice: Json, bob: Json, carol: Json;
    let between: string;

    beforeAll(async () => {
      alice = await createUser(client, {
        schemas: [URN.user],
        userName: `${p}-alice@example.com`,
        externalId: `ext-${p}-a`,
        name: { givenName: "Alice", familyName: "Smith" },
        title: "Engineer",
        emails: [
          { value: `alice.${p}@example.com`, type: "work", primary: true },
          { value: `alice.${p}@home.test`, type: "home" },
        ],
      });
      await sleep(50);
      between = new Date().toISOString();
      await sleep(50);
      bob = await createUser(client, {
        schemas: [URN.user],
        userName: `${p}-bob@example.org`,
        name: { givenName: "Bob", familyName: "Jones" },
        title: "Manager",
        emails: [{ value: `bob.${p}@example.org`, type: "work", primary: true }],
      });
      carol = await createUser(client, {
        schemas: [URN.user],
        userName: `${p}-carol@example.com`,
        name: { givenName: "Carol", familyName: "Smithers" },
        emails: [{ value: `carol.${p}@example.com`, type: "home" }],
      });
    });

    /** The users of this describe that a filter matches (scoped by the userName prefix), by first name. */
    async function match(filter: string): Promise<string[]> {
      const res = await client.get("/Users", { query: { filter: `userName sw "${p}" and (${filter})`, count: 100 } });
      expect(res.status, `${filter}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.totalResults).toBe(res.body.Resources.length);
      const byId = new Map([alice, bob, carol].map((u) => [u.id, u.name.givenName as string]));
      return ids(res).map((id) => byId.get(id) ?? id).sort();
    }

    it.each([
      ["eq", `userName eq "{p}-alice@example.com"`, ["Alice"]],
      ["eq (case-insensitive value and operator)", `USERNAME EQ "{P}-BOB@EXAMPLE.ORG"`, ["Bob"]],
      ["ne", `title ne "Engineer"`, ["Bob", "Carol"]],
      ["co", `name.familyName co "mith"`, ["Alice", "Carol"]],
      ["sw", `name.familyName sw "smi"`, ["Alice", "Carol"]],
      ["ew", `userName ew "@example.org"`, ["Bob"]],
      ["ew with an empty value (every value ends with it)", `userName ew ""`, ["Alice", "Bob", "Carol"]],
      ["sw with an empty value", `userName sw ""`, ["Alice", "Bob", "Carol"]],
      ["pr", `title pr`, ["Alice", "Bob"]],
      ["gt", `name.givenName gt "Bob"`, ["Carol"]],
      ["ge", `name.givenName ge "Bob"`, ["Bob", "Carol"]],
      ["lt", `name.givenName lt "Bob"`, ["Alice"]],
      ["le", `name.givenName le "bob"`, ["Alice", "Bob"]],
      ["and", `name.familyName sw "Smith" and title pr`, ["Alice"]],
      ["or", `title eq "Engineer" or title eq "Manager"`, ["Alice", "Bob"]],
      ["not", `not (title pr)`, ["Carol"]],
      ["parentheses", `(title eq "Engineer" or name.givenName eq "Carol") and not (name.familyName eq "Smithers")`, ["Alice"]],
      ["precedence: and binds tighter than or", `title eq "Manager" or title eq "Engineer" and name.givenName eq "Nobody"`, ["Bob"]],
      ["value path", `emails[type eq "work" and value co "@example.com"]`, ["Alice"]],
      ["value path on another type", `emails[type eq "home"]`, ["Alice", "Carol"]],
      ["emails.value", `emails.value ew "@home.test"`, ["Alice"]],
      ["name.familyName", `name.familyName eq "jones"`, ["Bob"]],
      ["externalId", `externalId eq "ext-{p}-a"`, ["Alice"]],
      ["active", `active eq true`, ["Alice", "Bob", "Carol"]],
      ["unquoted value", `userName eq {p}-carol@example.com`, ["Carol"]],
      ["enterprise attribute, unmatched", `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales"`, []],
    ])("%s", async (_name, template, expected) => {
      const filter = template.replaceAll("{p}", p).replaceAll("{P}", p.toUpperCase());
      expect(await match(filter)).toEqual(expected);
    });

    it("matches case-insensitively beyond ASCII on PostgreSQL; on SQLite only the ASCII letters fold", async () => {
      // RFC 7643 caseExact=false asks for case-insensitive matching. Plain columns are compared through the
      // database's lower(), which on SQLite folds ASCII only: a limitation the app accepts (lib/scim/sql/filter-to-sql.ts,
      // and its unit test "compares non-ASCII letters case-insensitively … (ASCII only on SQLite)"). userName,
      // externalId and emails are compared through lowercase copies made in JavaScript, so they fold fully everywhere.
      const own = `intl-${unique()}`;
      const user = await createUser(client, simpleUser(`Ø${own}@example.com`, { name: { givenName: "Émile", familyName: "Ørsted" }, displayName: "Émile Ørsted" }));
      const everywhere = [`name.familyName eq "ØRSTED"`, `name.givenName eq "ÉMILE"`, `displayName co "Émile Ø"`, `userName eq "ø${own}@EXAMPLE.COM"`];
      const postgresOnly = [`name.givenName eq "émile"`, `displayName co "émile ø"`, `name.familyName sw "ør"`];
      const wrong: string[] = [];
      for (const filter of [...everywhere, ...postgresOnly]) {
        const res = await client.get("/Users", { query: { filter: `userName sw "ø${own}" and ${filter}` } });
        expect(res.status).toBe(200);
        const expected = provider === "sqlite" && postgresOnly.includes(filter) ? [] : [user.id];
        if (JSON.stringify(ids(res)) !== JSON.stringify(expected)) wrong.push(`${filter} → ${JSON.stringify(ids(res))}`);
      }
      expect(wrong).toEqual([]);
    });

    it("compares meta.created with a dateTime", async () => {
      expect(await match(`meta.created gt "${between}"`)).toEqual(["Bob", "Carol"]);
      expect(await match(`meta.created ge "${between}"`)).toEqual(["Bob", "Carol"]);
      expect(await match(`meta.created lt "${between}"`)).toEqual(["Alice"]);
      expect(await match(`meta.created le "${between}"`)).toEqual(["Alice"]);
      expect(await match(`meta.created eq "${alice.meta.created}"`)).toEqual(["Alice"]);
    });

    it("compares meta.lastModified with a dateTime", async () => {
      await sleep(50);
      const before = new Date().toISOString();
      await sleep(50);
      const res = await client.patch(`/Users/${bob.id}`, patchBody({ op: "replace", path: "nickName", value: "Bobby" }));
      expect(res.status).toBe(200);
      expect(await match(`meta.lastModified gt "${before}"`)).toEqual(["Bob"]);
      expect(await match(`meta.lastModified lt "${before}"`)).toEqual(["Alice", "Carol"]);
    });

    it.each([
      ["an unknown attribute", `nope eq "x"`],
      ["an unknown sub-attribute", `name.nope eq "x"`],
      ["a never-returned attribute", `password eq "secret"`],
      ["a missing value", `userName eq`],
      ["an unknown operator", `userName is "x"`],
      ["an unclosed parenthesis", `(userName eq "x"`],
      ["an unclosed value path", `emails[type eq "work"`],
      ["a dangling and", `userName eq "x" and`],
      ["an unterminated string", `userName eq "x`],
      ["a non-date on meta.created", `meta.created gt "yesterday"`],
    ])("answers %s with 400 invalidFilter", async (_name, filter) => {
      expectScimError(await client.get("/Users", { query: { filter } }), 400, "invalidFilter");
    });

    it("searches with POST /Users/.search and POST /.search", async () => {
      const request = {
        schemas: [URN.searchRequest],
        filter: `userName sw "${p}"`,
        sortBy: "userName",
        sortOrder: "ascending",
        startIndex: 1,
        count: 2,
        attributes: ["userName"],
      };
      for (const path of ["/Users/.search", "/.search"]) {
        const res = await client.post(path, request);
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
        expectScimJson(res);
        expect(res.body).toEqual({
          schemas: [URN.listResponse],
          totalResults: 3,
          startIndex: 1,
          itemsPerPage: 2,
          Resources: [
            { schemas: [URN.user], id: alice.id, userName: alice.userName },
            { schemas: [URN.user], id: bob.id, userName: bob.userName },
          ],
        });
      }
      const excluded = await client.post("/Users/.search", { schemas: [URN.searchRequest], filter: `userName eq "${carol.userName}"`, excludedAttributes: ["emails", "name"] });
      expect(excluded.body.Resources).toHaveLength(1);
      expect(excluded.body.Resources[0]).not.toHaveProperty("emails");
      expect(excluded.body.Resources[0]).not.toHaveProperty("name");
      expectScimError(await client.post("/.search", { schemas: [URN.searchRequest], filter: "nope eq 1" }), 400, "invalidFilter");
    });
  });

  describe("discovery", () => {
    it("serves ServiceProviderConfig", async () => {
      const res = await client.get("/ServiceProviderConfig");
      expect(res.status).toBe(200);
      expectScimJson(res);
      expect(res.body.schemas).toEqual([URN.serviceProviderConfig]);
      expect(res.body.patch).toEqual({ supported: true });
      expect(res.body.filter.supported).toBe(true);
      expect(typeof res.body.filter.maxResults).toBe("number");
      expect(res.body.etag).toEqual({ supported: true });
      expect(res.body.sort).toEqual({ supported: true });
      expect(res.body.bulk.supported).toBe(false);
      expect(res.body.changePassword.supported).toBe(false);
      expect(res.body.authenticationSchemes).toEqual([expect.objectContaining({ type: "oauthbearertoken" })]);
      expect(res.body.meta).toEqual({ resourceType: "ServiceProviderConfig", location: `${client.baseUrl}/ServiceProviderConfig` });
    });

    it("serves ResourceTypes and ResourceTypes/User", async () => {
      const list = await client.get("/ResourceTypes");
      expect(list.status).toBe(200);
      expect(list.body.schemas).toEqual([URN.listResponse]);
      expect(list.body.totalResults).toBe(list.body.Resources.length);
      const user = (list.body.Resources as Json[]).find((r) => r.id === "User");
      expect(user).toMatchObject({
        schemas: [URN.resourceType],
        id: "User",
        name: "User",
        endpoint: "/Users",
        schema: URN.user,
        schemaExtensions: [{ schema: URN.enterprise, required: false }],
      });
      const one = await client.get("/ResourceTypes/User");
      expect(one.status).toBe(200);
      expectScimJson(one);
      expect(one.body).toEqual(user);
      expectScimError(await client.get("/ResourceTypes/Nope"), 404);
    });

    it("serves Schemas and Schemas/{User URN}", async () => {
      const list = await client.get("/Schemas");
      expect(list.status).toBe(200);
      expect(list.body.schemas).toEqual([URN.listResponse]);
      const schemaIds = (list.body.Resources as Json[]).map((s) => s.id);
      expect(schemaIds).toEqual(expect.arrayContaining([URN.user, URN.enterprise]));

      const user = await client.get(`/Schemas/${URN.user}`);
      expect(user.status).toBe(200);
      expectScimJson(user);
      expect(user.body).toMatchObject({ schemas: [URN.schema], id: URN.user, name: "User" });
      const userName = (user.body.attributes as Json[]).find((a) => a.name === "userName");
      expect(userName).toMatchObject({ type: "string", required: true, uniqueness: "server", multiValued: false });
      const password = (user.body.attributes as Json[]).find((a) => a.name === "password");
      expect(password).toMatchObject({ mutability: "writeOnly", returned: "never" });
      expect((await client.get(`/Schemas/${encodeURIComponent(URN.enterprise)}`)).body.id).toBe(URN.enterprise);
      expectScimError(await client.get("/Schemas/urn:nope"), 404);
      // Found by the fuzzer: an id holding an encoded "%" was decoded twice, a URIError and a 500.
      expectScimError(await client.get("/Schemas/%25zz%3D"), 404);
      expect((await client.raw("HEAD", "/Schemas/x%25")).status).toBe(404);
    });

    it("refuses a filter on discovery endpoints with 403 and writes with 405", async () => {
      for (const path of ["/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/Schemas", `/Schemas/${URN.user}`]) {
        expectScimError(await client.get(path, { query: { filter: 'id eq "User"' } }), 403);
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          const res = await client.raw(method, path, { body: method === "DELETE" ? undefined : {} });
          expectScimError(res, 405);
          expect(res.headers.get("allow")).toBe("GET");
        }
      }
    });
  });

  describe("ETags", () => {
    it("sends ETag = meta.version, and answers a matching If-None-Match with 304", async () => {
      const user = await createUser(client, simpleUser(`etag-${unique()}`));
      const res = await client.get(`/Users/${user.id}`);
      expect(res.headers.get("etag")).toBe(res.body.meta.version);
      expect(res.body.meta.version).toMatch(/^W\/".+"$/);

      const notModified = await client.get(`/Users/${user.id}`, { headers: { "if-none-match": res.body.meta.version } });
      expect(notModified.status).toBe(304);
      expect(notModified.body).toBeNull();
      // RFC 7232 §4.1: a 304 MUST carry the ETag a 200 would have carried.
      expect(notModified.headers.get("etag")).toBe(res.body.meta.version);
      const modified = await client.get(`/Users/${user.id}`, { headers: { "if-none-match": 'W/"nope"' } });
      expect(modified.status).toBe(200);
    });

    it("refuses PUT, PATCH and DELETE with a stale If-Match with 412, and leaves the user as it was", async () => {
      const user = await createUser(client, simpleUser(`etag-${unique()}`));
      const stale = user.meta.version;
      const changed = await client.patch(`/Users/${user.id}`, patchBody({ op: "replace", path: "displayName", value: "Changed" }), { headers: { "if-match": stale } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get("etag")).toBe(changed.body.meta.version);
      expect(changed.body.meta.version).not.toBe(stale);

      expectScimError(await client.put(`/Users/${user.id}`, { ...simpleUser(user.userName), displayName: "Stale put" }, { headers: { "if-match": stale } }), 412);
      expectScimError(await client.patch(`/Users/${user.id}`, patchBody({ op: "replace", path: "displayName", value: "Stale patch" }), { headers: { "if-match": stale } }), 412);
      expectScimError(await client.delete(`/Users/${user.id}`, { headers: { "if-match": stale } }), 412);
      const now = await client.get(`/Users/${user.id}`);
      expect(now.status).toBe(200);
      expect(now.body).toEqual(changed.body);

      const put = await client.put(`/Users/${user.id}`, { ...simpleUser(user.userName), displayName: "Fresh put" }, { headers: { "if-match": changed.body.meta.version } });
      expect(put.status).toBe(200);
      expect(put.body.displayName).toBe("Fresh put");
    });
  });

  describe("PATCH errors", () => {
    async function expectFailedPatch(operations: Json[], status: number, scimType: string) {
      const user = await createUser(client, simpleUser(`pe-${unique()}`, { displayName: "Before", title: "Original" }));
      const res = await client.patch(`/Users/${user.id}`, patchBody(...operations));
      expectScimError(res, status, scimType);
      // All or nothing: the user is exactly as it was, version included.
      const after = await client.get(`/Users/${user.id}`);
      expect(after.body).toEqual(user);
    }

    it("answers an unknown op with invalidSyntax", () => expectFailedPatch([{ op: "move", path: "title", value: "x" }], 400, "invalidSyntax"));

    it("answers a body without PatchOp schema or Operations with invalidSyntax", async () => {
      const user = await createUser(client, simpleUser(`pe-${unique()}`));
      expectScimError(await client.patch(`/Users/${user.id}`, { Operations: [] }), 400, "invalidSyntax");
      expectScimError(await client.patch(`/Users/${user.id}`, { schemas: [URN.patchOp] }), 400, "invalidSyntax");
      expectScimError(await client.patch(`/Users/${user.id}`, { schemas: [URN.patchOp], Operations: [{ path: "title", value: "x" }] }), 400, "invalidSyntax");
    });

    it("answers an unknown attribute path with invalidPath", () => expectFailedPatch([{ op: "replace", path: "nope", value: "x" }], 400, "invalidPath"));

    it("answers a malformed path with invalidPath", () => expectFailedPatch([{ op: "replace", path: 'emails[type eq "work"', value: "x" }], 400, "invalidPath"));

    it("answers a replace whose filter matches nothing with noTarget", () =>
      expectFailedPatch([{ op: "replace", path: 'emails[type eq "home"]', value: { value: "home@example.com" } }], 400, "noTarget"));

    it("answers a remove whose filter matches nothing with noTarget", () => expectFailedPatch([{ op: "remove", path: 'emails[type eq "other"]' }], 400, "noTarget"));

    it("answers a remove without a path with noTarget", () => expectFailedPatch([{ op: "remove" }], 400, "noTarget"));

    it("answers a value of the wrong type with invalidValue", async () => {
      await expectFailedPatch([{ op: "replace", path: "active", value: "maybe" }], 400, "invalidValue");
      await expectFailedPatch([{ op: "replace", path: "displayName", value: { not: "a string" } }], 400, "invalidValue");
      await expectFailedPatch([{ op: "replace", path: "emails", value: "not-a-list@example.com" }], 400, "invalidValue");
    });

    it("answers a change of id with mutability", () => expectFailedPatch([{ op: "replace", path: "id", value: "another-id" }], 400, "mutability"));

    it("answers a change of meta with mutability", () => expectFailedPatch([{ op: "replace", path: "meta.created", value: "2001-01-01T00:00:00Z" }], 400, "mutability"));

    it("answers removing userName with mutability", () => expectFailedPatch([{ op: "remove", path: "userName" }], 400, "mutability"));

    it("applies none of the operations when a later one fails", () =>
      expectFailedPatch(
        [
          { op: "replace", path: "displayName", value: "After" },
          { op: "replace", path: "active", value: false },
          { op: "add", path: "nickName", value: "Nick" },
          { op: "replace", path: "nope", value: "x" },
        ],
        400,
        "invalidPath",
      ));

    it("applies none of the operations when a later one breaks a uniqueness rule", async () => {
      const other = await createUser(client, simpleUser(`pe-${unique()}`));
      const user = await createUser(client, simpleUser(`pe-${unique()}`, { displayName: "Before" }));
      const res = await client.patch(
        `/Users/${user.id}`,
        patchBody({ op: "replace", path: "displayName", value: "After" }, { op: "replace", path: "userName", value: other.userName.toUpperCase() }),
      );
      expectScimError(res, 409, "uniqueness");
      expect((await client.get(`/Users/${user.id}`)).body).toEqual(user);
    });
  });

  describe("provisioning rules", () => {
    it("links an existing local account with the same email instead of creating a second user", async () => {
      const email = `Local.${unique()}@Example.com`;
      const cli = await runCli(["create-user", "--email", email, "--password", "long enough password"], scim.server.database.url);
      expect(cli.code, cli.stderr).toBe(0);
      // A local account without a SCIM identity is not a SCIM resource.
      expect((await client.get("/Users", { query: { filter: `emails.value eq "${email}"` } })).body.totalResults).toBe(0);

      const res = await client.post("/Users", {
        schemas: [URN.user],
        userName: `idp-${unique()}`,
        externalId: `ext-${unique()}`,
        name: { givenName: "Local", familyName: "Person" },
        emails: [{ value: email.toLowerCase(), type: "work", primary: true }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.active).toBe(true);

      const found = await client.get("/Users", { query: { filter: `emails[value eq "${email}"]` } });
      expect(ids(found)).toEqual([res.body.id]);
      const byName = await client.get("/Users", { query: { filter: `userName eq "${res.body.userName}"` } });
      expect(ids(byName)).toEqual([res.body.id]);

      const db = createDb(scim.server.database.url);
      try {
        const users = await db.user.findMany({ where: { emailNorm: email.toLowerCase() }, include: { scimIdentity: true } });
        expect(users).toHaveLength(1);
        expect(users[0].id).toBe(res.body.id);
        expect(users[0].passwordHash).toBeTruthy(); // the CLI's account, not a new one
        expect(users[0].scimIdentity?.userName).toBe(res.body.userName);
      } finally {
        await db.$disconnect();
      }

      // A second SCIM user with that email is refused.
      const again = await client.post("/Users", simpleUser(`idp-${unique()}`, { emails: [{ value: email, type: "work", primary: true }] }));
      expectScimError(again, 409, "uniqueness");
    });

    it("refuses a POST whose externalId is already provisioned with 409 uniqueness", async () => {
      const externalId = `ext-${unique()}`;
      await createUser(client, simpleUser(`ext-${unique()}`, { externalId }));
      expectScimError(await client.post("/Users", simpleUser(`ext-${unique()}`, { externalId: externalId.toUpperCase() })), 409, "uniqueness");
    });

    it("brings a deactivated user back when it is POSTed again: 201, the same id, active", async () => {
      const body = simpleUser(`back-${unique()}`, { externalId: `ext-${unique()}` });
      const user = await createUser(client, body);
      const off = await client.patch(`/Users/${user.id}`, patchBody({ op: "replace", path: "active", value: false }));
      expect(off.body.active).toBe(false);
      const res = await client.post("/Users", { ...body, title: "Returned" });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.id).toBe(user.id);
      expect(res.body.active).toBe(true);
      expect(res.body.title).toBe("Returned");
    });

    it("keeps the state on a PUT without active, and refuses a PUT to another user's userName", async () => {
      const other = await createUser(client, simpleUser(`put-${unique()}`));
      const user = await createUser(client, simpleUser(`put-${unique()}`, { active: false }));
      expect(user.active).toBe(false);
      const { active: _omitted, ...withoutActive } = simpleUser(user.userName, { title: "Put" });
      const put = await client.put(`/Users/${user.id}`, withoutActive);
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.active).toBe(false);
      expect(put.body.title).toBe("Put");
      expectScimError(await client.put(`/Users/${user.id}`, simpleUser(other.userName.toUpperCase(), { emails: user.emails })), 409, "uniqueness");
      expect((await client.get(`/Users/${user.id}`)).body).toEqual(put.body);
    });

    it('creates a blocked user when POSTed with active "False"', async () => {
      const res = await client.post("/Users", simpleUser(`blocked-${unique()}`, { active: "False" }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.active).toBe(false);
      expect((await client.get(`/Users/${res.body.id}`)).body.active).toBe(false);
      const inactive = await client.get("/Users", { query: { filter: `userName eq "${res.body.userName}" and active eq false` } });
      expect(ids(inactive)).toEqual([res.body.id]);

      const db = createDb(scim.server.database.url);
      try {
        expect((await db.user.findUniqueOrThrow({ where: { id: res.body.id } })).state).toBe("blocked");
      } finally {
        await db.$disconnect();
      }
    });
  });

  // Last: it replaces the token every other test uses.
  it("refuses a token revoked by generating a new one (within the 5 s cache)", async () => {
    const old = scim.token;
    expect((await client.get("/Users", { query: { count: 0 } })).status).toBe(200);
    const fresh = await generateToken(scim.server);
    client.token = fresh;
    expect((await client.get("/Users", { query: { count: 0 } })).status).toBe(200);
    await sleep(6_000);
    const res = await client.raw("GET", "/Users", { authorization: `Bearer ${old}` });
    expectScimError(res, 401);
    expect((await client.get("/Users", { query: { count: 0 } })).status).toBe(200);
    scim.token = fresh;
  });
});

describe.each(providers)("rate limiting and security headers on %s", (provider) => {
  let scim: ScimServer;
  beforeAll(async () => {
    scim = await startScimServer(provider, { SCIM_RATE_LIMIT: "2", SCIM_RATE_BURST: "5" });
  });
  afterAll(async () => {
    await scim?.server.stop();
  });

  it("answers 429 with Retry-After and a SCIM error once a token's burst is spent", async () => {
    const statuses: number[] = [];
    let limited: ScimResponse | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await scim.client.get("/Users?count=1");
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited, statuses.join(",")).toBeDefined();
    expectScimError(limited!, 429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("sends the security headers on SCIM responses and pages", async () => {
    for (const path of ["/api/scim/v2/ServiceProviderConfig", "/login"]) {
      const res = await fetch(`${scim.server.baseUrl}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBeTruthy();
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    }
  });
});
