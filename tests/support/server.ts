import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase, type TestDatabase } from "./databases";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
export const TEST_AUTH_SECRET = "integration-test-secret-0123456789abcdefghij";

export type TestServer = {
  baseUrl: string;
  database: TestDatabase;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export type StartOptions = {
  /**
   * Join this database instead of making a fresh one: another instance of the same deployment. Its owner drops it;
   * stopping this server leaves it alone.
   */
  database?: TestDatabase;
};

/**
 * The built app under `next start`, as an operator runs it: on a fresh database of its own, or on `options.database`.
 * Needs a build (`npm test` makes one first).
 */
export async function startServer(provider: Provider, env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first (npm test does).");
  const ownsDatabase = !options.database;
  const database = options.database ?? (await freshDatabase(provider, "it"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      APP_URL: baseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      NEXTAUTH_URL: baseUrl,
      LOG_LEVEL: "info",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (ownsDatabase) await database.drop();
  };
  try {
    await waitForHealth(baseUrl, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, database, output: () => output, stop };
}

async function waitForHealth(baseUrl: string, died: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (died()) throw new Error("the server exited during start-up");
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not become healthy within 60 s");
}
