import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase, type TestDatabase } from "./databases";
import { serverNodeOptions } from "../../scripts/server-node-options";

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

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** One `next start` process on a database it does not own: it can be signalled, killed and started again. */
export type ServerProcess = {
  baseUrl: string;
  pid: number;
  output: () => string;
  exited: Promise<Exit>;
  /** Sends `signal` to the server's whole process group (`next start` and anything it spawned). */
  signal: (signal: NodeJS.Signals) => void;
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
 * The built app under `next start` on `databaseUrl`, as an operator runs it, healthy when this resolves. Needs a
 * build (`npm test` makes one first).
 */
export async function launchServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first (npm test does).");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    // Its own process group, so that a signal reaches everything it runs.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      // As `npm start` runs it.
      NODE_OPTIONS: serverNodeOptions(),
      DATABASE_URL: databaseUrl,
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
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const pid = child.pid!;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  try {
    await waitForHealth(baseUrl, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    signal("SIGKILL");
    await exited;
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return { baseUrl, pid, output: () => output, exited, signal };
}

/** Asks the server to stop (SIGTERM) and waits up to `ms` for it, then kills it. */
export async function stopServer(server: ServerProcess, ms = 5000): Promise<void> {
  server.signal("SIGTERM");
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms).unref());
  if ((await Promise.race([server.exited, timeout])) === "timeout") {
    server.signal("SIGKILL");
    await server.exited;
  }
}

/**
 * The built app under `next start` on a fresh database of its own, dropped by `stop()` — or, given
 * `options.database`, one more instance on another server's database, which it leaves for its owner to drop.
 */
export async function startServer(provider: Provider, env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const ownsDatabase = !options.database;
  const database = options.database ?? (await freshDatabase(provider, "it"));
  let server: ServerProcess;
  try {
    server = await launchServer(database.url, env);
  } catch (error) {
    if (ownsDatabase) await database.drop();
    throw error;
  }
  const stop = async () => {
    await stopServer(server);
    if (ownsDatabase) await database.drop();
  };
  return { baseUrl: server.baseUrl, database, output: server.output, stop };
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
