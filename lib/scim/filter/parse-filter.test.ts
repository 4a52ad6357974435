import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { MAX_FILTER_COMPARISONS, MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, parseFilter } from "./parse-filter";
import { and, cmp, not, or, path, pr, vp } from "./test-helpers";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function filterError(text: string): ScimError {
  try {
    parseFilter(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ScimError);
    return err as ScimError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe("parseFilter: RFC 7644 §3.4.2.2 examples", () => {
  const cases: [string, unknown][] = [
    ['userName eq "bjensen"', cmp("userName", "eq", "bjensen")],
    [`name.familyName co "O'Malley"`, cmp("name.familyName", "co", "O'Malley")],
    ['userName sw "J"', cmp("userName", "sw", "J")],
    [`${USER}:userName sw "J"`, cmp(path("userName", USER), "sw", "J")],
    ["title pr", pr("title")],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "gt", "2011-05-13T04:42:34Z")],
    ['meta.lastModified ge "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "ge", "2011-05-13T04:42:34Z")],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "lt", "2011-05-13T04:42:34Z")],
    ['meta.lastModified le "2011-05-13T04:42:34Z"', cmp("meta.lastModified", "le", "2011-05-13T04:42:34Z")],
    ['title pr and userType eq "Employee"', and(pr("title"), cmp("userType", "eq", "Employee"))],
    ['title pr or userType eq "Intern"', or(pr("title"), cmp("userType", "eq", "Intern"))],
    [`schemas eq "${ENTERPRISE}"`, cmp("schemas", "eq", ENTERPRISE)],
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp("userType", "eq", "Employee"),
        or(cmp("emails", "co", "example.com"), cmp("emails.value", "co", "example.org")),
      ),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp("userType", "ne", "Employee"),
        not(or(cmp("emails", "co", "example.com"), cmp("emails.value", "co", "example.org"))),
      ),
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      and(cmp("userType", "eq", "Employee"), cmp("emails.type", "eq", "work")),
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(
        cmp("userType", "eq", "Employee"),
        vp("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@example.com"))),
      ),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
      or(
        vp("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@example.com"))),
        vp("ims", and(cmp("type", "eq", "xmpp"), cmp("value", "co", "@foo.com"))),
      ),
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe("parseFilter: identity provider filters", () => {
  it("parses Okta's filters, including upper-case operators and attribute names", () => {
    expect(parseFilter('userName eq "x@y.com"')).toEqual(cmp("userName", "eq", "x@y.com"));
    expect(parseFilter('USERNAME EQ "x@y.com"')).toEqual(cmp("USERNAME", "eq", "x@y.com"));
    expect(parseFilter('userName eq "x@y.com" AND active Eq TRUE')).toEqual(
      and(cmp("userName", "eq", "x@y.com"), cmp("active", "eq", true)),
    );
  });

  it("parses Entra ID's filters", () => {
    expect(parseFilter('userName eq "AlexW@contoso.com"')).toEqual(cmp("userName", "eq", "AlexW@contoso.com"));
    expect(parseFilter('externalId eq "3d1f0c5e-92a5-4b3b-8a0c-1a2b3c4d5e6f"')).toEqual(
      cmp("externalId", "eq", "3d1f0c5e-92a5-4b3b-8a0c-1a2b3c4d5e6f"),
    );
    expect(parseFilter('displayName eq "Group"')).toEqual(cmp("displayName", "eq", "Group"));
    expect(parseFilter('members[value eq "2819c223-7f76-453a-919d-413861904646"]')).toEqual(
      vp("members", cmp("value", "eq", "2819c223-7f76-453a-919d-413861904646")),
    );
  });

  it("accepts unquoted values as strings", () => {
    expect(parseFilter("externalId eq jyoung")).toEqual(cmp("externalId", "eq", "jyoung"));
    expect(parseFilter("userName eq john@x.com")).toEqual(cmp("userName", "eq", "john@x.com"));
    expect(parseFilter("meta.lastModified gt 2011-05-13T04:42:34Z")).toEqual(
      cmp("meta.lastModified", "gt", "2011-05-13T04:42:34Z"),
    );
    expect(parseFilter("(externalId eq jyoung)")).toEqual(cmp("externalId", "eq", "jyoung"));
    expect(parseFilter("members[value eq abc123]")).toEqual(vp("members", cmp("value", "eq", "abc123")));
  });
});

describe("parseFilter: values", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    ["False", false],
    ["null", null],
    ["NULL", null],
    ["42", 42],
    ["-7", -7],
    ["0", 0],
    ["3.25", 3.25],
    ["-1.5e3", -1500],
    ["2E-2", 0.02],
    ['"true"', "true"],
    ['"42"', "42"],
    ["007", "007"],
    ["1.2.3", "1.2.3"],
  ])("x eq %s", (text, expected) => {
    expect(parseFilter(`x eq ${text}`)).toEqual(cmp("x", "eq", expected));
  });

  it("decodes JSON string escapes", () => {
    expect(parseFilter(String.raw`x eq "a\"b\\c\/d\n\t\u00e9\u20AC"`)).toEqual(cmp("x", "eq", 'a"b\\c/d\n\té€'));
    expect(parseFilter('x eq ""')).toEqual(cmp("x", "eq", ""));
    expect(parseFilter('x eq "a and b or (c)"')).toEqual(cmp("x", "eq", "a and b or (c)"));
    expect(parseFilter('x eq "[]"')).toEqual(cmp("x", "eq", "[]"));
  });
});

describe("parseFilter: paths", () => {
  it("splits URN prefixes at the last colon, keeping dots in the URN", () => {
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`)).toEqual(
      cmp(path("manager.value", ENTERPRISE), "eq", "26118915-6090-4610-87e4-49d8ca9f808d"),
    );
    expect(parseFilter(`${ENTERPRISE}:employeeNumber eq "701984"`)).toEqual(
      cmp(path("employeeNumber", ENTERPRISE), "eq", "701984"),
    );
    expect(parseFilter(`${USER}:name.givenName pr`)).toEqual({ kind: "present", path: path("name.givenName", USER) });
  });

  it("accepts $ref, hyphens and underscores in names", () => {
    expect(parseFilter('members.$ref eq "x"')).toEqual(cmp("members.$ref", "eq", "x"));
    expect(parseFilter("my-attr_1 pr")).toEqual(pr("my-attr_1"));
  });
});

describe("parseFilter: logic", () => {
  const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => cmp(n, "eq", 1));

  it("gives and precedence over or", () => {
    expect(parseFilter("a eq 1 or b eq 1 and c eq 1")).toEqual(or(a, and(b, c)));
    expect(parseFilter("a eq 1 and b eq 1 or c eq 1 and d eq 1")).toEqual(or(and(a, b), and(c, d)));
  });

  it("is left-associative", () => {
    expect(parseFilter("a eq 1 and b eq 1 and c eq 1")).toEqual(and(and(a, b), c));
    expect(parseFilter("a eq 1 or b eq 1 or c eq 1")).toEqual(or(or(a, b), c));
  });

  it("binds not tighter than and", () => {
    expect(parseFilter("not (a eq 1) and b eq 1")).toEqual(and(not(a), b));
    expect(parseFilter("NOT(a eq 1 or b eq 1)")).toEqual(not(or(a, b)));
    expect(parseFilter("not (not (a eq 1))")).toEqual(not(not(a)));
  });

  it("lets parentheses override precedence", () => {
    expect(parseFilter("(a eq 1 or b eq 1) and c eq 1")).toEqual(and(or(a, b), c));
    expect(parseFilter("((a eq 1))")).toEqual(a);
  });

  it("accepts logic inside value filters", () => {
    expect(parseFilter('emails[not (type eq "home") and (value ew ".org" or primary eq true)]')).toEqual(
      vp(
        "emails",
        and(not(cmp("type", "eq", "home")), or(cmp("value", "ew", ".org"), cmp("primary", "eq", true))),
      ),
    );
  });

  it("accepts keywords in any case and extra whitespace", () => {
    expect(parseFilter("  a Eq 1\tOR\nb EQ 1  ")).toEqual(or(a, b));
  });

  it("treats keywords as attribute names where an operator follows", () => {
    expect(parseFilter("not eq 1")).toEqual(cmp("not", "eq", 1));
    expect(parseFilter("and pr")).toEqual(pr("and"));
  });
});

describe("parseFilter: errors", () => {
  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ['(userName eq "a"', /Missing '\)'.*position 1/],
    ['userName eq "a")', /Unbalanced '\)' at position 16/],
    ['emails[type eq "work"', /Missing '\]'/],
    ['emails type eq "work"]', /Unknown operator 'type'/],
    ["userName eq", /Expected a value after 'eq'/],
    ["userName eq )", /Expected a value after 'eq'/],
    ["userName", /Expected an operator/],
    ['userName xx "a"', /Unknown operator 'xx' at position 10/],
    ['userName eq "a" extra', /Unexpected 'extra' at position 17/],
    ['userName eq "a" "b"', /Unexpected string "b"/],
    ['userName eq "a" and', /Unexpected end of filter after 'and'/],
    ['userName eq "a" or or b eq 1', /Unexpected 'or' at position 20/],
    ['and userName eq "a"', /Unexpected 'and' at position 1/],
    ["title pr \"x\"", /Unexpected string/],
    ['userName eq "abc', /Unterminated string starting at position 13/],
    [String.raw`userName eq "a\x"`, /Invalid escape/],
    [String.raw`userName eq "\u12"`, /\\u escape/],
    ['not userName eq "a"', /Expected '\(' after 'not'/],
    ["()", /Unexpected '\)'/],
    ['1abc eq "x"', /Invalid attribute path '1abc'/],
    ['name..givenName eq "x"', /Invalid attribute path/],
    ['name.givenName.x eq "x"', /Invalid attribute path/],
    ['foo:bar eq "x"', /Invalid attribute path/],
    ['emails[type eq "work" and members[value eq "x"]]', /Nested value filters/],
    ['name.givenName[value eq "x"]', /cannot follow the sub-attribute/],
    ["x eq 1e999", /out of range/],
  ])("rejects %j", (text, detail) => {
    const err = filterError(text);
    expect(err.status).toBe(400);
    expect(err.scimType).toBe("invalidFilter");
    expect(err.detail).toMatch(detail);
  });
});

describe("parseFilter: limits", () => {
  it("rejects filters longer than the limit", () => {
    const ok = `userName eq "${"a".repeat(MAX_FILTER_LENGTH - 14)}"`;
    expect(ok.length).toBe(MAX_FILTER_LENGTH);
    expect(() => parseFilter(ok)).not.toThrow();
    expect(filterError(`userName eq "${"a".repeat(MAX_FILTER_LENGTH)}"`).detail).toMatch(/too long/);
  });

  it("rejects nesting deeper than the limit", () => {
    const nested = (depth: number) => `${"(".repeat(depth)}a eq 1${")".repeat(depth)}`;
    expect(parseFilter(nested(MAX_FILTER_DEPTH))).toEqual(cmp("a", "eq", 1));
    expect(filterError(nested(MAX_FILTER_DEPTH + 1)).detail).toMatch(/nested too deeply/);
    expect(filterError(`${"not (".repeat(MAX_FILTER_DEPTH + 1)}a eq 1${")".repeat(MAX_FILTER_DEPTH + 1)}`).detail).toMatch(
      /nested too deeply/,
    );
  });

  it("rejects more comparisons than the limit", () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `a eq ${i}`).join(" or ");
    expect(() => parseFilter(chain(MAX_FILTER_COMPARISONS))).not.toThrow();
    expect(filterError(chain(MAX_FILTER_COMPARISONS + 1)).detail).toMatch(/too many comparisons/);
    const inBrackets = `emails[${Array.from({ length: MAX_FILTER_COMPARISONS + 1 }, () => "type pr").join(" and ")}]`;
    expect(filterError(inBrackets).detail).toMatch(/too many comparisons/);
  });

  it("accepts custom limits", () => {
    expect(() => parseFilter("a eq 1 and b eq 2", { maxComparisons: 1 })).toThrow(/too many comparisons/);
    expect(() => parseFilter("((a eq 1))", { maxDepth: 1 })).toThrow(/nested too deeply/);
    expect(() => parseFilter("a eq 1", { maxLength: 5 })).toThrow(/too long/);
  });

  it("tokenizes adversarial input in linear time", () => {
    const inputs = [
      `x eq "${"\\\\".repeat(2000)}"`,
      `x eq ${"a".repeat(4000)}`,
      `${"a".repeat(4000)} pr`,
      `x eq ${"1".repeat(4000)}e`,
      `x eq "${"\\".repeat(4000)}`,
      " ".repeat(4095) + "a",
    ];
    const start = performance.now();
    for (const input of inputs) {
      try {
        parseFilter(input);
      } catch (err) {
        expect(err).toBeInstanceOf(ScimError);
      }
    }
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("Entra's work-email match", () => {
  it('reads emails[type eq "work"].value eq "x" as a value path with both conditions', () => {
    expect(parseFilter('emails[type eq "work"].value eq "user@contoso.com"')).toEqual({
      kind: "valuePath",
      path: { attr: "emails" },
      filter: {
        kind: "and",
        left: { kind: "compare", path: { attr: "type" }, op: "eq", value: "work" },
        right: { kind: "compare", path: { attr: "value" }, op: "eq", value: "user@contoso.com" },
      },
    });
  });

  it("still refuses a sub-attribute path after the brackets that is not a name", () => {
    expect(() => parseFilter('emails[type eq "work"].x.y eq "a"')).toThrow(/invalid/i);
  });
});
