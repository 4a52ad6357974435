import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { HEAP_CAP_MB, serverNodeOptions } from "./server-node-options";

describe("the server's Node.js options", () => {
  it("cap the heap, keeping the operator's other options", () => {
    expect(serverNodeOptions("")).toBe(`--max-old-space-size=${HEAP_CAP_MB}`);
    expect(serverNodeOptions("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${HEAP_CAP_MB}`);
  });

  it("leave an operator's own cap as it is", () => {
    expect(serverNodeOptions("--max-old-space-size=2048")).toBe("--max-old-space-size=2048");
    expect(serverNodeOptions("--max_old_space_size=2048")).toBe("--max_old_space_size=2048");
  });

  it("are what V8 then uses as the heap's limit", () => {
    const script = "console.log(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20)";
    const run = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, NODE_OPTIONS: serverNodeOptions("") }, encoding: "utf8" });
    const limitMb = Number(run.stdout.trim());
    // The limit adds the young generation to the old one.
    expect(limitMb).toBeGreaterThanOrEqual(HEAP_CAP_MB);
    expect(limitMb).toBeLessThan(HEAP_CAP_MB + 100);
  });
});
