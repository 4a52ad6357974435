// Started by Playwright's webServer: a fresh database, then the built app under `next start` on it. The
// database URL is written to e2e/.state/<port>.json for the specs' fixtures; the database is dropped on exit.
// The server's stdout and stderr also go to e2e/.state/<port>.log (Playwright ignores stdout), where the secret
// search at the end of the run (e2e/secret-search.spec.ts) reads them, beside <port>.secrets.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase } from "../../tests/support/databases";
import { E2E_AUTH_SECRET, secretsFile, serverLogFile } from "./secrets";

const [provider, port] = process.argv.slice(2) as [Provider, string];
const root = path.resolve(import.meta.dirname, "../..");
const database = await freshDatabase(provider, "e2e");
const baseUrl = `http://127.0.0.1:${port}`;
fs.mkdirSync(path.join(root, "e2e/.state"), { recursive: true });
// One state file per port, so parallel runs on other ports do not overwrite each other's database URL.
fs.writeFileSync(path.join(root, `e2e/.state/${port}.json`), JSON.stringify({ databaseUrl: database.url, baseUrl, provider }));
fs.writeFileSync(secretsFile(port), "");
const serverLog = fs.createWriteStream(serverLogFile(port));

const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", port, "--hostname", "127.0.0.1"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  // Debug logs too: the secret search then covers every line the app can write.
  env: { ...process.env, LOG_LEVEL: "debug", NODE_ENV: "production", DATABASE_URL: database.url, APP_URL: baseUrl, NEXTAUTH_URL: baseUrl, AUTH_SECRET: E2E_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1" },
});

server.stdout!.on("data", (chunk: Buffer) => {
  serverLog.write(chunk);
  process.stdout.write(chunk);
});
server.stderr!.on("data", (chunk: Buffer) => {
  serverLog.write(chunk);
  process.stderr.write(chunk);
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop().catch((error) => console.error(`could not drop the e2e database: ${error.message}`));
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
server.on("exit", (code) => void stop(code ?? 1));
