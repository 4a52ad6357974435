import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { testProviders } from "../support/databases";
import { startServer, type TestServer } from "../support/server";

// Okta's own SCIM 2.0 SPEC test (the Runscope export Okta requires before publishing an integration), run with
// the dependency-free runner kept beside it in ../shared/conformance/okta.
const conformance = path.resolve(import.meta.dirname, "../../../shared/conformance/okta");
const available = fs.existsSync(path.join(conformance, "okta-runner.mjs"));
if (!available) {
  if (process.env.CI === "true") throw new Error(`Okta's SPEC test is missing: ${conformance}`);
  console.warn(`\n!!! ${conformance} not found: Okta's SCIM SPEC test is SKIPPED !!!\n`);
}

const providers = await testProviders();

describe.runIf(available).each(providers)("Okta SCIM 2.0 SPEC test on %s", (provider) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer(provider);
    const generated = await runCli(["scim-token", "generate"], server.database.url);
    expect(generated.code, generated.stderr).toBe(0);
    token = generated.stdout.trim();
    // The SPEC test starts by reading one existing user with a name, an email and `active`.
    const seeded = await fetch(`${server.baseUrl}/api/scim/v2/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      body: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "existing.user@example.com",
        name: { givenName: "Existing", familyName: "User" },
        emails: [{ primary: true, value: "existing.user@example.com", type: "work" }],
        active: true,
      }),
    });
    expect(seeded.status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("passes all 53 assertions", async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(conformance, "okta-runner.mjs"), path.join(conformance, "Okta-SCIM-20-SPEC-Test.json"), `${server.baseUrl}/api/scim/v2`, token],
        { timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(output, output).toContain("okta-assertions: 53 passed, 0 failed");
    expect(code, output).toBe(0);
  }, 90_000);
});
