import { describe, expect, it } from "vitest";
import { cleanUsername, firstFreeUsername } from "./username";

describe("cleanUsername", () => {
  it.each([
    ["jane.doe@example.com", "jane.doe"],
    ["Jane.Doe+okta@example.com", "Jane.Doeokta"],
    ["bjensen", "bjensen"],
    ["björn.o'malley@example.com", "bjrn.omalley"],
    ["--dash@example.com", "dash"],
    ["repo.git@example.com", "repo"],
    ["feed.atom.git.@example.com", "feed"],
    ["...@example.com", "blank"],
    ["@example.com", "blank"],
    ["admin@example.com", "admin1"],
    ["first last", "firstlast"],
  ])("%s → %s", (input, expected) => {
    expect(cleanUsername(input)).toBe(expected);
  });

  it("bounds the length", () => {
    expect(cleanUsername(`${"a".repeat(400)}@x.com`).length).toBeLessThanOrEqual(249);
  });
});

describe("firstFreeUsername", () => {
  it("keeps a free name and suffixes a taken one case-insensitively", () => {
    expect(firstFreeUsername("jdoe", new Set())).toBe("jdoe");
    expect(firstFreeUsername("JDoe", new Set(["jdoe"]))).toBe("JDoe1");
    expect(firstFreeUsername("jdoe", new Set(["jdoe", "jdoe1", "jdoe2"]))).toBe("jdoe3");
  });
});
