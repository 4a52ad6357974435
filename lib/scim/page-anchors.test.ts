import { describe, expect, it } from "vitest";
import { anchorFor, NO_ANCHORS, stillHold, wantsMore, type AnchorKey, type PageAnchors } from "./page-anchors";

const key = (n: number): AnchorKey => [`2024-01-01T00:00:${String(n).padStart(2, "0")}.000+00:00`, `id-${n}`];
// Anchors at positions 10, 20, 30 of a list of 35, spacing 10.
const anchors: PageAnchors = { generation: 7, keys: [key(10), key(20), key(30)] };

describe("anchorFor", () => {
  it("starts the first spacing from the top of the list", () => {
    expect(anchorFor(anchors, 0, 10)).toEqual({ key: null, skip: 0 });
    expect(anchorFor(anchors, 9, 10)).toEqual({ key: null, skip: 9 });
  });

  it("seeks to the nearest anchor at or before the offset", () => {
    expect(anchorFor(anchors, 10, 10)).toEqual({ key: key(10), skip: 0 });
    expect(anchorFor(anchors, 29, 10)).toEqual({ key: key(20), skip: 9 });
  });

  it("skips from the last anchor past the end of what it knows (appends, or a startIndex past the end)", () => {
    expect(anchorFor(anchors, 34, 10)).toEqual({ key: key(30), skip: 4 });
    expect(anchorFor(anchors, 1_000_000, 10)).toEqual({ key: key(30), skip: 999_970 });
  });

  it("walks from the top when there are no anchors", () => {
    expect(anchorFor(NO_ANCHORS, 12_345)).toEqual({ key: null, skip: 12_345 });
  });
});

describe("stillHold", () => {
  it("holds while the generation is the same and the last anchor has exactly its position's identities before it", () => {
    expect(stillHold(anchors, { generation: 7, total: 35, tail: 5 }, 10)).toBe(true);
    // Appends after the last anchor: the tail grows with the total.
    expect(stillHold(anchors, { generation: 7, total: 38, tail: 8 }, 10)).toBe(true);
  });

  it("fails on a new generation (a listed identity left, came back, or changed its key)", () => {
    expect(stillHold(anchors, { generation: 8, total: 35, tail: 5 }, 10)).toBe(false);
  });

  it("fails when an identity was inserted before the last anchor, however it raced", () => {
    expect(stillHold(anchors, { generation: 7, total: 36, tail: 5 }, 10)).toBe(false);
  });

  it("needs the tail whenever there are anchors", () => {
    expect(stillHold(anchors, { generation: 7, total: 35, tail: null }, 10)).toBe(false);
    expect(stillHold({ generation: 7, keys: [] }, { generation: 7, total: 5, tail: null }, 10)).toBe(true);
  });
});

describe("wantsMore", () => {
  it("walks on once two spacings lie past the last anchor", () => {
    expect(wantsMore(anchors, 49, 10)).toBe(false);
    expect(wantsMore(anchors, 50, 10)).toBe(true);
    expect(wantsMore(NO_ANCHORS, 19, 10)).toBe(false);
    expect(wantsMore(NO_ANCHORS, 20, 10)).toBe(true);
  });
});
