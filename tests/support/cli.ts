import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const root = path.resolve(import.meta.dirname, "../..");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the admin CLI (`npm run admin -- …`) against a database, the way an operator would. */
export function runCli(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "scripts/admin.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "x".repeat(40), NODE_ENV: "test", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
