import { describe, expect, it } from "vitest";
import { Mutex } from "./mutex";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Mutex", () => {
  it("runs holders one at a time, in the order they asked", async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    let inside = 0;
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (n) => {
        const release = await mutex.acquire();
        inside++;
        expect(inside).toBe(1);
        events.push(`in ${n}`);
        await tick();
        events.push(`out ${n}`);
        inside--;
        release();
      }),
    );
    expect(events).toEqual([0, 1, 2, 3, 4].flatMap((n) => [`in ${n}`, `out ${n}`]));
  });

  it("ignores a second release, so a double release cannot let two holders in", async () => {
    const mutex = new Mutex();
    const first = await mutex.acquire();
    const second = mutex.acquire();
    const third = mutex.acquire();
    first();
    first();
    const releaseSecond = await second;
    let thirdIn = false;
    void third.then(() => (thirdIn = true));
    await tick();
    expect(thirdIn).toBe(false);
    releaseSecond();
    await tick();
    expect(thirdIn).toBe(true);
  });
});
