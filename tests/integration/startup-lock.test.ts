import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabase, testProviders } from "../support/databases";
import { freePort, TEST_AUTH_SECRET } from "../support/server";

const providers = await testProviders();
const root = path.resolve(import.meta.dirname, "../..");

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(500) })).status;
  } catch {
    return 0;
  }
}

describe.runIf(providers.includes("postgresql"))("start-up on PostgreSQL", () => {
  it("does not serve before its schema is current: it waits for the migration lock another instance holds", async () => {
    const database = await freshDatabase("postgresql", "lock");
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    // The advisory lock the migrator (and Prisma Migrate) takes: as if another instance were migrating.
    await holder.query("SELECT pg_advisory_lock(72707369)");
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: root,
      detached: true,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, AUTH_SECRET: TEST_AUTH_SECRET, APP_URL: `http://127.0.0.1:${port}` },
    });
    try {
      const health = `http://127.0.0.1:${port}/api/health`;
      const seen: number[] = [];
      for (let i = 0; i < 8; i++) {
        seen.push(await status(health));
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(seen.filter((s) => s === 200)).toEqual([]);
      await holder.query("SELECT pg_advisory_unlock(72707369)");
      let ok = 0;
      for (let i = 0; i < 120 && ok !== 200; i++) {
        ok = await status(health);
        if (ok !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(ok).toBe(200);
    } finally {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
      await holder.end();
      await new Promise((r) => setTimeout(r, 500));
      await database.drop();
    }
  }, 90_000);
});
