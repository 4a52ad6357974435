// Property-based tests: no PATCH body breaks applyPatch, mutates its input or pollutes prototypes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATCH_PATHS, patchBody, patchJson, validPatchBody } from "../arbitraries/patch-body";
import { expectNoPollution, expectSafeTree, RUNS } from "../property-support";
import { isScimError } from "../errors";
import { USER_RESOURCE_TYPE } from "../schema/resource-types";
import { PATCH_OP_MESSAGE_ID } from "../urns";
import { userFromResource } from "../users/from-resource";
import { applyPatch } from "./apply-patch";
import { sampleUser } from "./test-helpers";
import type { PatchResult, ScimResource } from "./types";


// ---------------------------------------------------------------------------------------------------------------
// Helpers

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function expect400(err: unknown): void {
  if (!isScimError(err)) throw err;
  expect(err.status).toBe(400);
  expect(err.scimType).toBeTypeOf("string");
}

/** The frozen input and its JSON snapshot. */
function frozenUser(): { input: ScimResource; snapshot: string } {
  const input = deepFreeze(sampleUser());
  return { input, snapshot: JSON.stringify(input) };
}

function patch(input: ScimResource, b: unknown): PatchResult | undefined {
  try {
    return applyPatch(input, b, { schemas: USER_RESOURCE_TYPE });
  } catch (err) {
    expect400(err);
    return undefined;
  }
}

describe("applyPatch: random PATCH bodies", () => {
  it("gives a result or a ScimError 400 with a scimType; never mutates the input; never pollutes prototypes", () => {
    fc.assert(
      fc.property(patchBody, (b) => {
        const { input, snapshot } = frozenUser();
        patch(input, b);
        expect(JSON.stringify(input)).toBe(snapshot);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it("a result carries no prototype-polluting keys and reads as a User or fails with a ScimError 400", () => {
    let produced = 0;
    fc.assert(
      fc.property(validPatchBody, (b) => {
        const { input } = frozenUser();
        const result = patch(input, b);
        if (!result) return;
        produced++;
        expectSafeTree(result.resource, "resource", { allowNullPrototype: true });
        try {
          userFromResource(result.resource);
        } catch (err) {
          if (!isScimError(err)) throw err;
          expect(err.status).toBe(400);
        }
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
    expect(produced).toBeGreaterThan(RUNS / 20);
  });

  it("well-formed operations on known paths give a result or a ScimError 400", () => {
    const wellFormed = fc
      .array(
        fc.record({ op: fc.constantFrom("add", "replace", "remove"), path: fc.constantFrom(...PATCH_PATHS.slice(0, 36)), value: patchJson }),
        { minLength: 1, maxLength: 4 },
      )
      .map((ops) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: ops }));
    fc.assert(
      fc.property(wellFormed, (b) => {
        const { input, snapshot } = frozenUser();
        const result = patch(input, b);
        expect(JSON.stringify(input)).toBe(snapshot);
        if (result) expectSafeTree(result.resource, "resource", { allowNullPrototype: true });
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });
});
