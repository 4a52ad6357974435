import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders, type TestDatabase } from "../../tests/support/databases";
import { dropProcessDatabase, pointProcessAtFreshDatabase } from "../../tests/support/process-database";
import type { Db } from "../db";
import type { Provider } from "../db/provider";
import type * as Service from "./list-scim-requests";

const second = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, n));
const base = { durationMs: 5, tokenId: null, tokenPrefix: "scim_AbCdEfG", scimType: null, detail: null, requestBody: null };

const REQUESTS = [
  { ...base, id: "r1", at: second(1), method: "POST", path: "/Users", status: 201, requestBody: '{"userName":"a","password":"[redacted]"}' },
  { ...base, id: "r2", at: second(2), method: "GET", path: "/Users?filter=userName%20qq%20%22x%22", status: 400, scimType: "invalidFilter", detail: "Bad filter" },
  { ...base, id: "r3", at: second(3), method: "PATCH", path: "/Users/abc", status: 200 },
  { ...base, id: "r4", at: second(4), method: "GET", path: "/Groups", status: 500, detail: "Internal error" },
  { ...base, id: "r5", at: second(5), method: "DELETE", path: "/Users/abc", status: 404, scimType: null, detail: "Not found", tokenPrefix: null },
  { ...base, id: "r6", at: second(6), method: "GET", path: "/ServiceProviderConfig", status: 200 },
];

const providers = await testProviders();

describe.each(providers)("listScimRequests on %s", (provider: Provider) => {
  let database: TestDatabase;
  let service: typeof Service;
  let db: Db;
  const ids = async (options: Partial<Service.ListScimRequestsOptions>) =>
    (await service.listScimRequests({ page: 1, perPage: 50, ...options })).requests.map((r) => r.id);

  beforeAll(async () => {
    database = await pointProcessAtFreshDatabase(provider, "scimlog");
    service = await import("./list-scim-requests");
    ({ db } = await import("../db"));
    await db.scimRequestLog.createMany({ data: REQUESTS });
  });

  afterAll(async () => {
    await dropProcessDatabase(database, db);
  });

  it("lists requests newest first, a page at a time, without their bodies", async () => {
    expect(await ids({})).toEqual(["r6", "r5", "r4", "r3", "r2", "r1"]);
    const page = await service.listScimRequests({ page: 2, perPage: 4 });
    expect(page.total).toBe(6);
    expect(page.requests.map((r) => r.id)).toEqual(["r2", "r1"]);
    expect(page.requests[1]).not.toHaveProperty("requestBody");
    expect(page.requests[0]).toMatchObject({ method: "GET", status: 400, scimType: "invalidFilter", detail: "Bad filter", tokenPrefix: "scim_AbCdEfG" });
  });

  it("keeps only errors (4xx and 5xx) when asked", async () => {
    expect(await ids({ errorsOnly: true })).toEqual(["r5", "r4", "r2"]);
  });

  it("filters by method, whatever its case", async () => {
    expect(await ids({ method: "get" })).toEqual(["r6", "r4", "r2"]);
    expect(await ids({ method: "POST", errorsOnly: true })).toEqual([]);
  });

  it("matches the start of the path case-insensitively, without wildcards", async () => {
    expect(await ids({ path: "/Users" })).toEqual(["r5", "r3", "r2", "r1"]);
    expect(await ids({ path: " /users/ABC " })).toEqual(["r5", "r3"]);
    expect(await ids({ path: "/Users?filter=" })).toEqual(["r2"]);
    expect(await ids({ path: "Users" })).toEqual([]);
    expect(await ids({ path: "/%" })).toEqual([]);
    expect(await ids({ path: "/_sers" })).toEqual([]);
    expect(await ids({ path: "/users", method: "delete", errorsOnly: true })).toEqual(["r5"]);
  });

  it("finds one request in full, body included", async () => {
    expect(await service.findScimRequest({ id: "r1" })).toMatchObject({ id: "r1", method: "POST", requestBody: '{"userName":"a","password":"[redacted]"}' });
    expect(await service.findScimRequest({ id: "nope" })).toBeNull();
  });
});
