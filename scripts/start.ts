// `npm start`: validates the configuration, builds the app when there is no build yet, then runs `next start`.
// Migrations and the first admin are handled by the server itself at start-up (instrumentation.ts), so that
// every way of starting it gets them.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { ConfigError, config, type Config } from "../lib/env";
import { serverNodeOptions } from "./server-node-options";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

let c: Config;
try {
  c = config();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("No build yet: running `next build` once (about a minute)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NODE_OPTIONS: serverNodeOptions(),
  AUTH_SECRET: c.authSecret,
  NEXTAUTH_URL: c.appUrl,
  PORT: String(c.port),
};
const server = spawn(process.execPath, [nextBin, "start", "--port", String(c.port)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
