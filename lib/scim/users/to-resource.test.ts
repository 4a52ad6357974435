import { describe, expect, it } from "vitest";
import { userFromResource } from "./from-resource";
import type { ScimUserRecord, UserInput } from "./record";
import { toUserResource, userLocation } from "./to-resource";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const BASE = "https://scim.example.com/api/scim/v2";

const CREATED = new Date("2024-01-31T12:00:00.000Z");
const MODIFIED = new Date("2024-02-01T08:30:15.123Z");

/** A user with nothing assigned but what is required. */
function minimalRecord(overrides: Partial<ScimUserRecord> = {}): ScimUserRecord {
  return {
    id: "2819c223-7f76-453a-919d-413861904646",
    userName: "bjensen",
    externalId: null,
    active: true,
    name: { formatted: null, familyName: null, givenName: null, middleName: null, honorificPrefix: null, honorificSuffix: null },
    displayName: null,
    nickName: null,
    profileUrl: null,
    title: null,
    userType: null,
    preferredLanguage: null,
    locale: null,
    timezone: null,
    emails: [],
    phoneNumbers: null,
    addresses: null,
    enterprise: {
      employeeNumber: null,
      costCenter: null,
      organization: null,
      division: null,
      department: null,
      managerId: null,
      managerName: null,
    },
    version: 1,
    created: CREATED,
    lastModified: MODIFIED,
    groups: [],
    ...overrides,
  };
}

/** A user with every attribute assigned. */
const FULL: ScimUserRecord = minimalRecord({
  userName: "bjensen@example.com",
  externalId: "701984",
  active: false,
  name: {
    formatted: "Ms. Barbara J Jensen, III",
    familyName: "Jensen",
    givenName: "Barbara",
    middleName: "Jane",
    honorificPrefix: "Ms.",
    honorificSuffix: "III",
  },
  displayName: "Babs Jensen",
  nickName: "Babs",
  profileUrl: "https://login.example.com/bjensen",
  title: "Tour Guide",
  userType: "Employee",
  preferredLanguage: "en-US",
  locale: "en-US",
  timezone: "America/Los_Angeles",
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true, display: null },
    { value: "babs@jensen.org", type: "home", primary: false, display: "Home" },
  ],
  phoneNumbers: [{ value: "555-555-5555", type: "work" }],
  addresses: [{ streetAddress: "100 Universal City Plaza", locality: "Hollywood", country: "US", type: "work", primary: true }],
  enterprise: {
    employeeNumber: "701984",
    costCenter: "4130",
    organization: "Universal Studios",
    division: "Theme Park",
    department: "Tour Operations",
    managerId: "26118915-6090-4a45-8f32-8a4bd6b1ae26",
    managerName: "John Smith",
  },
  version: 7,
  groups: [{ id: "e9e30dba-f08f-4109-8486-d5c6a331660a", displayName: "Tour Guides" }],
});

/** The UserInput a record was stored from: what reading its resource back must give. */
function inputOf(record: ScimUserRecord): UserInput {
  const { id: _id, version: _version, created: _created, lastModified: _lastModified, groups: _groups, ...input } = record;
  return input;
}

describe("toUserResource", () => {
  it("renders every assigned attribute in the RFC 7643 shape", () => {
    expect(toUserResource(FULL, BASE)).toEqual({
      schemas: [USER, ENTERPRISE],
      id: FULL.id,
      externalId: "701984",
      userName: "bjensen@example.com",
      name: {
        formatted: "Ms. Barbara J Jensen, III",
        familyName: "Jensen",
        givenName: "Barbara",
        middleName: "Jane",
        honorificPrefix: "Ms.",
        honorificSuffix: "III",
      },
      displayName: "Babs Jensen",
      nickName: "Babs",
      profileUrl: "https://login.example.com/bjensen",
      title: "Tour Guide",
      userType: "Employee",
      preferredLanguage: "en-US",
      locale: "en-US",
      timezone: "America/Los_Angeles",
      active: false,
      emails: [
        { value: "bjensen@example.com", type: "work", primary: true },
        { value: "babs@jensen.org", type: "home", display: "Home" },
      ],
      phoneNumbers: [{ value: "555-555-5555", type: "work" }],
      addresses: [{ streetAddress: "100 Universal City Plaza", locality: "Hollywood", country: "US", type: "work", primary: true }],
      groups: [
        {
          value: "e9e30dba-f08f-4109-8486-d5c6a331660a",
          $ref: `${BASE}/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a`,
          display: "Tour Guides",
          type: "direct",
        },
      ],
      [ENTERPRISE]: {
        employeeNumber: "701984",
        costCenter: "4130",
        organization: "Universal Studios",
        division: "Theme Park",
        department: "Tour Operations",
        manager: {
          value: "26118915-6090-4a45-8f32-8a4bd6b1ae26",
          $ref: `${BASE}/Users/26118915-6090-4a45-8f32-8a4bd6b1ae26`,
          displayName: "John Smith",
        },
      },
      meta: {
        resourceType: "User",
        created: "2024-01-31T12:00:00.000Z",
        lastModified: "2024-02-01T08:30:15.123Z",
        location: `${BASE}/Users/${FULL.id}`,
        version: 'W/"7"',
      },
    });
  });

  it("leaves unassigned attributes out entirely (no nulls, no empty objects or lists)", () => {
    const resource = toUserResource(minimalRecord(), BASE);
    expect(resource).toEqual({
      schemas: [USER],
      id: "2819c223-7f76-453a-919d-413861904646",
      userName: "bjensen",
      active: true,
      meta: {
        resourceType: "User",
        created: "2024-01-31T12:00:00.000Z",
        lastModified: "2024-02-01T08:30:15.123Z",
        location: `${BASE}/Users/2819c223-7f76-453a-919d-413861904646`,
        version: 'W/"1"',
      },
    });
    expect(JSON.stringify(resource)).not.toContain("null");
  });

  it("always states active, including false", () => {
    expect(toUserResource(minimalRecord({ active: false }), BASE).active).toBe(false);
    expect(toUserResource(minimalRecord({ active: true }), BASE).active).toBe(true);
  });

  it("renders only the assigned parts of the name", () => {
    const resource = toUserResource(minimalRecord({ name: { ...minimalRecord().name, givenName: "Barbara" } }), BASE);
    expect(resource.name).toEqual({ givenName: "Barbara" });
  });

  it("omits primary: false and unassigned email sub-attributes", () => {
    const resource = toUserResource(
      minimalRecord({ emails: [{ value: "a@x.com", type: null, primary: false, display: null }] }),
      BASE,
    );
    expect(resource.emails).toEqual([{ value: "a@x.com" }]);
  });

  it("omits empty phoneNumbers and addresses lists", () => {
    const resource = toUserResource(minimalRecord({ phoneNumbers: [], addresses: [] }), BASE);
    expect(resource).not.toHaveProperty("phoneNumbers");
    expect(resource).not.toHaveProperty("addresses");
  });

  it("never renders a password", () => {
    expect(toUserResource(FULL, BASE)).not.toHaveProperty("password");
  });

  describe("the enterprise extension", () => {
    const withEnterprise = (enterprise: Partial<ScimUserRecord["enterprise"]>) =>
      toUserResource(minimalRecord({ enterprise: { ...minimalRecord().enterprise, ...enterprise } }), BASE);

    it("is declared in schemas only when one of its attributes is set", () => {
      expect(toUserResource(minimalRecord(), BASE).schemas).toEqual([USER]);
      expect(toUserResource(minimalRecord(), BASE)).not.toHaveProperty([ENTERPRISE]);
      const resource = withEnterprise({ department: "Sales" });
      expect(resource.schemas).toEqual([USER, ENTERPRISE]);
      expect(resource[ENTERPRISE]).toEqual({ department: "Sales" });
    });

    it("counts a manager alone as an enterprise attribute", () => {
      const resource = withEnterprise({ managerId: "m-1" });
      expect(resource.schemas).toEqual([USER, ENTERPRISE]);
      expect(resource[ENTERPRISE]).toEqual({ manager: { value: "m-1", $ref: `${BASE}/Users/m-1` } });
    });

    it("renders a manager known only by name without value or $ref", () => {
      expect(withEnterprise({ managerName: "John Smith" })[ENTERPRISE]).toEqual({ manager: { displayName: "John Smith" } });
    });

    it("percent-encodes the manager's id in its $ref", () => {
      expect(withEnterprise({ managerId: "a/b c" })[ENTERPRISE]).toEqual({
        manager: { value: "a/b c", $ref: `${BASE}/Users/a%2Fb%20c` },
      });
    });
  });

  describe("meta", () => {
    it("locates the resource under /Users with its id percent-encoded", () => {
      const resource = toUserResource(minimalRecord({ id: "id with/slash" }), BASE);
      expect(resource.meta).toMatchObject({ location: `${BASE}/Users/id%20with%2Fslash` });
      expect(resource.id).toBe("id with/slash");
      expect(userLocation(BASE, "x?y")).toBe(`${BASE}/Users/x%3Fy`);
    });

    it("carries the version as a weak ETag", () => {
      expect(toUserResource(minimalRecord({ version: 42 }), BASE).meta).toMatchObject({ version: 'W/"42"' });
    });

    it("renders created and lastModified as ISO-8601 instants in UTC", () => {
      const meta = toUserResource(FULL, BASE).meta as Record<string, unknown>;
      expect(meta.created).toBe(CREATED.toISOString());
      expect(meta.lastModified).toBe(MODIFIED.toISOString());
      expect(new Date(meta.lastModified as string).getTime()).toBe(MODIFIED.getTime());
      expect(meta.resourceType).toBe("User");
    });
  });

  it("percent-encodes group ids in their $ref", () => {
    const resource = toUserResource(minimalRecord({ groups: [{ id: "g/1", displayName: "G" }] }), BASE);
    expect(resource.groups).toEqual([{ value: "g/1", $ref: `${BASE}/Groups/g%2F1`, display: "G", type: "direct" }]);
  });
});

describe("toUserResource → userFromResource round trip", () => {
  it.each([
    ["a fully assigned user", FULL],
    ["a minimal user", minimalRecord()],
    ["a user whose manager is known only by name", minimalRecord({ enterprise: { ...minimalRecord().enterprise, managerName: "Boss" } })],
    [
      "a user with only non-primary emails",
      minimalRecord({
        emails: [
          { value: "a@x.com", type: "other", primary: false, display: null },
          { value: "b@x.com", type: null, primary: false, display: "B" },
        ],
      }),
    ],
  ])("gives back the stored input for %s", (_, record) => {
    expect(userFromResource(toUserResource(record, BASE))).toEqual(inputOf(record));
  });

  it("is stable: rendering what was read back gives the same resource", () => {
    const first = toUserResource(FULL, BASE);
    const again = toUserResource({ ...FULL, ...userFromResource(first), active: FULL.active }, BASE);
    expect(again).toEqual(first);
  });

  it("survives JSON serialization (what a PATCH round trip goes through)", () => {
    const json = JSON.parse(JSON.stringify(toUserResource(FULL, BASE))) as unknown;
    expect(userFromResource(json)).toEqual(inputOf(FULL));
  });
});
