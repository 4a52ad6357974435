// Every token and password an end-to-end run uses is recorded here, per app server (port), so that the last spec
// (e2e/secret-search.spec.ts) can look for each in the server's log and in a dump of its database.
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../../tests/support/cli";

const stateDir = path.resolve(import.meta.dirname, "../.state");

/** The app servers' AUTH_SECRET (serve.ts): a secret the search looks for too. */
export const E2E_AUTH_SECRET = "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz";

export const secretsFile = (port: string | number) => path.join(stateDir, `${port}.secrets`);
export const serverLogFile = (port: string | number) => path.join(stateDir, `${port}.log`);

/** The port of the e2e app server whose database this is (from the state files serve.ts writes). */
function portOfDatabase(databaseUrl: string): string {
  for (const file of fs.readdirSync(stateDir).filter((f) => /^\d+\.json$/.test(f))) {
    if (JSON.parse(fs.readFileSync(path.join(stateDir, file), "utf8")).databaseUrl === databaseUrl) return file.replace(".json", "");
  }
  throw new Error(`no e2e server state for ${databaseUrl}`);
}

/** Records a secret the run used against the server on `port` (or of this database). One JSON string a line. */
export function recordSecret(where: { port: string | number } | { databaseUrl: string }, secret: string): void {
  const port = "port" in where ? where.port : portOfDatabase(where.databaseUrl);
  fs.appendFileSync(secretsFile(port), `${JSON.stringify(secret)}\n`);
}

export function recordedSecrets(port: string | number): string[] {
  if (!fs.existsSync(secretsFile(port))) return [];
  return fs.readFileSync(secretsFile(port), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as string);
}

/** `scim-token generate` on this database, as an operator does: the new token, recorded. */
export async function generateScimToken(databaseUrl: string): Promise<string> {
  const result = await runCli(["scim-token", "generate"], databaseUrl);
  if (result.code !== 0) throw new Error(`scim-token generate failed: ${result.stderr}`);
  const token = result.stdout.trim();
  recordSecret({ databaseUrl }, token);
  return token;
}
