import { describe, expect, it } from "vitest";
import { PATCH_OP_MESSAGE_ID } from "../urns";
import { parsePatchBody } from "./parse-body";
import { expectScimError } from "./test-helpers";

const ops = (...operations: unknown[]) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: operations });

describe("parsePatchBody", () => {
  it("accepts an empty Operations array (Microsoft Entra sends one)", () => {
    expect(parsePatchBody(ops())).toEqual([]);
  });

  it("lower-cases op names in any case", () => {
    const parsed = parsePatchBody(ops({ op: "Add", path: "a", value: 1 }, { op: "REPLACE", value: {} }, { op: "Remove", path: "b" }));
    expect(parsed.map((o) => o.op)).toEqual(["add", "replace", "remove"]);
    expect(parsed[0]).toEqual({ index: 0, op: "add", path: "a", value: 1 });
    expect(parsed[2]).toEqual({ index: 2, op: "remove", path: "b" });
  });

  it("keeps an explicit null value and treats a null path as absent", () => {
    expect(parsePatchBody(ops({ op: "replace", path: null, value: null }))[0]).toEqual({ index: 0, op: "replace", value: null });
  });

  it("matches message members case-insensitively", () => {
    const parsed = parsePatchBody({ Schemas: [PATCH_OP_MESSAGE_ID.toUpperCase()], operations: [{ OP: "add", Path: "x", Value: 1 }] });
    expect(parsed).toEqual([{ index: 0, op: "add", path: "x", value: 1 }]);
  });

  it.each([
    ["a non-object body", []],
    ["null", null],
    ["missing schemas", { Operations: [] }],
    ["schemas without PatchOp", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], Operations: [] }],
    ["schemas not an array", { schemas: PATCH_OP_MESSAGE_ID, Operations: [] }],
    ["missing Operations", { schemas: [PATCH_OP_MESSAGE_ID] }],
    ["Operations not an array", { schemas: [PATCH_OP_MESSAGE_ID], Operations: { op: "add" } }],
    ["an operation that is not an object", ops("add")],
    ["a missing op", ops({ path: "x" })],
    ["an unknown op", ops({ op: "move", path: "x" })],
    ["a non-string op", ops({ op: 1 })],
    ["a non-string path", ops({ op: "add", path: 3, value: 1 })],
  ])("rejects %s with invalidSyntax", (_, body) => {
    expectScimError(() => parsePatchBody(body), "invalidSyntax");
  });

  it("rejects more than maxOperations operations with invalidSyntax", () => {
    const many = ops(...Array.from({ length: 4 }, () => ({ op: "remove", path: "nickName" })));
    expect(parsePatchBody(many, 4)).toHaveLength(4);
    const detail = expectScimError(() => parsePatchBody(many, 3), "invalidSyntax");
    expect(detail).toContain("maximum is 3");
  });

  it("defaults maxOperations to 1000", () => {
    const op = { op: "remove", path: "nickName" };
    expect(parsePatchBody(ops(...Array.from({ length: 1000 }, () => op)))).toHaveLength(1000);
    expectScimError(() => parsePatchBody(ops(...Array.from({ length: 1001 }, () => op))), "invalidSyntax");
  });
});
