// The last step of an end-to-end run (the "secrets" project runs after every other project): every token and
// password the run used — recorded by the fixtures, the settings page object and the token helper — is looked for
// in each app server's log (all of stdout and stderr, at debug level) and in a dump of each database (every table,
// every column; for SQLite also the file and its WAL byte for byte), in clear and in its encoded forms. A positive
// control first plants marked values through the app and proves the same search finds them.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { IDP_PASSWORD } from "./pages/sso-pages";
import { dumpDatabase } from "./support/database-dump";
import { OIDC_CLIENT_SECRET } from "./support/oidc";
import { SCIM_USER_PASSWORD } from "./support/scim";
import { findSecrets } from "./support/secret-forms";
import { E2E_AUTH_SECRET, generateScimToken, recordedSecrets, serverLogFile } from "./support/secrets";

type Server = { provider: string; port: number };

const stateOf = (port: number) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `.state/${port}.json`), "utf8")) as { databaseUrl: string; baseUrl: string };

/** Marked values written through the app as a careless one would write a secret: in clear, URL-encoded, base64. */
async function plantCanaries(server: Server) {
  const { databaseUrl, baseUrl } = stateOf(server.port);
  const tag = crypto.randomBytes(6).toString("hex");
  const canaries = { plain: `canary-plain-${tag}`, url: `canary url/+${tag}!`, base64: `canary-b64-${tag}`, log: `canarylog${tag}` };
  const token = await generateScimToken(databaseUrl);
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const created = await fetch(`${baseUrl}/api/scim/v2/Users`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: `canary-${tag}@example.com`,
      nickName: canaries.plain,
      profileUrl: `https://example.com/?q=${encodeURIComponent(canaries.url)}`,
      title: Buffer.from(`user:${canaries.base64}`).toString("base64"),
    }),
  });
  expect(created.status, await created.text()).toBe(201);
  // The debug log line of every SCIM request carries its path.
  expect((await fetch(`${baseUrl}/api/scim/v2/Users/${canaries.log}`, { headers })).status).toBe(404);
  return canaries;
}

test("no token or password the run used is in a server log or a database, in clear or encoded", async ({}, testInfo) => {
  const servers = testInfo.project.metadata.servers as Server[];
  const planted = await Promise.all(servers.map(plantCanaries));
  // Let the SCIM request log's batch writer and the log streams catch up.
  await new Promise((r) => setTimeout(r, 2500));

  const haystacks: Record<string, string> = {};
  let tables = 0;
  let rows = 0;
  for (const server of servers) {
    const log = fs.readFileSync(serverLogFile(server.port), "utf8");
    // The log file is the server's own output: its start-up line is there.
    expect(log, `server log of ${server.provider}`).toContain("database schema is current");
    haystacks[`${server.provider} server log`] = log;
    const dump = await dumpDatabase(stateOf(server.port).databaseUrl);
    haystacks[`${server.provider} database`] = dump.text;
    tables += dump.tables;
    rows += dump.rows;
  }

  // Positive control: the planted values are found, each through the form it was written in.
  for (const [i, canaries] of planted.entries()) {
    const provider = servers[i].provider;
    const found = findSecrets([canaries.plain, canaries.url, canaries.base64, canaries.log], haystacks);
    const got = (secret: number, form: string, where: string) => found.some((f) => f.secret === secret && f.form === form && f.where === where);
    expect(got(0, "plain", `${provider} database`), "plain canary in the database").toBe(true);
    expect(got(1, "url-encoded", `${provider} database`), "URL-encoded canary in the database").toBe(true);
    expect(found.some((f) => f.secret === 2 && f.form.startsWith("base64@") && f.where === `${provider} database`), "base64 canary in the database").toBe(true);
    expect(got(3, "plain", `${provider} server log`), "canary in the server log").toBe(true);
  }

  const secrets = [...new Set([...servers.flatMap((s) => recordedSecrets(s.port)), SCIM_USER_PASSWORD, OIDC_CLIENT_SECRET, E2E_AUTH_SECRET, IDP_PASSWORD])];
  const bytes = Object.values(haystacks).reduce((n, text) => n + Buffer.byteLength(text), 0);
  const summary = `searched ${secrets.length} secrets (tokens, passwords, client and auth secrets), each in up to 11 forms, in ${(bytes / 1e6).toFixed(1)} MB: ${Object.entries(haystacks).map(([where, text]) => `${where} ${(Buffer.byteLength(text) / 1e3).toFixed(0)} kB`).join(", ")} (${tables} tables, ${rows} rows)`;
  console.log(summary);
  testInfo.annotations.push({ type: "secret search", description: summary });
  // Enough secrets to mean something: each spec makes admins and tokens of its own.
  expect(secrets.length).toBeGreaterThan(20);

  const findings = findSecrets(secrets, haystacks);
  expect(findings.map((f) => `secret #${f.secret} (${f.form}) in the ${f.where} at byte ${f.at}`)).toEqual([]);
});
