import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { userFromResource } from "./from-resource";
import type { Enterprise, UserInput, UserName } from "./record";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const NO_NAME: UserName = {
  formatted: null,
  familyName: null,
  givenName: null,
  middleName: null,
  honorificPrefix: null,
  honorificSuffix: null,
};

const NO_ENTERPRISE: Enterprise = {
  employeeNumber: null,
  costCenter: null,
  organization: null,
  division: null,
  department: null,
  managerId: null,
  managerName: null,
};

/** What userFromResource returns for a body with nothing but a userName. */
const MINIMAL: UserInput = {
  userName: "bjensen",
  externalId: null,
  active: undefined,
  name: NO_NAME,
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
  enterprise: NO_ENTERPRISE,
};

function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error("expected a ScimError to be thrown");
}

const rejected = (body: unknown) => scimError(() => userFromResource(body));

describe("userFromResource: identity provider bodies", () => {
  it("reads Okta's create request (and never reads the password)", () => {
    const okta = {
      schemas: [USER],
      userName: "test.user@okta.local",
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: "test.user@okta.local", type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      password: "1mz050nq",
      active: true,
    };
    const input = userFromResource(okta);
    expect(input).toEqual({
      ...MINIMAL,
      userName: "test.user@okta.local",
      externalId: "00ujl29u0le5T6Aj10h7",
      active: true,
      name: { ...NO_NAME, givenName: "Test", familyName: "User" },
      displayName: "Test User",
      locale: "en-US",
      emails: [{ value: "test.user@okta.local", type: "work", primary: true, display: null }],
    });
    expect(JSON.stringify(input)).not.toContain("1mz050nq");
    expect(Object.keys(input)).not.toContain("password");
  });

  it("ignores a password of any shape instead of validating it", () => {
    expect(userFromResource({ userName: "a", password: { nested: ["x"] } })).toEqual({ ...MINIMAL, userName: "a" });
    expect(userFromResource({ userName: "a", password: 12345 })).toEqual({ ...MINIMAL, userName: "a" });
  });

  it("reads Entra ID's create request with the enterprise extension and a manager object", () => {
    const entra = {
      schemas: [USER, ENTERPRISE],
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName: "Test_User_ab6490ee@contoso.com",
      active: true,
      displayName: "Test User",
      emails: [{ type: "work", primary: true, value: "Test_User_ab6490ee@contoso.com" }],
      meta: { resourceType: "User" },
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      title: "Software Engineer",
      preferredLanguage: "en-US",
      [ENTERPRISE]: {
        employeeNumber: "701984",
        department: "Engineering",
        costCenter: "4130",
        organization: "Contoso",
        division: "Cloud",
        manager: { value: "26118915-6090-4a45-8f32-8a4bd6b1ae26" },
      },
    };
    expect(userFromResource(entra)).toEqual({
      ...MINIMAL,
      userName: "Test_User_ab6490ee@contoso.com",
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      active: true,
      name: { ...NO_NAME, formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      displayName: "Test User",
      title: "Software Engineer",
      preferredLanguage: "en-US",
      emails: [{ value: "Test_User_ab6490ee@contoso.com", type: "work", primary: true, display: null }],
      enterprise: {
        employeeNumber: "701984",
        costCenter: "4130",
        organization: "Contoso",
        division: "Cloud",
        department: "Engineering",
        managerId: "26118915-6090-4a45-8f32-8a4bd6b1ae26",
        managerName: null,
      },
    });
  });

  it.each([
    ["True", true],
    ["False", false],
    ["true", true],
    ["FALSE", false],
    [" false ", false],
    [true, true],
    [false, false],
  ] as const)("reads active %j as %j (Entra sends booleans as strings)", (active, expected) => {
    expect(userFromResource({ userName: "a", active }).active).toBe(expected);
  });

  it("leaves active undefined when the body does not say (so a PUT keeps the current state)", () => {
    expect(userFromResource({ userName: "a" }).active).toBeUndefined();
    expect(userFromResource({ userName: "a", active: null }).active).toBeUndefined();
  });

  it.each(["yes", "1", "", 1, 0, {}, []])("rejects active %j with 400 invalidValue", (active) => {
    expect(rejected({ userName: "a", active })).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("reads email primary flags sent as strings", () => {
    const input = userFromResource({ userName: "a", emails: [{ value: "a@x.com", primary: "True" }] });
    expect(input.emails).toEqual([{ value: "a@x.com", type: null, primary: true, display: null }]);
  });
});

describe("userFromResource: attribute names are case-insensitive", () => {
  it("reads attributes, sub-attributes and the extension URN in any case", () => {
    const input = userFromResource({
      SCHEMAS: [USER.toUpperCase()],
      USERNAME: "bjensen",
      ExternalID: "E1",
      Active: "False",
      NAME: { GIVENNAME: "Barbara", familyname: "Jensen" },
      displayname: "Babs",
      EMAILS: [{ VALUE: "b@x.com", Type: "work", PRIMARY: true, Display: "Work" }],
      [ENTERPRISE.toUpperCase()]: { EMPLOYEENUMBER: "7", Manager: { VALUE: "m-1", DisplayName: "Boss" } },
    });
    expect(input).toEqual({
      ...MINIMAL,
      userName: "bjensen",
      externalId: "E1",
      active: false,
      name: { ...NO_NAME, givenName: "Barbara", familyName: "Jensen" },
      displayName: "Babs",
      emails: [{ value: "b@x.com", type: "work", primary: true, display: "Work" }],
      enterprise: { ...NO_ENTERPRISE, employeeNumber: "7", managerId: "m-1", managerName: "Boss" },
    });
  });

  it("prefers the exactly spelled member when two spellings are present", () => {
    expect(userFromResource({ USERNAME: "upper", userName: "exact" }).userName).toBe("exact");
  });
});

describe("userFromResource: unassigned values", () => {
  it("treats null as unassigned", () => {
    const input = userFromResource({
      userName: "a",
      externalId: null,
      title: null,
      name: null,
      emails: null,
      phoneNumbers: null,
      addresses: null,
      [ENTERPRISE]: null,
    });
    expect(input).toEqual({ ...MINIMAL, userName: "a" });
  });

  it("treats null sub-attributes as unassigned", () => {
    const input = userFromResource({
      userName: "a",
      name: { givenName: null, familyName: "F" },
      [ENTERPRISE]: { employeeNumber: null, manager: null },
    });
    expect(input.name).toEqual({ ...NO_NAME, familyName: "F" });
    expect(input.enterprise).toEqual(NO_ENTERPRISE);
  });

  it('treats "" as unassigned', () => {
    const input = userFromResource({
      userName: "a",
      externalId: "",
      displayName: "",
      title: "",
      name: { givenName: "" },
      emails: [{ value: "", primary: true }],
      [ENTERPRISE]: { department: "", manager: "" },
    });
    expect(input).toEqual({ ...MINIMAL, userName: "a" });
  });

  it("trims userName and externalId, and drops a blank externalId", () => {
    expect(userFromResource({ userName: "  bjensen \t", externalId: " E-1 " })).toMatchObject({ userName: "bjensen", externalId: "E-1" });
    expect(userFromResource({ userName: "a", externalId: "   " }).externalId).toBeNull();
  });

  it("keeps other strings exactly as sent", () => {
    expect(userFromResource({ userName: "a", displayName: "  Babs  " }).displayName).toBe("  Babs  ");
  });

  it("drops emails without an address and trims the addresses it keeps", () => {
    const input = userFromResource({
      userName: "a",
      emails: [{ type: "home" }, { value: "   " }, { value: " a@x.com ", type: "work" }],
    });
    expect(input.emails).toEqual([{ value: "a@x.com", type: "work", primary: false, display: null }]);
  });

  it("drops phone numbers and addresses with nothing known in them, and keeps the rest as sent", () => {
    const input = userFromResource({
      userName: "a",
      phoneNumbers: [{}, { value: "+1 555 0100", type: "work", primary: "true", extra: "ignored" }, { foo: "bar" }],
      addresses: [{ locality: "Paris", country: "FR", primary: false }],
    });
    expect(input.phoneNumbers).toEqual([{ value: "+1 555 0100", type: "work", primary: true }]);
    expect(input.addresses).toEqual([{ locality: "Paris", country: "FR", primary: false }]);
    expect(userFromResource({ userName: "a", phoneNumbers: [], addresses: [{}] })).toMatchObject({ phoneNumbers: null, addresses: null });
  });
});

describe("userFromResource: value types", () => {
  it("accepts numbers where strings belong", () => {
    const input = userFromResource({
      userName: 42,
      externalId: 12345,
      name: { givenName: 3.5 },
      emails: [{ value: "a@x.com", type: 1 }],
      [ENTERPRISE]: { employeeNumber: 7, costCenter: 0 },
    });
    expect(input).toMatchObject({
      userName: "42",
      externalId: "12345",
      name: { givenName: "3.5" },
      emails: [{ value: "a@x.com", type: "1" }],
      enterprise: { employeeNumber: "7", costCenter: "0" },
    });
  });

  it.each([
    ["an object for displayName", { displayName: { value: "x" } }],
    ["an array for title", { title: ["Boss"] }],
    ["a boolean for nickName", { nickName: true }],
    ["a non-finite number for locale", { locale: Number.POSITIVE_INFINITY }],
    ["an object for userName", { userName: { value: "x" } }],
    ["an array for userName", { userName: ["x"] }],
    ["a string for name", { name: "Barbara Jensen" }],
    ["an array for name", { name: [{ givenName: "B" }] }],
    ["an object for name.givenName", { name: { givenName: { x: 1 } } }],
    ["an object for emails", { emails: { value: "a@x.com" } }],
    ["strings as email items", { emails: ["a@x.com"] }],
    ["an object for an email value", { emails: [{ value: { address: "a@x.com" } }] }],
    ["a word for an email primary", { emails: [{ value: "a@x.com", primary: "yes" }] }],
    ["a string for phoneNumbers", { phoneNumbers: "+1 555" }],
    ["an array for a phone number value", { phoneNumbers: [{ value: ["+1"] }] }],
    ["a string for the enterprise extension", { [ENTERPRISE]: "x" }],
    ["an array for employeeNumber", { [ENTERPRISE]: { employeeNumber: ["7"] } }],
    ["an array for manager", { [ENTERPRISE]: { manager: ["m-1"] } }],
    ["an object for manager.value", { [ENTERPRISE]: { manager: { value: { id: "m-1" } } } }],
    ["a string longer than 2048 characters", { title: "x".repeat(2049) }],
  ])("rejects %s with 400 invalidValue", (_, attributes) => {
    expect(rejected({ userName: "a", ...attributes })).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("accepts a string of exactly 2048 characters", () => {
    expect(userFromResource({ userName: "a", title: "x".repeat(2048) }).title).toHaveLength(2048);
  });

  it("names the offending attribute in the detail", () => {
    expect(rejected({ userName: "a", emails: [{ value: "a@x.com" }, { value: {} }] }).detail).toContain("emails[1].value");
    expect(rejected({ userName: "a", name: { familyName: [] } }).detail).toContain("name.familyName");
  });
});

describe("userFromResource: userName", () => {
  it.each([
    ["missing", {}],
    ["null", { userName: null }],
    ["empty", { userName: "" }],
    ["blank", { userName: "   " }],
  ])("rejects a %s userName with 400 invalidValue", (_, body) => {
    expect(rejected(body)).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("accepts 256 characters and rejects 257", () => {
    expect(userFromResource({ userName: "u".repeat(256) }).userName).toHaveLength(256);
    expect(rejected({ userName: "u".repeat(257) })).toMatchObject({ status: 400, scimType: "invalidValue" });
  });
});

describe("userFromResource: schemas and body shape", () => {
  it("accepts a body without schemas, with the User URN in any case, or with extra URNs", () => {
    expect(userFromResource({ userName: "a" }).userName).toBe("a");
    expect(userFromResource({ schemas: [USER.toLowerCase()], userName: "a" }).userName).toBe("a");
    expect(userFromResource({ schemas: [ENTERPRISE, USER], userName: "a" }).userName).toBe("a");
  });

  it.each([
    ["only the enterprise URN", [ENTERPRISE]],
    ["the Group URN", ["urn:ietf:params:scim:schemas:core:2.0:Group"]],
    ["an empty list", []],
    ["a string instead of a list", USER],
    ["null", null],
    ["a list of non-strings", [{ id: USER }]],
  ])("rejects schemas with %s → 400 invalidSyntax", (_, schemas) => {
    expect(rejected({ schemas, userName: "a" })).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it.each([null, undefined, "userName", 42, [{ userName: "a" }]])("rejects the body %j with 400 invalidSyntax", (body) => {
    expect(rejected(body)).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it("ignores read-only and unknown attributes", () => {
    const input = userFromResource({
      userName: "a",
      id: "server-assigned",
      meta: { resourceType: "User", version: 'W/"9"' },
      groups: [{ value: "g-1", display: "Admins" }],
      favouriteColour: "blue",
      "urn:example:custom:1.0:User": { x: 1 },
    });
    expect(input).toEqual({ ...MINIMAL, userName: "a" });
  });
});

describe("userFromResource: emails", () => {
  const email = (value: string, extra: Record<string, unknown> = {}) => ({ value, ...extra });

  it("keeps only the first email marked primary", () => {
    const input = userFromResource({
      userName: "a",
      emails: [email("a@x.com"), email("b@x.com", { primary: true }), email("c@x.com", { primary: "True" })],
    });
    expect(input.emails.map((e) => [e.value, e.primary])).toEqual([
      ["a@x.com", false],
      ["b@x.com", true],
      ["c@x.com", false],
    ]);
  });

  it("ignores a primary flag on an email that is dropped for having no address", () => {
    const input = userFromResource({ userName: "a", emails: [email("", { primary: true }), email("b@x.com", { primary: true })] });
    expect(input.emails).toEqual([{ value: "b@x.com", type: null, primary: true, display: null }]);
  });

  it("marks none primary when no email says so", () => {
    const input = userFromResource({ userName: "a", emails: [email("a@x.com", { primary: false }), email("b@x.com")] });
    expect(input.emails.every((e) => e.primary === false)).toBe(true);
  });

  it("keeps the emails in the order sent", () => {
    const values = ["z@x.com", "a@x.com", "m@x.com"];
    expect(userFromResource({ userName: "a", emails: values.map((v) => email(v)) }).emails.map((e) => e.value)).toEqual(values);
  });

  it("accepts 100 emails and rejects 101 with 400 invalidValue", () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => email(`user${i}@x.com`));
    expect(userFromResource({ userName: "a", emails: emails(100) }).emails).toHaveLength(100);
    expect(rejected({ userName: "a", emails: emails(101) })).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(rejected({ userName: "a", phoneNumbers: Array.from({ length: 101 }, () => ({ value: "1" })) })).toMatchObject({
      status: 400,
      scimType: "invalidValue",
    });
  });
});

describe("userFromResource: enterprise manager", () => {
  const managerOf = (manager: unknown) => userFromResource({ userName: "a", [ENTERPRISE]: { manager } }).enterprise;

  it("reads a bare string as the manager's id", () => {
    expect(managerOf("26118915")).toEqual({ ...NO_ENTERPRISE, managerId: "26118915" });
  });

  it("reads an object's value and displayName", () => {
    expect(managerOf({ value: "26118915", displayName: "John Smith", $ref: "https://x/Users/26118915" })).toEqual({
      ...NO_ENTERPRISE,
      managerId: "26118915",
      managerName: "John Smith",
    });
  });

  it("reads an empty object, null or an empty string as no manager", () => {
    expect(managerOf({})).toEqual(NO_ENTERPRISE);
    expect(managerOf(null)).toEqual(NO_ENTERPRISE);
    expect(managerOf("")).toEqual(NO_ENTERPRISE);
    expect(managerOf({ value: "" })).toEqual(NO_ENTERPRISE);
  });
});
