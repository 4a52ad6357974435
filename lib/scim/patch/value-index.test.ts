import { describe, expect, it } from "vitest";
import { GROUP_SCHEMA_ID } from "../urns";
import { patchBody, patchGroup } from "./test-helpers";
import type { ScimResource } from "./types";

const groupWith = (count: number): ScimResource => ({
  schemas: [GROUP_SCHEMA_ID],
  id: "g",
  displayName: "Big",
  members: Array.from({ length: count }, (_, i) => ({ value: `member-${i}`, display: `Member ${i}` })),
});

describe("membership operations against the value index", () => {
  it("stays consistent across mixed adds and removes in one patch", () => {
    const body = patchBody(
      { op: "add", path: "members", value: [{ value: "x1" }, { value: "X1" }, { value: "x2" }] },
      { op: "remove", path: 'members[value eq "MEMBER-1"]' },
      { op: "remove", path: "members", value: [{ value: "x2" }, { value: "absent" }] },
      { op: "add", path: "members", value: [{ value: "member-1" }, { value: "x2" }] },
      { op: "remove", path: 'members[value eq "x1"]' },
      { op: "remove", path: 'members[value eq "x1"]' },
      { op: "replace", path: 'members[value eq "member-0"].display', value: "Member 0" },
    );
    const { resource } = patchGroup(groupWith(3), body);
    expect(resource.members).toEqual([
      { value: "member-0", display: "Member 0" },
      { value: "member-2", display: "Member 2" },
      { value: "member-1" },
      { value: "x2" },
    ]);
  });

  it("removes many members matched by a non-value filter", () => {
    const group = groupWith(40);
    (group.members as { type?: string }[]).forEach((m, i) => (m.type = i % 2 === 0 ? "User" : "Group"));
    const { resource } = patchGroup(group, patchBody({ op: "remove", path: 'members[type eq "Group"]' }));
    expect(resource.members).toHaveLength(20);
    expect((resource.members as { type: string }[]).every((m) => m.type === "User")).toBe(true);
  });

  it("handles a thousand single-member operations on a large group quickly", () => {
    const operations = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0
        ? { op: "remove", path: `members[value eq "member-${i * 10}"]` }
        : { op: "add", path: "members", value: [{ value: `new-${i}` }] },
    );
    const started = performance.now();
    const { resource } = patchGroup(groupWith(20_000), patchBody(...operations));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(resource.members).toHaveLength(20_000);
  });
});
