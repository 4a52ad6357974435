import { describe, expect, it } from "vitest";
import { possibleStates, type Write } from "./possible-states";

const acked = (value: boolean, sentAt: number, answeredAt: number): Write<boolean> => ({ value, sentAt, answeredAt });
const inFlight = (value: boolean, sentAt: number): Write<boolean> => ({ value, sentAt, answeredAt: null });

describe("possibleStates", () => {
  it("is the initial value when nothing was written", () => {
    expect(possibleStates(true, [])).toEqual(new Set([true]));
  });

  it("is the last acknowledged value when writes did not overlap", () => {
    expect(possibleStates(true, [acked(false, 0, 1), acked(true, 2, 3), acked(false, 4, 5)])).toEqual(new Set([false]));
  });

  it("allows either value of two overlapping acknowledged writes", () => {
    expect(possibleStates(true, [acked(false, 0, 5), acked(true, 1, 4)])).toEqual(new Set([false, true]));
  });

  it("allows a write in flight at the crash to have run last, or not at all", () => {
    expect(possibleStates(true, [acked(false, 0, 1), inFlight(true, 2)])).toEqual(new Set([false, true]));
    expect(possibleStates(true, [inFlight(false, 2)])).toEqual(new Set([true, false]));
  });

  it("never allows a value an acknowledged write surely overwrote", () => {
    expect(possibleStates(false, [acked(true, 0, 1), acked(false, 2, 3), inFlight(false, 4)])).toEqual(new Set([false]));
  });
});
