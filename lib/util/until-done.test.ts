import { describe, expect, it } from "vitest";
import { untilDone } from "./until-done";

describe("a task done once per process", () => {
  it("runs once for every caller when it succeeds", async () => {
    let runs = 0;
    const once = untilDone(async () => void runs++, 1000);
    await Promise.all([once(), once()]);
    await once();
    expect(runs).toBe(1);
  });

  it("runs again after a failure, once the retry delay has passed", async () => {
    let clock = 0;
    let runs = 0;
    const once = untilDone(
      async () => {
        runs++;
        if (runs === 1) throw new Error("database busy");
      },
      60_000,
      () => clock,
    );
    await once();
    expect(runs).toBe(1);
    clock = 59_999;
    await once();
    expect(runs).toBe(1);
    clock = 60_000;
    await once();
    await once();
    expect(runs).toBe(2);
  });
});
