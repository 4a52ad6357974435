import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from "../../lib/scim/filter/parse-filter";
import { MAX_MEMBERS_PER_REQUEST } from "../../lib/scim/groups/members";
import { DEFAULT_MAX_OPERATIONS } from "../../lib/scim/patch/parse-body";
import { MAX_BODY_BYTES } from "../../lib/scim-http/read-body";
import { PAGING } from "../../lib/scim-http/request-params";
import { seedUsers } from "../../scripts/bench/seed";
import { testProviders } from "../support/databases";
import { URN, type Json } from "../support/scim-client";
import { createUser, expectScimError, patchBody, simpleUser, startScimServer, unique, type ScimServer } from "../support/scim-test-helpers";

// Every bound the SCIM API enforces, over HTTP, at and just past its limit; the numbers come from the code.
const providers = await testProviders();

const memberList = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }));

describe.each(providers)("SCIM limits on %s", (provider) => {
  let s: ScimServer;

  beforeAll(async () => {
    s = await startScimServer(provider);
    await seedUsers(s.server.database.url, PAGING.maxCount + 1, () => {});
  }, 120_000);
  afterAll(async () => {
    await s?.server.stop();
  });

  it("advertises the page size and payload size it enforces in ServiceProviderConfig", async () => {
    const res = await s.client.get("/ServiceProviderConfig");
    expect(res.status).toBe(200);
    expect(res.body.schemas).toEqual([URN.serviceProviderConfig]);
    expect(res.body.filter).toEqual({ supported: true, maxResults: PAGING.maxCount });
    // No Bulk endpoint: maxOperations is 0; maxPayloadSize is the bound every request body has.
    expect(res.body.bulk).toEqual({ supported: false, maxOperations: 0, maxPayloadSize: MAX_BODY_BYTES });
  });

  it("returns at most filter.maxResults resources per page, however many are asked for", async () => {
    const res = await s.client.get("/Users", { query: { count: PAGING.maxCount * 2, attributes: "userName" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalResults: PAGING.maxCount + 1, itemsPerPage: PAGING.maxCount, startIndex: 1 });
    expect(res.body.Resources).toHaveLength(PAGING.maxCount);
    const search = await s.client.post("/Users/.search", { schemas: [URN.searchRequest], count: PAGING.maxCount + 5, attributes: ["userName"] });
    expect(search.status).toBe(200);
    expect(search.body.Resources).toHaveLength(PAGING.maxCount);
    const defaults = await s.client.get("/Users", { query: { attributes: "userName" } });
    expect(defaults.body.Resources).toHaveLength(PAGING.defaultCount);
  });

  it(`refuses a body over ${MAX_BODY_BYTES} bytes with 413, declared or streamed`, async () => {
    // Valid JSON padded with trailing whitespace to an exact size: only the size is at stake.
    const sized = (bytes: number) => {
      const json = JSON.stringify(simpleUser(`size-${unique()}`));
      return json + " ".repeat(bytes - Buffer.byteLength(json));
    };
    expectScimError(await s.client.post("/Users", sized(MAX_BODY_BYTES + 1)), 413);
    const streamed = await fetch(s.client.url("/Users"), {
      method: "POST",
      headers: { authorization: `Bearer ${s.token}`, "content-type": "application/scim+json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(sized(MAX_BODY_BYTES + 1)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(await streamed.json()).toMatchObject({ schemas: [URN.error], status: "413" });
    // Exactly at the bound is read, and the user created.
    expect((await s.client.post("/Users", sized(MAX_BODY_BYTES))).status).toBe(201);
  });

  it(`refuses a filter longer than ${MAX_FILTER_LENGTH} characters, in the query and in a search body`, async () => {
    const filterOf = (length: number) => {
      const head = 'userName eq "';
      return `${head}${"a".repeat(length - head.length - 1)}"`;
    };
    expect(filterOf(MAX_FILTER_LENGTH)).toHaveLength(MAX_FILTER_LENGTH);
    expect((await s.client.get("/Users", { query: { filter: filterOf(MAX_FILTER_LENGTH) } })).status).toBe(200);
    expectScimError(await s.client.get("/Users", { query: { filter: filterOf(MAX_FILTER_LENGTH + 1) } }), 400, "invalidFilter");
    expectScimError(await s.client.post("/.search", { schemas: [URN.searchRequest], filter: filterOf(MAX_FILTER_LENGTH + 1) }), 400, "invalidFilter");
  });

  it(`refuses a filter nested deeper than ${MAX_FILTER_DEPTH} or with more than ${MAX_FILTER_COMPARISONS} comparisons`, async () => {
    const nested = (depth: number) => `${"(".repeat(depth)}userName eq "nobody"${")".repeat(depth)}`;
    expect((await s.client.get("/Users", { query: { filter: nested(MAX_FILTER_DEPTH) } })).status).toBe(200);
    expectScimError(await s.client.get("/Users", { query: { filter: nested(MAX_FILTER_DEPTH + 1) } }), 400, "invalidFilter");
    const comparisons = (n: number) => Array.from({ length: n }, (_, i) => `userName eq "u${i}"`).join(" or ");
    expect((await s.client.get("/Users", { query: { filter: comparisons(MAX_FILTER_COMPARISONS) } })).status).toBe(200);
    expectScimError(await s.client.get("/Users", { query: { filter: comparisons(MAX_FILTER_COMPARISONS + 1) } }), 400, "invalidFilter");
  });

  it(`refuses a PATCH with more than ${DEFAULT_MAX_OPERATIONS} operations`, async () => {
    const user = await createUser(s.client, simpleUser(`ops-${unique()}`));
    const ops = (n: number): Json[] => Array.from({ length: n }, (_, i) => ({ op: "replace", path: "title", value: `t${i}` }));
    expectScimError(await s.client.patch(`/Users/${user.id}`, patchBody(...ops(DEFAULT_MAX_OPERATIONS + 1))), 400, "invalidSyntax");
    const atLimit = await s.client.patch(`/Users/${user.id}`, patchBody(...ops(DEFAULT_MAX_OPERATIONS)));
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.title).toBe(`t${DEFAULT_MAX_OPERATIONS - 1}`);
  });

  it(`refuses a group PATCH naming more than ${MAX_MEMBERS_PER_REQUEST} members, in one operation or over several`, async () => {
    const group = await s.client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `limits-${unique()}` });
    expect(group.status).toBe(201);
    const path = `/Groups/${group.body.id}`;
    const tooMany = memberList(MAX_MEMBERS_PER_REQUEST + 1);
    expectScimError(await s.client.patch(path, patchBody({ op: "add", path: "members", value: tooMany })), 400, "invalidValue");
    const half = Math.ceil(tooMany.length / 2);
    const split = patchBody({ op: "add", path: "members", value: tooMany.slice(0, half) }, { op: "remove", path: "members", value: tooMany.slice(half) });
    expectScimError(await s.client.patch(path, split), 400, "invalidValue");
    // The same count on create is bounded too.
    expectScimError(
      await s.client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: `limits-${unique()}`, members: tooMany }),
      400,
      "invalidValue",
    );
  });
});
