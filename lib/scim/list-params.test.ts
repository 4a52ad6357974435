import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { cmp, or, pr } from "./filter/test-helpers";
import { listParamsFromQuery, listParamsFromSearchBody, type ListParams, type PagingLimits } from "./list-params";

const SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
const LIMITS: PagingLimits = { defaultCount: 100, maxCount: 1000 };

const DEFAULTS: ListParams = {
  filter: undefined,
  startIndex: 1,
  count: 100,
  sortBy: undefined,
  sortOrder: "ascending",
  attributes: [],
  excludedAttributes: [],
};

const fromQuery = (query: string, limits: PagingLimits = LIMITS) => listParamsFromQuery(new URLSearchParams(query), limits);
const fromBody = (body: unknown, limits: PagingLimits = LIMITS) => listParamsFromSearchBody(body, limits);

function scimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error("expected a ScimError to be thrown");
}

describe("listParamsFromQuery", () => {
  it("gives the defaults for an empty query", () => {
    expect(fromQuery("")).toEqual(DEFAULTS);
  });

  it("reads every parameter", () => {
    expect(
      fromQuery(
        new URLSearchParams({
          filter: 'userName eq "bjensen"',
          startIndex: "11",
          count: "5",
          sortBy: "name.familyName",
          sortOrder: "descending",
          attributes: "userName,emails",
          excludedAttributes: "groups",
        }).toString(),
      ),
    ).toEqual({
      filter: cmp("userName", "eq", "bjensen"),
      startIndex: 11,
      count: 5,
      sortBy: "name.familyName",
      sortOrder: "descending",
      attributes: ["userName", "emails"],
      excludedAttributes: ["groups"],
    });
  });

  it("matches parameter names case-insensitively", () => {
    expect(
      fromQuery("FILTER=title%20pr&STARTINDEX=3&Count=2&sortby=userName&SORTORDER=descending&Attributes=id&EXCLUDEDATTRIBUTES=meta"),
    ).toEqual({
      filter: pr("title"),
      startIndex: 3,
      count: 2,
      sortBy: "userName",
      sortOrder: "descending",
      attributes: ["id"],
      excludedAttributes: ["meta"],
    });
  });

  it("uses the first of repeated parameters", () => {
    expect(fromQuery("count=3&count=4&COUNT=5").count).toBe(3);
  });

  it.each([
    ["0", 1],
    ["-5", 1],
    ["1", 1],
    ["25", 25],
    [" 7 ", 7],
  ])("reads startIndex=%j as %d (below 1 means 1)", (startIndex, expected) => {
    expect(fromQuery(`startIndex=${encodeURIComponent(startIndex)}`).startIndex).toBe(expected);
  });

  it.each([
    ["-1", 0],
    ["-100", 0],
    ["0", 0],
    ["1", 1],
    ["1000", 1000],
    ["1001", 1000],
    ["999999999", 1000],
  ])("reads count=%j as %d (negative means 0, capped at the maximum)", (count, expected) => {
    expect(fromQuery(`count=${count}`).count).toBe(expected);
  });

  it("uses the default count when count is absent or empty, capped at the maximum", () => {
    expect(fromQuery("").count).toBe(100);
    expect(fromQuery("count=").count).toBe(100);
    expect(fromQuery("", { defaultCount: 50, maxCount: 20 }).count).toBe(20);
  });

  it.each(["1.5", "abc", "10abc", "NaN", "Infinity", "1e400"])("rejects count=%j with 400 invalidValue", (count) => {
    expect(scimError(() => fromQuery(`count=${encodeURIComponent(count)}`))).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it.each(["2.5", "one", "-"])("rejects startIndex=%j with 400 invalidValue", (startIndex) => {
    expect(scimError(() => fromQuery(`startIndex=${startIndex}`))).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it("does not turn a blank count into count=0 (which would silently return no resources)", () => {
    // `count=+` decodes to " ": either the default applies or the value is rejected, never 0.
    let count: number | undefined;
    try {
      count = fromQuery("count=+").count;
    } catch (error) {
      expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
      return;
    }
    expect(count).toBe(LIMITS.defaultCount);
  });

  it.each([
    ["ascending", "ascending"],
    ["descending", "descending"],
    ["Descending", "descending"],
    ["ASCENDING", "ascending"],
  ])("reads sortOrder=%s case-insensitively", (sortOrder, expected) => {
    expect(fromQuery(`sortOrder=${sortOrder}`).sortOrder).toBe(expected);
  });

  it.each(["asc", "desc", "up", " ascending"])("rejects sortOrder=%j with 400 invalidValue", (sortOrder) => {
    expect(scimError(() => fromQuery(`sortOrder=${encodeURIComponent(sortOrder)}`))).toMatchObject({
      status: 400,
      scimType: "invalidValue",
    });
  });

  it("trims sortBy and drops a blank one", () => {
    expect(fromQuery("sortBy=%20userName%20").sortBy).toBe("userName");
    expect(fromQuery("sortBy=%20%20").sortBy).toBeUndefined();
    expect(fromQuery("sortBy=").sortBy).toBeUndefined();
  });

  it("splits attribute lists on commas and trims the names", () => {
    const params = fromQuery(
      `attributes=${encodeURIComponent(" userName , name.givenName,,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager ")}` +
        `&excludedAttributes=${encodeURIComponent("emails, groups")}`,
    );
    expect(params.attributes).toEqual(["userName", "name.givenName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"]);
    expect(params.excludedAttributes).toEqual(["emails", "groups"]);
  });

  it("parses the filter", () => {
    expect(fromQuery(`filter=${encodeURIComponent('title pr or userName eq "x"')}`).filter).toEqual(
      or(pr("title"), cmp("userName", "eq", "x")),
    );
  });

  it("treats an empty filter as no filter", () => {
    expect(fromQuery("filter=").filter).toBeUndefined();
  });

  it.each(['userName eq', "userName xx 1", "(title pr", "   ", 'userName eq "unterminated'])(
    "rejects the filter %j with 400 invalidFilter",
    (filter) => {
      expect(scimError(() => fromQuery(`filter=${encodeURIComponent(filter)}`))).toMatchObject({
        status: 400,
        scimType: "invalidFilter",
      });
    },
  );
});

describe("listParamsFromSearchBody", () => {
  it("reads a SearchRequest with attributes as arrays (RFC 7644 §3.4.3)", () => {
    expect(
      fromBody({
        schemas: [SEARCH_REQUEST],
        attributes: ["displayName", "userName"],
        excludedAttributes: ["emails"],
        filter: 'displayName sw "smith"',
        startIndex: 1,
        count: 10,
        sortBy: "displayName",
        sortOrder: "descending",
      }),
    ).toEqual({
      filter: cmp("displayName", "sw", "smith"),
      startIndex: 1,
      count: 10,
      sortBy: "displayName",
      sortOrder: "descending",
      attributes: ["displayName", "userName"],
      excludedAttributes: ["emails"],
    });
  });

  it("gives the defaults for a body with only schemas, or nothing at all", () => {
    expect(fromBody({ schemas: [SEARCH_REQUEST] })).toEqual(DEFAULTS);
    expect(fromBody({})).toEqual(DEFAULTS);
  });

  it("treats null members as absent", () => {
    expect(
      fromBody({ filter: null, startIndex: null, count: null, sortBy: null, sortOrder: null, attributes: null, excludedAttributes: null }),
    ).toEqual(DEFAULTS);
  });

  it("matches member names case-insensitively", () => {
    expect(fromBody({ SCHEMAS: [SEARCH_REQUEST], Filter: "title pr", COUNT: 3, StartIndex: 2, SORTORDER: "Descending" })).toMatchObject({
      filter: pr("title"),
      count: 3,
      startIndex: 2,
      sortOrder: "descending",
    });
  });

  it("accepts attributes as a comma-separated string too", () => {
    expect(fromBody({ attributes: "userName, emails" }).attributes).toEqual(["userName", "emails"]);
  });

  it("accepts numeric strings for startIndex and count, and applies the same bounds", () => {
    expect(fromBody({ startIndex: "0", count: "5000" })).toMatchObject({ startIndex: 1, count: 1000 });
    expect(fromBody({ startIndex: -3, count: -3 })).toMatchObject({ startIndex: 1, count: 0 });
  });

  it.each([
    ["a fractional count", { count: 2.5 }],
    ["a boolean count", { count: true }],
    ["an object startIndex", { startIndex: { n: 1 } }],
    // Found by the fuzzer: String() of this object throws a TypeError, which was a 500.
    ["a startIndex whose toString is not a function", { startIndex: { toString: { a: 1 } } }],
    ["a count as an array", { count: ["5"] }],
    ["a numeric sortOrder", { sortOrder: 1 }],
    ["an invalid sortOrder", { sortOrder: "sideways" }],
    ["a numeric sortBy", { sortBy: 5 }],
    ["attributes with a non-string", { attributes: ["userName", 5] }],
    ["attributes as an object", { attributes: { userName: true } }],
    ["excludedAttributes as a number", { excludedAttributes: 1 }],
    ["a non-string filter", { filter: { op: "eq" } }],
  ])("rejects %s with 400 invalidValue", (_, body) => {
    expect(scimError(() => fromBody({ schemas: [SEARCH_REQUEST], ...body }))).toMatchObject({ status: 400, scimType: "invalidValue" });
  });

  it.each([
    ["the ListResponse URN", { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"] }],
    ["an empty list", { schemas: [] }],
    ["a string instead of a list", { schemas: SEARCH_REQUEST }],
    ["null", { schemas: null }],
  ])("rejects schemas with %s → 400 invalidSyntax", (_, body) => {
    expect(scimError(() => fromBody(body))).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it.each([null, "filter=x", 42, [{ count: 1 }]])("rejects the body %j with 400 invalidSyntax", (body) => {
    expect(scimError(() => fromBody(body))).toMatchObject({ status: 400, scimType: "invalidSyntax" });
  });

  it("parses the filter and rejects a bad one with 400 invalidFilter", () => {
    expect(fromBody({ filter: 'emails[type eq "work"]' }).filter).toEqual({
      kind: "valuePath",
      path: { attr: "emails" },
      filter: cmp("type", "eq", "work"),
    });
    expect(scimError(() => fromBody({ filter: "userName eq" }))).toMatchObject({ status: 400, scimType: "invalidFilter" });
  });
});
