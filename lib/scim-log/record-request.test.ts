import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders, type TestDatabase } from "../../tests/support/databases";
import { dropProcessDatabase, pointProcessAtFreshDatabase } from "../../tests/support/process-database";
import type { Db } from "../db";
import type { Provider } from "../db/provider";
import type * as Service from "./record-request";

// The log is written in batches straight on the driver: what the ORM reads back (the Admin Area's view) must be
// exactly what was recorded, timestamps to the millisecond and nulls included.

const providers = await testProviders();
const at = (ms: number) => new Date(Date.UTC(2026, 10, 29, 9, 0, 0, ms));

const ENTRIES = [
  { at: at(1), method: "POST", path: "/Users", status: 201, durationMs: 12, tokenId: null, tokenPrefix: "scim_AbCdEfG", scimType: null, detail: null, requestBody: '{"userName":"a","password":"[redacted]"}' },
  { at: at(2), method: "GET", path: '/Users?filter=userName eq "ü"', status: 400, durationMs: 0, tokenId: null, tokenPrefix: null, scimType: "invalidFilter", detail: "Bad filter", requestBody: null },
  ...Array.from({ length: 250 }, (_, n) => ({ at: at(10 + n), method: "PATCH", path: `/Users/u${n}`, status: 200, durationMs: n, tokenId: null, tokenPrefix: "scim_AbCdEfG", scimType: null, detail: null, requestBody: "{}" })),
];

describe.each(providers)("the SCIM request log on %s", (provider: Provider) => {
  let database: TestDatabase;
  let service: typeof Service;
  let db: Db;

  beforeAll(async () => {
    database = await pointProcessAtFreshDatabase(provider, "scimlog");
    service = await import("./record-request");
    ({ db } = await import("../db"));
  });
  afterAll(async () => {
    await dropProcessDatabase(database, db);
  });

  it("writes every entry, more than one batch's worth, as the Admin Area reads it", async () => {
    const written = ENTRIES.map((entry) => service.recordScimRequest(entry));
    await service.flushScimLog();
    await Promise.all(written);
    const rows = await db.scimRequestLog.findMany({ orderBy: { at: "asc" } });
    expect(rows.map(({ id, ...row }) => (expect(id).toMatch(/^[0-9a-f-]{36}$/), row))).toEqual(ENTRIES);
  });
});
