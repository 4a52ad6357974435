// planGroupPatch: the pure planning of a Group PATCH (what changes: name, externalId, members to add/remove, or a
// full member replacement). Request bodies of Okta and Microsoft Entra come from tests/fixtures/{okta,entra}/groups
// (see tests/fixtures/README.md) and lib/scim/patch/fixtures.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ScimError } from "../errors";
import { GROUP_SCHEMA_ID, PATCH_OP_MESSAGE_ID } from "../urns";
import { MAX_MEMBERS_PER_REQUEST } from "./members";
import { planGroupPatch, type GroupPatchPlan, type MembershipPlan } from "./plan-patch";

const GROUP_ID = "abf4dd94-a4c0-4f67-89c9-76b03340cb9b";
const root = path.resolve(import.meta.dirname, "../../..");

function fixture(idp: "okta" | "entra", name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures", idp, "groups", `${name}.json`), "utf8"));
}

function body(...operations: unknown[]) {
  return { schemas: [PATCH_OP_MESSAGE_ID], Operations: operations };
}

function plan(...operations: unknown[]): GroupPatchPlan {
  return planGroupPatch(body(...operations), GROUP_ID);
}

/** A membership plan as plain arrays (sets compared by content, order-insensitively). */
function members(p: GroupPatchPlan): { kind: "delta"; add: string[]; remove: string[] } | { kind: "replace"; members: string[] } {
  const m: MembershipPlan = p.members;
  return m.kind === "delta" ? { kind: "delta", add: [...m.add].sort(), remove: [...m.remove].sort() } : { kind: "replace", members: [...m.members].sort() };
}

const delta = (add: string[] = [], remove: string[] = []) => ({ kind: "delta" as const, add: [...add].sort(), remove: [...remove].sort() });

/** Calls fn and returns the ScimError it throws (fails when it throws nothing or something else). */
function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    return error as ScimError;
  }
  throw new Error("expected a ScimError, nothing was thrown");
}

function expectError(fn: () => unknown, status: number, scimType: string | undefined, detail?: RegExp): ScimError {
  const error = scimError(fn);
  expect({ status: error.status, scimType: error.scimType }).toEqual({ status, scimType });
  if (detail) expect(error.detail).toMatch(detail);
  return error;
}

const ids = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("planGroupPatch: Okta", () => {
  it("renames with a pathless replace that echoes the group's own id (the id is accepted and ignored)", () => {
    const p = planGroupPatch(fixture("okta", "patch-rename"), GROUP_ID);
    expect(p.displayName).toBe("Test SCIMv2");
    expect(p).not.toHaveProperty("externalId");
    expect(members(p)).toEqual(delta());
  });

  it("refuses the echo of a different id: 400 mutability, prefixed with the operation's index", () => {
    const error = expectError(() => planGroupPatch(fixture("okta", "patch-rename"), "some-other-group"), 400, "mutability");
    expect(error.detail).toMatch(/^Operations\[0\]: /);
    expect(error.detail).toMatch(/"id" is readOnly/);
  });

  it("plans the documented membership update: remove members[value eq …], then add with display", () => {
    const p = planGroupPatch(fixture("okta", "patch-members"), GROUP_ID);
    expect(p.displayName).toBeUndefined();
    expect(members(p)).toEqual(delta(["23a35c27-23d3-4c03-b4c5-6443c09e7173"], ["89bb1940-b905-4575-9e7f-6f887cfb368e"]));
  });

  it("plans the full membership push: replace of members", () => {
    const p = planGroupPatch(fixture("okta", "patch-replace-members"), GROUP_ID);
    expect(members(p)).toEqual({ kind: "replace", members: ["23a35c27-23d3-4c03-b4c5-6443c09e7173", "89bb1940-b905-4575-9e7f-6f887cfb368e"] });
  });

  it("plans the id echo sent together with a membership change in one request", () => {
    const p = planGroupPatch(fixture("okta", "patch-rename-and-members"), GROUP_ID);
    expect(p.displayName).toBe("Test SCIMv20");
    expect(members(p)).toEqual(delta(["23a35c27-23d3-4c03-b4c5-6443c09e7173"], ["89bb1940-b905-4575-9e7f-6f887cfb368e"]));
  });

  it("accepts the id echo with the group's id in any operation but remove", () => {
    expect(members(plan({ op: "add", value: { id: GROUP_ID } }))).toEqual(delta());
    expect(plan({ op: "replace", path: "id", value: GROUP_ID })).toEqual({ members: { kind: "delta", add: new Set(), remove: new Set() } });
    expectError(() => plan({ op: "replace", path: "id", value: "x" }), 400, "mutability", /^Operations\[0\]: "id" is readOnly/);
    expectError(() => plan({ op: "remove", path: "id" }), 400, "mutability", /^Operations\[0\]: /);
  });
});

describe("planGroupPatch: Microsoft Entra", () => {
  it("renames with a capitalised Replace of displayName", () => {
    const p = planGroupPatch(fixture("entra", "patch-rename"), GROUP_ID);
    expect(p.displayName).toBe("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    expect(members(p)).toEqual(delta());
  });

  it("adds members with a capitalised Add and a value list carrying $ref: null", () => {
    expect(members(planGroupPatch(fixture("entra", "patch-add-members"), GROUP_ID))).toEqual(delta(["f648f8d5ea4e4cd38e9c"]));
  });

  it("removes members with a capitalised Remove and a value list", () => {
    expect(members(planGroupPatch(fixture("entra", "patch-remove-members"), GROUP_ID))).toEqual(delta([], ["f648f8d5ea4e4cd38e9c"]));
  });

  it("adds and removes several members (the multi-member forms)", () => {
    expect(members(planGroupPatch(fixture("entra", "patch-add-multiple-members"), GROUP_ID))).toEqual(
      delta(["a2c5ca3e-4f0a-4d5c-9a4b-0b9b6d6e0001", "a2c5ca3e-4f0a-4d5c-9a4b-0b9b6d6e0002"]),
    );
    expect(members(planGroupPatch(fixture("entra", "patch-remove-multiple-members"), GROUP_ID))).toEqual(
      delta([], ["a2c5ca3e-4f0a-4d5c-9a4b-0b9b6d6e0001", "a2c5ca3e-4f0a-4d5c-9a4b-0b9b6d6e0002"]),
    );
  });

  it("removes a member with the value-carrying Remove of the default (no feature flag) behaviour", () => {
    expect(members(planGroupPatch(fixture("entra", "patch-remove-member-default"), GROUP_ID))).toEqual(delta([], ["u1091"]));
  });

  it("removes a member with the RFC filter form members[value eq …] (aadOptscim062020)", () => {
    expect(members(planGroupPatch(fixture("entra", "patch-remove-member-compliant"), GROUP_ID))).toEqual(delta([], ["7f4bc1a3-285e-48ae-8202-5accb43efb0e"]));
  });

  it("accepts op names and structural members in any letter case", () => {
    for (const op of ["add", "Add", "ADD", "aDd"]) {
      expect(members(plan({ op, path: "members", value: [{ value: "u1" }] }))).toEqual(delta(["u1"]));
    }
    expect(members(plan({ op: "REMOVE", path: "MEMBERS", value: [{ VALUE: "u1" }] }))).toEqual(delta([], ["u1"]));
    expect(plan({ op: "REPLACE", path: "DisplayName", value: "n" }).displayName).toBe("n");
    const mixed = planGroupPatch({ SCHEMAS: [PATCH_OP_MESSAGE_ID.toUpperCase()], operations: [{ OP: "Add", PATH: "members", VALUE: [{ value: "u1" }] }] }, GROUP_ID);
    expect(members(mixed)).toEqual(delta(["u1"]));
  });
});

describe("planGroupPatch: displayName and externalId", () => {
  it("replaces displayName with a path, plain or URN-qualified, and trims it", () => {
    expect(plan({ op: "replace", path: "displayName", value: "  Engineering  " }).displayName).toBe("Engineering");
    expect(plan({ op: "replace", path: `${GROUP_SCHEMA_ID}:displayName`, value: "Eng" }).displayName).toBe("Eng");
    expect(plan({ op: "add", path: "displayName", value: "Eng" }).displayName).toBe("Eng");
  });

  it("replaces displayName and externalId without a path, keys plain or URN-qualified", () => {
    const p = plan({ op: "replace", value: { displayName: "Eng", externalId: "ext-1" } });
    expect(p).toMatchObject({ displayName: "Eng", externalId: "ext-1" });
    const q = plan({ op: "replace", value: { [`${GROUP_SCHEMA_ID}:displayName`]: "Eng2", [`${GROUP_SCHEMA_ID}:externalId`]: "ext-2" } });
    expect(q).toMatchObject({ displayName: "Eng2", externalId: "ext-2" });
    expect(plan({ op: "replace", path: GROUP_SCHEMA_ID, value: { displayName: "Eng3" } }).displayName).toBe("Eng3");
  });

  it("keeps the last displayName when several operations set it", () => {
    expect(plan({ op: "replace", path: "displayName", value: "A" }, { op: "replace", value: { displayName: "B" } }).displayName).toBe("B");
  });

  it("refuses an empty, blank, null or non-string displayName: 400 invalidValue", () => {
    for (const value of ["", "   ", null, undefined, { a: 1 }, ["x"], true]) {
      expectError(() => plan({ op: "replace", path: "displayName", value }), 400, "invalidValue", /^Operations\[0\]: /);
    }
    expectError(() => plan({ op: "replace", value: { displayName: "" } }), 400, "invalidValue");
    expectError(() => plan({ op: "replace", path: "displayName", value: "x".repeat(2049) }), 400, "invalidValue");
  });

  it("refuses to remove displayName: 400 mutability", () => {
    expectError(() => plan({ op: "remove", path: "displayName" }), 400, "mutability", /^Operations\[0\]: "displayName" is required/);
    expectError(() => plan({ op: "Remove", path: `${GROUP_SCHEMA_ID}:displayName` }), 400, "mutability");
  });

  it("sets, trims, clears and removes externalId", () => {
    expect(plan({ op: "replace", path: "externalId", value: " ext " }).externalId).toBe("ext");
    expect(plan({ op: "add", path: "externalId", value: "ext" }).externalId).toBe("ext");
    expect(plan({ op: "replace", path: "externalId", value: "" }).externalId).toBeNull();
    expect(plan({ op: "replace", path: "externalId", value: null }).externalId).toBeNull();
    expect(plan({ op: "remove", path: "externalId" }).externalId).toBeNull();
    expectError(() => plan({ op: "replace", path: "externalId", value: { x: 1 } }), 400, "invalidValue", /^Operations\[0\]: /);
  });

  it("ignores meta and schemas in a pathless value map, refuses to remove them", () => {
    const p = plan({ op: "replace", value: { schemas: [GROUP_SCHEMA_ID], meta: { resourceType: "Group" }, displayName: "Eng" } });
    expect(p).toEqual({ displayName: "Eng", members: { kind: "delta", add: new Set(), remove: new Set() } });
    expectError(() => plan({ op: "remove", path: "meta" }), 400, "mutability");
    expectError(() => plan({ op: "remove", path: "schemas" }), 400, "mutability");
  });
});

describe("planGroupPatch: members", () => {
  it("adds a list of members, or a single member object; trims and de-duplicates ids", () => {
    expect(members(plan({ op: "add", path: "members", value: [{ value: "u1" }, { value: " u2 " }, { value: "u1" }] }))).toEqual(delta(["u1", "u2"]));
    expect(members(plan({ op: "add", path: "members", value: { value: "u1", display: "User One" } }))).toEqual(delta(["u1"]));
    expect(members(plan({ op: "add", value: { members: [{ value: "u3", type: "User", $ref: "https://x/Users/u3" }] } }))).toEqual(delta(["u3"]));
  });

  it("treats an empty or null member list as a no-op for add and remove", () => {
    expect(members(plan({ op: "add", path: "members", value: [] }))).toEqual(delta());
    expect(members(plan({ op: "add", path: "members", value: null }))).toEqual(delta());
    expect(members(plan({ op: "remove", path: "members", value: [] }))).toEqual(delta());
  });

  it("removes members by filter (one id, or several joined with or), by value list, or all without a value", () => {
    expect(members(plan({ op: "remove", path: 'members[value eq "u1"]' }))).toEqual(delta([], ["u1"]));
    expect(members(plan({ op: "remove", path: 'Members[Value EQ "u1"]' }))).toEqual(delta([], ["u1"]));
    expect(members(plan({ op: "remove", path: `${GROUP_SCHEMA_ID}:members[value eq "u1"]` }))).toEqual(delta([], ["u1"]));
    expect(members(plan({ op: "remove", path: 'members[value eq "u1" or value eq "u2" or value eq "u3"]' }))).toEqual(delta([], ["u1", "u2", "u3"]));
    expect(members(plan({ op: "remove", path: "members", value: [{ value: "u1" }, { value: "u2" }] }))).toEqual(delta([], ["u1", "u2"]));
    expect(members(plan({ op: "remove", path: "members" }))).toEqual({ kind: "replace", members: [] });
    expect(members(plan({ op: "remove", path: "members", value: null }))).toEqual({ kind: "replace", members: [] });
  });

  it("replaces the member list with a path or without one", () => {
    expect(members(plan({ op: "replace", path: "members", value: [{ value: "u1" }, { value: "u2" }] }))).toEqual({ kind: "replace", members: ["u1", "u2"] });
    expect(members(plan({ op: "replace", value: { members: [{ value: "u9" }] } }))).toEqual({ kind: "replace", members: ["u9"] });
    expect(members(plan({ op: "replace", path: "members", value: [] }))).toEqual({ kind: "replace", members: [] });
  });

  describe("applies operations in order", () => {
    it("add then remove of the same id: removed", () => {
      expect(members(plan({ op: "add", path: "members", value: [{ value: "u1" }, { value: "u2" }] }, { op: "remove", path: 'members[value eq "u1"]' }))).toEqual(
        delta(["u2"], ["u1"]),
      );
    });

    it("remove then add of the same id: added", () => {
      expect(members(plan({ op: "remove", path: "members", value: [{ value: "u1" }] }, { op: "add", path: "members", value: [{ value: "u1" }] }))).toEqual(
        delta(["u1"], []),
      );
    });

    it("replace after adds: only the replacement counts", () => {
      const p = plan({ op: "add", path: "members", value: [{ value: "u1" }] }, { op: "remove", path: 'members[value eq "u5"]' }, { op: "replace", path: "members", value: [{ value: "u2" }] });
      expect(members(p)).toEqual({ kind: "replace", members: ["u2"] });
    });

    it("adds and removes after a replace change the replacement set", () => {
      const p = plan(
        { op: "replace", path: "members", value: [{ value: "u1" }, { value: "u2" }] },
        { op: "add", path: "members", value: [{ value: "u3" }] },
        { op: "remove", path: 'members[value eq "u1"]' },
      );
      expect(members(p)).toEqual({ kind: "replace", members: ["u2", "u3"] });
    });

    it("remove-all then add: the group ends with exactly the added members", () => {
      expect(members(plan({ op: "remove", path: "members" }, { op: "add", path: "members", value: [{ value: "u7" }] }))).toEqual({ kind: "replace", members: ["u7"] });
    });

    it("rename, membership and externalId in one request", () => {
      const p = plan(
        { op: "replace", value: { id: GROUP_ID, displayName: "New" } },
        { op: "add", path: "members", value: [{ value: "u1" }] },
        { op: "replace", path: "externalId", value: "e1" },
        { op: "remove", path: 'members[value eq "u2"]' },
      );
      expect(p.displayName).toBe("New");
      expect(p.externalId).toBe("e1");
      expect(members(p)).toEqual(delta(["u1"], ["u2"]));
    });
  });

  it(`accepts ${MAX_MEMBERS_PER_REQUEST} members in one operation and refuses more: 400 invalidValue`, () => {
    const many = ids(MAX_MEMBERS_PER_REQUEST).map((value) => ({ value }));
    const p = plan({ op: "add", path: "members", value: many });
    expect(p.members.kind === "delta" && p.members.add.size).toBe(MAX_MEMBERS_PER_REQUEST);
    const tooMany = [...many, { value: "one-more" }];
    for (const op of ["add", "replace", "remove"]) {
      expectError(() => plan({ op, path: "members", value: tooMany }), 400, "invalidValue", new RegExp(`^Operations\\[0\\]: .*more than ${MAX_MEMBERS_PER_REQUEST}`));
    }
    expectError(() => plan({ op: "replace", value: { members: tooMany } }), 400, "invalidValue");
  });

  it("refuses bad member entries: 400 invalidValue naming the entry", () => {
    const bad: unknown[] = ["u1", 42, null, [], { display: "no value" }, { value: "" }, { value: "   " }, { value: 7 }, { value: null }, { value: { id: "u1" } }];
    for (const entry of bad) {
      const error = expectError(() => plan({ op: "add", path: "members", value: [{ value: "ok" }, entry] }), 400, "invalidValue");
      expect(error.detail).toBe('Operations[0]: "members[1].value" must be a member id.');
    }
    expectError(() => plan({ op: "add", path: "members", value: "u1" }), 400, "invalidValue");
    expectError(() => plan({ op: "remove", path: "members", value: [{ value: 1 }] }), 400, "invalidValue");
    expectError(() => plan({ op: "replace", path: "members", value: [{}] }), 400, "invalidValue");
  });
});

describe("planGroupPatch: refused paths and operations", () => {
  it("refuses unknown attributes: 400 invalidPath", () => {
    expectError(() => plan({ op: "replace", path: "description", value: "x" }), 400, "invalidPath", /^Operations\[0\]: Unknown Group attribute "description"/);
    expectError(() => plan({ op: "replace", value: { displayName: "ok", owner: "x" } }), 400, "invalidPath", /"owner"/);
    expectError(() => plan({ op: "add", path: "urn:ietf:params:scim:schemas:core:2.0:User:userName", value: "x" }), 400, "invalidPath", /Unknown schema/);
    expectError(() => plan({ op: "add", path: "urn:example:custom:1.0:Group:color", value: "x" }), 400, "invalidPath");
  });

  it("refuses unsupported member filters and sub-attribute paths: 400 invalidPath", () => {
    const paths = [
      'members[display eq "Alice"]',
      'members[value ne "u1"]',
      'members[value co "u"]',
      'members[value sw "u"]',
      'members[value eq "u1" and value eq "u2"]',
      'members[value eq "u1" or display eq "x"]',
      "members[value pr]",
      'members[not (value eq "u1")]',
      "members[value eq 1]",
      'members[type eq "User"]',
      'members[value eq "u1"].display',
      "members.value",
      "members.display",
      'displayName[value eq "x"]',
    ];
    for (const p of paths) {
      expectError(() => plan({ op: "remove", path: p }), 400, "invalidPath", /^Operations\[0\]: /);
    }
  });

  it("refuses add and replace through a member filter: 400 invalidPath", () => {
    expectError(() => plan({ op: "add", path: 'members[value eq "u1"]', value: [{ value: "u1" }] }), 400, "invalidPath");
    expectError(() => plan({ op: "replace", path: 'members[value eq "u1"]', value: { value: "u2" } }), 400, "invalidPath");
  });

  it("refuses a malformed path: 400 invalidPath", () => {
    expectError(() => plan({ op: "remove", path: 'members[value eq "u1"' }), 400, "invalidPath");
    expectError(() => plan({ op: "replace", path: "[", value: "x" }), 400, "invalidPath");
  });

  it("refuses remove without a path: 400 noTarget", () => {
    expectError(() => plan({ op: "remove" }), 400, "noTarget", /^Operations\[0\]: /);
    expectError(() => plan({ op: "remove", path: "" }), 400, "noTarget");
    expectError(() => plan({ op: "remove", value: { displayName: "x" } }), 400, "noTarget");
  });

  it("refuses removing the whole resource through its schema URN: 400 invalidPath", () => {
    expectError(() => plan({ op: "remove", path: GROUP_SCHEMA_ID }), 400, "invalidPath");
  });

  it("refuses a pathless add/replace whose value is not an object: 400 invalidValue", () => {
    for (const value of ["Eng", 1, null, undefined, [{ displayName: "x" }]]) {
      expectError(() => plan({ op: "replace", value }), 400, "invalidValue", /^Operations\[0\]: /);
    }
  });

  it("prefixes errors with the index of the failing operation, after valid ones", () => {
    const error = expectError(
      () => plan({ op: "add", path: "members", value: [{ value: "u1" }] }, { op: "replace", path: "displayName", value: "ok" }, { op: "replace", path: "nickName", value: "x" }),
      400,
      "invalidPath",
    );
    expect(error.detail).toMatch(/^Operations\[2\]: Unknown Group attribute "nickName"\.$/);
    const bad = expectError(() => plan({ op: "replace", path: "displayName", value: "ok" }, { op: "add", path: "members", value: [{ value: 1 }] }), 400, "invalidValue");
    expect(bad.detail).toBe('Operations[1]: "members[0].value" must be a member id.');
  });

  it("refuses malformed PatchOp messages: 400 invalidSyntax", () => {
    expectError(() => planGroupPatch(null, GROUP_ID), 400, "invalidSyntax");
    expectError(() => planGroupPatch([], GROUP_ID), 400, "invalidSyntax");
    expectError(() => planGroupPatch({ Operations: [] }, GROUP_ID), 400, "invalidSyntax");
    expectError(() => planGroupPatch({ schemas: [GROUP_SCHEMA_ID], Operations: [] }, GROUP_ID), 400, "invalidSyntax");
    expectError(() => planGroupPatch({ schemas: [PATCH_OP_MESSAGE_ID] }, GROUP_ID), 400, "invalidSyntax");
    expectError(() => plan({ op: "move", path: "displayName", value: "x" }), 400, "invalidSyntax", /Operations\[0\]/);
    expectError(() => plan({ path: "displayName", value: "x" }), 400, "invalidSyntax");
    expectError(() => plan({ op: "add", path: 5, value: "x" }), 400, "invalidSyntax");
    expectError(() => plan("not an operation"), 400, "invalidSyntax");
    const twenty = Array.from({ length: 20 }, () => ({ op: "add", path: "members", value: [] }));
    expectError(() => planGroupPatch(body(...twenty), GROUP_ID, 10), 400, "invalidSyntax", /20 operations/);
    expect(() => planGroupPatch(body(...twenty), GROUP_ID, 20)).not.toThrow();
  });

  it("plans nothing for an empty Operations list", () => {
    expect(planGroupPatch(body(), GROUP_ID)).toEqual({ members: { kind: "delta", add: new Set(), remove: new Set() } });
  });
});
