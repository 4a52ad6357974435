import { defineConfig } from "@playwright/test";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, oidcIssuer, oidcPort } from "./e2e/support/oidc";

// Each project runs the built app under `next start` on a fresh database of its own. The PostgreSQL project is
// left out only when scripts/test.mjs found no PostgreSQL server (never in CI).
const base = Number(process.env.E2E_PORT_BASE ?? 3201);
const projects = [{ provider: "sqlite", port: base }];
if (process.env.E2E_POSTGRES !== "0") projects.push({ provider: "postgresql", port: base + 1 });

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: process.env.CI === "true",
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    ...projects.map(({ provider, port }) => ({
      name: provider,
      use: { baseURL: `http://127.0.0.1:${port}`, browserName: "chromium" as const },
      metadata: { provider },
      testIgnore: /secret-search\.spec\.ts/,
    })),
    // Last, once every other project is done: no token or password of the run in a server log or a database.
    {
      name: "secrets",
      dependencies: projects.map(({ provider }) => provider),
      testMatch: /secret-search\.spec\.ts/,
      metadata: { servers: projects },
    },
  ],
  webServer: [
    ...projects.map(({ provider, port }) => ({
      command: `node node_modules/tsx/dist/cli.mjs e2e/support/serve.ts ${provider} ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
      stdout: "ignore" as const,
      stderr: "pipe" as const,
      // Users sign in through the test OpenID Provider below (e2e/sso.spec.ts).
      env: { OIDC_ISSUER: oidcIssuer(base), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME },
    })),
    {
      command: `node node_modules/tsx/dist/cli.mjs e2e/support/oidc-server.ts ${oidcPort(base)} ${projects.map(({ port }) => `http://127.0.0.1:${port}`).join(" ")}`,
      url: `${oidcIssuer(base)}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ],
});
