import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { assertIfMatch, noneMatch, weakEtag } from "./etag";

describe("weakEtag", () => {
  it("renders the version as a weak entity tag", () => {
    expect(weakEtag(1)).toBe('W/"1"');
    expect(weakEtag(42)).toBe('W/"42"');
    expect(weakEtag(0)).toBe('W/"0"');
  });

  it("is matched by both If-None-Match and If-Match for the same version", () => {
    expect(noneMatch(weakEtag(7), 7)).toBe(true);
    expect(() => assertIfMatch(weakEtag(7), 7)).not.toThrow();
  });
});

describe("noneMatch (If-None-Match)", () => {
  it("is false without a header", () => {
    expect(noneMatch(null, 3)).toBe(false);
    expect(noneMatch("", 3)).toBe(false);
  });

  it.each([
    ['W/"3"', true],
    ['"3"', true],
    ["*", true],
    [' W/"3" ', true],
    ['W/"2", W/"3"', true],
    ['"1","3"', true],
    ['W/"2"', false],
    ['"33"', false],
    ['W/"30"', false],
    ["3", false],
    ['W/"2", "4"', false],
  ])("header %j against version 3 → %s", (header, expected) => {
    expect(noneMatch(header, 3)).toBe(expected);
  });
});

describe("assertIfMatch (If-Match)", () => {
  it("passes without a header", () => {
    expect(() => assertIfMatch(null, 3)).not.toThrow();
    expect(() => assertIfMatch("", 3)).not.toThrow();
  });

  it.each(['W/"3"', '"3"', "*", 'W/"1", W/"3"', ' "3" '])("passes for %j against version 3", (header) => {
    expect(() => assertIfMatch(header, 3)).not.toThrow();
  });

  it.each(['W/"2"', '"4"', 'W/"2", W/"4"', '"33"', "3"])("fails with 412 for %j against version 3", (header) => {
    let caught: unknown;
    try {
      assertIfMatch(header, 3);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 412, scimType: undefined });
    expect((caught as ScimError).detail).toContain('W/"3"');
  });
});
