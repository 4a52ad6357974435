import { describe, expect, it } from "vitest";
import {
  errorBody,
  invalidFilter,
  invalidPath,
  isScimError,
  mutability,
  noTarget,
  notFound,
  ScimError,
  sensitive,
  uniqueness,
} from "./errors";

describe("ScimError", () => {
  it("carries status, scimType and detail", () => {
    const err = invalidFilter("bad filter");
    expect(err).toBeInstanceOf(ScimError);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ status: 400, scimType: "invalidFilter", detail: "bad filter", message: "bad filter" });
    expect(err.name).toBe("ScimError");
    expect(isScimError(err)).toBe(true);
    expect(isScimError(new Error("x"))).toBe(false);
  });

  it("uses the RFC 7644 §3.12 status for each scimType", () => {
    expect(invalidPath("p").status).toBe(400);
    expect(noTarget("p").status).toBe(400);
    expect(mutability("p").status).toBe(400);
    expect(uniqueness("p")).toMatchObject({ status: 409, scimType: "uniqueness" });
    expect(sensitive("p")).toMatchObject({ status: 403, scimType: "sensitive" });
    expect(notFound("User 1 not found")).toMatchObject({ status: 404, scimType: undefined });
  });
});

describe("errorBody", () => {
  it("renders the error message with a string status", () => {
    expect(errorBody(invalidFilter("Unknown operator"))).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "400",
      scimType: "invalidFilter",
      detail: "Unknown operator",
    });
  });

  it("omits scimType when there is none", () => {
    const body = errorBody(notFound("Resource 2819c223 not found"));
    expect(body).toEqual({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "404",
      detail: "Resource 2819c223 not found",
    });
    expect("scimType" in body).toBe(false);
  });
});

