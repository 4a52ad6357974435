// `npm test`: builds the app, then runs the unit and integration tests (vitest, real SQLite files and a real
// PostgreSQL server against `next start`) and the end-to-end tests (Playwright in Debian's Chromium).
// PostgreSQL comes from TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres); when it does
// not answer, its tests are skipped loudly — except with CI=true, where that is a failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);
// Bin files are not always in a package's "exports": find them beside its package.json.
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function step(name, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  console.log(`=== ${name}: ${result.status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s ===`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const hasPostgres = await postgresAnswers();
if (!hasPostgres) {
  if (process.env.CI === "true") {
    console.error(`PostgreSQL at ${postgresUrl} does not answer, and CI=true requires it.`);
    process.exit(1);
  }
  console.warn(`\n!!! PostgreSQL at ${postgresUrl} does not answer: every PostgreSQL test will be SKIPPED !!!\n`);
}

fs.rmSync(".reports", { recursive: true, force: true });
const only = process.argv[2];
if (!only || only === "build") step("build", [bin("next", "dist/bin/next"), "build"]);
if (!only || only === "vitest") {
  step("unit and integration tests", [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", "--outputFile.json=.reports/vitest.json"]);
}
if (!only || only === "e2e") step("end-to-end tests", [bin("@playwright/test", "cli.js"), "test"], { E2E_POSTGRES: hasPostgres ? "1" : "0" });

// One closing line over both runners.
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null);
const v = read(".reports/vitest.json");
const p = read(".reports/playwright.json");
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats?.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.stats?.skipped ?? 0);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
