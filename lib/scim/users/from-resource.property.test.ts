// Property-based tests: no request body breaks userFromResource or pollutes prototypes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userishBody, userJson } from "../arbitraries/user-body";
import { expectNoPollution, expectSafeTree, RUNS } from "../property-support";
import { isScimError } from "../errors";
import { USER_SCHEMA_ID } from "../urns";
import { userFromResource } from "./from-resource";


/** userFromResource, with anything but a result or a ScimError 400 failing the property. */
function read(body: unknown): ReturnType<typeof userFromResource> | undefined {
  try {
    return userFromResource(body);
  } catch (err) {
    if (!isScimError(err)) throw err;
    expect(err.status).toBe(400);
    expect(err.scimType).toBeTypeOf("string");
    return undefined;
  } finally {
    expectNoPollution();
  }
}


describe("userFromResource: random bodies", () => {
  it("any JSON-ish value → a user or a ScimError 400; prototypes untouched", () => {
    fc.assert(fc.property(userJson, (body) => void read(body)), { numRuns: RUNS });
  });

  it("User-shaped bodies with wrong types, nulls, huge lists and polluting keys → a user or a ScimError 400", () => {
    let accepted = 0;
    fc.assert(
      fc.property(userishBody, (body) => {
        const user = read(body);
        if (user) {
          accepted++;
          expectSafeTree(user, "user");
          expect(user.userName.length).toBeGreaterThan(0);
          expect(user.emails.filter((e) => e.primary).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it("10,000 emails are rejected with a 400, not processed", () => {
    const emails = Array.from({ length: 10_000 }, (_, i) => ({ value: `u${i}@x.org` }));
    expect(read({ schemas: [USER_SCHEMA_ID], userName: "a", emails })).toBeUndefined();
  });
});
