import { describe, expect, it } from "vitest";
import { throttledErrorCode, throttledMessage, throttledRetryAfter } from "./throttled-error";

describe("the throttled sign-in error", () => {
  it("carries the wait in whole seconds through next-auth's error code", () => {
    expect(throttledRetryAfter(throttledErrorCode(899.2))).toBe(900);
    expect(throttledRetryAfter("CredentialsSignin")).toBeUndefined();
    expect(throttledRetryAfter("TooManyAttempts:soon")).toBeUndefined();
  });

  it("says the wait in minutes, rounded up", () => {
    expect(throttledMessage(900)).toBe("Too many failed attempts, try again in 15 minutes.");
    expect(throttledMessage(61)).toBe("Too many failed attempts, try again in 2 minutes.");
    expect(throttledMessage(3)).toBe("Too many failed attempts, try again in 1 minute.");
  });
});
