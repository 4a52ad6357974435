import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "../schema/resource-types";
import { GROUP_SCHEMA } from "../schema/group";
import { findAttribute } from "../schema/resolve";
import { isPresent, matches, matchesElement } from "./evaluate";
import { parseFilter } from "./parse-filter";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const user = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
  id: "2819c223-7f76-453a-919d-413861904646",
  externalId: "BJensen-EXT",
  userName: "bjensen@example.com",
  name: { formatted: "Ms. Barbara J Jensen III", familyName: "O'Malley", givenName: "Barbara" },
  displayName: "Babs Jensen",
  title: "Tour Guide",
  userType: "Employee",
  active: true,
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  phoneNumbers: [],
  meta: {
    resourceType: "User",
    created: "2010-01-23T04:56:22Z",
    lastModified: "2011-05-13T04:42:34Z",
    version: 'W/"a330bc54f0671c9"',
  },
  [ENTERPRISE]: {
    employeeNumber: "701984",
    department: "Tour Operations",
    manager: { value: "26118915-6090-4610-87e4-49d8ca9f808d", displayName: "John Smith" },
  },
  x509Certificates: [{ value: "MIIDQzCC" }],
  loginCount: 12,
};

const test = (filter: string, resource: Record<string, unknown> = user) =>
  matches(parseFilter(filter), resource, USER_RESOURCE_TYPE);

describe("matches: comparisons", () => {
  it.each([
    ['userName eq "bjensen@example.com"', true],
    ['userName eq "BJENSEN@example.com"', true],
    ['USERNAME EQ "bjensen@example.com"', true],
    ['userName eq "bjensen"', false],
    ['userName sw "BJ"', true],
    ['userName ew "@EXAMPLE.COM"', true],
    ['userName co "jensen@"', true],
    ['userName co "nope"', false],
    [`name.familyName co "O'Malley"`, true],
    [`name.familyName eq "o'malley"`, true],
    ['name.givenName sw "Bar" and name.familyName ew "ley"', true],
    ['title ne "Tour Guide"', false],
    ['title ne "Intern"', true],
    ['nickName ne "Babs"', true],
    ["externalId eq bjensen-ext", true],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "b"', true],
    ['displayName gt "Babs"', true],
    ['displayName lt "Babs"', false],
    ['displayName ge "babs jensen"', true],
    ['displayName le "BABS JENSEN"', true],
  ])("%s → %s", (filter, expected) => {
    expect(test(filter)).toBe(expected);
  });

  it("honours caseExact on id", () => {
    expect(test('id eq "2819c223-7f76-453a-919d-413861904646"')).toBe(true);
    expect(test('id eq "2819C223-7F76-453A-919D-413861904646"')).toBe(false);
    expect(test('meta.version eq "w/\\"a330bc54f0671c9\\""')).toBe(false);
  });

  it("compares dateTimes as instants", () => {
    expect(test('meta.lastModified gt "2011-05-13T04:42:33Z"')).toBe(true);
    expect(test('meta.lastModified gt "2011-05-13T04:42:34Z"')).toBe(false);
    expect(test('meta.lastModified ge "2011-05-13T04:42:34Z"')).toBe(true);
    expect(test('meta.lastModified eq "2011-05-13T04:42:34.000Z"')).toBe(true);
    expect(test('meta.lastModified lt "2011-05-13T06:42:34+02:00"')).toBe(false);
    expect(test('meta.lastModified le "2011-05-13T06:42:34+02:00"')).toBe(true);
    expect(test('meta.created lt "2011-01-01T00:00:00Z"')).toBe(true);
    expect(test('meta.created sw "2010-01"')).toBe(true);
  });

  it("compares numbers and booleans", () => {
    expect(test("loginCount gt 10")).toBe(true);
    expect(test("loginCount le 11")).toBe(false);
    expect(test("loginCount eq 12")).toBe(true);
    expect(test("active eq true")).toBe(true);
    expect(test("active eq false")).toBe(false);
    expect(test("active ne false")).toBe(true);
    expect(test('active eq "True"')).toBe(true);
    expect(test("active eq TRUE")).toBe(true);
  });

  it("compares numeric filter values against string attributes by their text", () => {
    expect(test(`${ENTERPRISE}:employeeNumber eq 701984`)).toBe(true);
    expect(test("userName eq 5")).toBe(false);
  });

  it("treats eq null as absence and ne null as presence", () => {
    expect(test("nickName eq null")).toBe(true);
    expect(test("title eq null")).toBe(false);
    expect(test("title ne null")).toBe(true);
    expect(test("phoneNumbers eq null")).toBe(true);
  });

  it("rejects operators that do not apply to the attribute type", () => {
    expect(() => test("active gt true")).toThrow(ScimError);
    expect(() => test("active co true")).toThrow(/not supported for boolean/);
    expect(() => test('loginCount co "1"')).toThrow(/not supported/);
    expect(() => test('name eq "x"')).toThrow(/complex attribute 'name'/);
    expect(() => test("title gt null")).toThrow(/null/);
  });
});

describe("matches: presence", () => {
  it.each([
    ["title pr", true],
    ["nickName pr", false],
    ["emails pr", true],
    ["phoneNumbers pr", false],
    ["name pr", true],
    ["name.middleName pr", false],
    ["emails.type pr", true],
    ["active pr", true],
    ["meta.lastModified pr", true],
    [`${ENTERPRISE}:manager pr`, true],
    [`${ENTERPRISE}:costCenter pr`, false],
  ])("%s → %s", (filter, expected) => {
    expect(test(filter)).toBe(expected);
  });

  it("treats empty strings, arrays, objects and nulls as absent", () => {
    const sparse = { userName: "x", title: "", emails: [], name: {}, nickName: null, addresses: [{ type: null }] };
    expect(test("title pr", sparse)).toBe(false);
    expect(test("emails pr", sparse)).toBe(false);
    expect(test("name pr", sparse)).toBe(false);
    expect(test("nickName pr", sparse)).toBe(false);
    expect(test("addresses pr", sparse)).toBe(false);
    expect(test("userName pr", sparse)).toBe(true);
    expect(test("active pr", { active: false })).toBe(true);
    expect(isPresent(0)).toBe(true);
  });
});

describe("matches: multi-valued and complex attributes", () => {
  it("matches if any value matches", () => {
    expect(test('emails.value ew "jensen.org"')).toBe(true);
    expect(test('emails.type eq "other"')).toBe(false);
    expect(test('emails.value ne "babs@jensen.org"')).toBe(false);
    expect(test('emails.value ne "nobody@example.com"')).toBe(true);
  });

  it("compares the value sub-attribute when a complex attribute is compared directly", () => {
    expect(test('emails co "example.com"')).toBe(true);
    expect(test('emails eq "BABS@JENSEN.ORG"')).toBe(true);
    expect(test('x509Certificates eq "MIIDQzCC"')).toBe(true);
  });

  it("evaluates value filters against a single element", () => {
    expect(test('emails[type eq "work" and value co "@example.com"]')).toBe(true);
    expect(test('emails[type eq "home" and value co "@example.com"]')).toBe(false);
    expect(test('emails[TYPE eq "HOME" and not (primary eq true)]')).toBe(true);
    expect(test("emails[primary eq true]")).toBe(true);
    expect(test("emails[primary pr and type eq \"home\"]")).toBe(false);
    expect(test('name[givenName eq "barbara"]')).toBe(true);
    expect(test('phoneNumbers[type eq "work"]')).toBe(false);
  });

  it("evaluates the RFC examples", () => {
    expect(test('userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")')).toBe(true);
    expect(test('userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")')).toBe(
      false,
    );
    expect(test('userType eq "Employee" and emails[type eq "work" and value co "@example.com"]')).toBe(true);
    expect(test(`schemas eq "${ENTERPRISE}"`)).toBe(true);
    expect(test('title pr or userType eq "Intern"')).toBe(true);
    expect(test('emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]')).toBe(
      true,
    );
  });
});

describe("matches: extensions and unknown attributes", () => {
  it("reads extension attributes by URN, and unqualified when unambiguous", () => {
    expect(test(`${ENTERPRISE}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`)).toBe(true);
    expect(test(`${ENTERPRISE.toLowerCase()}:MANAGER.DISPLAYNAME eq "john smith"`)).toBe(true);
    expect(test('department eq "tour operations"')).toBe(true);
    expect(test('urn:example:other:1.0:User:department eq "Tour Operations"')).toBe(false);
  });

  it("evaluates attributes missing from the schema case-insensitively against the raw JSON", () => {
    expect(test('customField eq "ABC"', { customField: "abc" })).toBe(true);
    expect(test("nothing pr")).toBe(false);
  });

  it("works for groups", () => {
    const group = { displayName: "Tour Guides", members: [{ value: "2819c223", display: "Babs" }] };
    const g = (f: string) => matches(parseFilter(f), group, GROUP_RESOURCE_TYPE);
    expect(g('displayName eq "tour guides"')).toBe(true);
    expect(g('members[value eq "2819c223"]')).toBe(true);
    expect(g('members[value eq "2819C223"]')).toBe(true);
    expect(g('members.value eq "nope"')).toBe(false);
  });
});

describe("matchesElement", () => {
  it("evaluates a PATCH value filter against one element", () => {
    const emails = findAttribute(USER_RESOURCE_TYPE.core.attributes, "emails");
    const filter = parseFilter('type eq "WORK" and primary eq true');
    expect(matchesElement(filter, user.emails[0], emails)).toBe(true);
    expect(matchesElement(filter, user.emails[1], emails)).toBe(false);
    const members = findAttribute(GROUP_SCHEMA.attributes, "members");
    expect(matchesElement(parseFilter('value eq "abc"'), { value: "ABC" }, members)).toBe(true);
  });
});
