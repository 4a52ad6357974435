import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "../server-node-options";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Resident memory of a process and its descendants, in MB (Linux /proc): the process's RSS, plus each
 * descendant's private pages. A descendant's RSS would count twice the pages it shares with the process (the
 * Node.js binary: 35 of the SQLite checkpointer's 49 MB).
 */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  const visit = (p: number) => {
    try {
      if (p === pid) kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      else for (const [, pages] of fs.readFileSync(`/proc/${p}/smaps_rollup`, "utf8").matchAll(/^Private_\w+:\s+(\d+)/gm)) kb += Number(pages);
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return Math.round(kb / 1024);
}

/**
 * The public URL the benchmark's server believes it has: fixed, so the user documents seeded for its SCIM base
 * URL (lib/users/resource-document.ts) stay current for any port and across runs on a kept database.
 */
export const BENCH_APP_URL = "http://127.0.0.1:3000";

// The per-token rate limit (SCIM_RATE_LIMIT, 1,000/s by default) guards against runaway clients; the benchmark
// measures what the stack can serve, which on a fast run exceeds it, so it is turned off here.
export async function startBenchServer(databaseUrl: string, port: number, nodeOptions: string[] = []) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeOptions, path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    // Started as `npm start` starts it, with its heap cap (flags after it, such as --node-flags, override it).
    env: { ...process.env, NODE_OPTIONS: serverNodeOptions(), NODE_ENV: "production", DATABASE_URL: databaseUrl, APP_URL: BENCH_APP_URL, AUTH_SECRET: "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz", LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1", SCIM_RATE_LIMIT: "0" },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the server did not start");
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
    },
  };
}
