// toGroupResource: the SCIM representation of a stored group (RFC 7643 §4.2).
import { describe, expect, it } from "vitest";
import { GROUP_SCHEMA_ID } from "../urns";
import type { ScimGroupRecord } from "./record";
import { groupLocation, toGroupResource } from "./to-resource";

const BASE = "https://scim.example.com/prefix/api/scim/v2";
const created = new Date("2024-01-02T03:04:05.678Z");
const lastModified = new Date("2024-02-03T04:05:06.789Z");

function record(extra: Partial<ScimGroupRecord> = {}): ScimGroupRecord {
  return { id: "g-1", displayName: "Engineering", externalId: null, version: 3, created, lastModified, ...extra };
}

describe("toGroupResource", () => {
  it("renders id, displayName and meta, with a weak ETag version and the location under the base URL", () => {
    expect(toGroupResource(record(), BASE)).toEqual({
      schemas: [GROUP_SCHEMA_ID],
      id: "g-1",
      displayName: "Engineering",
      meta: {
        resourceType: "Group",
        created: "2024-01-02T03:04:05.678Z",
        lastModified: "2024-02-03T04:05:06.789Z",
        location: `${BASE}/Groups/g-1`,
        version: 'W/"3"',
      },
    });
  });

  it("shows externalId only when set", () => {
    expect(toGroupResource(record({ externalId: "ext-9" }), BASE).externalId).toBe("ext-9");
    expect(toGroupResource(record({ externalId: null }), BASE)).not.toHaveProperty("externalId");
    expect(toGroupResource(record({ externalId: "" }), BASE)).not.toHaveProperty("externalId");
  });

  it("omits members when they were not loaded, and shows [] for a loaded empty group", () => {
    expect(toGroupResource(record(), BASE)).not.toHaveProperty("members");
    expect(toGroupResource(record({ members: [] }), BASE).members).toEqual([]);
  });

  it("renders members with value, display, $ref to the User and type, in the given order", () => {
    const resource = toGroupResource(
      record({ members: [{ id: "u-2", display: "Bob Two" }, { id: "u-1", display: null }] }),
      BASE,
    );
    expect(resource.members).toEqual([
      { value: "u-2", display: "Bob Two", $ref: `${BASE}/Users/u-2`, type: "User" },
      { value: "u-1", $ref: `${BASE}/Users/u-1`, type: "User" },
    ]);
    expect((resource.members as object[])[1]).not.toHaveProperty("display");
  });

  it("percent-encodes ids in locations and member references", () => {
    const resource = toGroupResource(record({ id: "a b/c", members: [{ id: "u/1?", display: "x" }] }), BASE);
    expect((resource.meta as { location: string }).location).toBe(`${BASE}/Groups/a%20b%2Fc`);
    expect(groupLocation(BASE, "a b/c")).toBe(`${BASE}/Groups/a%20b%2Fc`);
    expect((resource.members as { $ref: string }[])[0].$ref).toBe(`${BASE}/Users/u%2F1%3F`);
  });

  it("is JSON-serialisable as is (no Dates or undefined values left)", () => {
    const resource = toGroupResource(record({ externalId: "e", members: [{ id: "u", display: "U" }] }), BASE);
    expect(JSON.parse(JSON.stringify(resource))).toEqual(resource);
  });
});
