import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Provider } from "../../lib/db/provider";

const run = promisify(execFile);
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

export const SNAPSHOT_FILE = "prisma/migrations-snapshot.prisma";

/**
 * The SQL that turns the schema described by `fromModels` (models text as of the last migration, or null for an
 * empty database) into the current prisma/models.prisma, for one provider. It is computed by Prisma Migrate's own
 * differ from datamodel to datamodel: with the WebAssembly engine Prisma 6.19 cannot diff against a live database
 * (`--from-schema-datasource`/`--from-url` are refused), and its shadow-database replay is unreliable here.
 */
export async function diffModels(provider: Provider, fromModels: string | null, root = process.cwd()): Promise<string> {
  const args = ["migrate", "diff", "--to-schema-datamodel", `prisma/${provider}`, "--script"];
  let tmp: string | undefined;
  if (fromModels === null) {
    args.push("--from-empty");
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-from-"));
    fs.copyFileSync(path.join(root, "prisma", provider, "schema.prisma"), path.join(tmp, "schema.prisma"));
    fs.writeFileSync(path.join(tmp, "models.prisma"), fromModels);
    args.push("--from-schema-datamodel", tmp);
  }
  try {
    const { stdout } = await run(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: differUrl(provider), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 16 << 20,
      timeout: 120_000,
    });
    return stdout.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The differ reads no data, but the CLI still opens its adapter: give it a scratch file or the server's own db. */
function differUrl(provider: Provider): string {
  if (provider === "sqlite") return `file:${path.join(os.tmpdir(), "prisma-differ.db")}`;
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function readSnapshot(root = process.cwd()): string | null {
  const file = path.join(root, SNAPSHOT_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

export function readModels(root = process.cwd()): string {
  return fs.readFileSync(path.join(root, "prisma", "models.prisma"), "utf8");
}
