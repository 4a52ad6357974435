// `npm run screenshots`: the README's pictures of the Admin Area, taken in Debian's Chromium from the built app on a
// fresh database with a little provisioning history (needs `npm run build`).
import path from "node:path";
import { chromium } from "@playwright/test";
import { migrate } from "../lib/db/migrate";
import { freshDatabase } from "../tests/support/databases";
import { runCli } from "../tests/support/cli";
import { freePort } from "../tests/support/server";
import { seedUsers } from "./bench/seed";
import { startBenchServer } from "./bench/server";

const out = path.resolve("docs/screenshots");
const database = await freshDatabase("sqlite", "shots");
await migrate(database.url);
await seedUsers(database.url, 240, () => {});
const admin = { email: "admin@example.com", password: "a long screenshot password" };
await runCli(["create-admin", "--email", admin.email, "--password", admin.password], database.url);
const token = (await runCli(["scim-token", "generate"], database.url)).stdout.trim();
const server = await startBenchServer(database.url, await freePort());
const scim = (method: string, p: string, body?: unknown) =>
  fetch(`${server.baseUrl}/api/scim/v2${p}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" }, body: body ? JSON.stringify(body) : undefined });

try {
  const ids: string[] = [];
  for (const [given, family] of [["Ada", "Lovelace"], ["Grace", "Hopper"], ["Alan", "Turing"], ["Edsger", "Dijkstra"]]) {
    const userName = `${given.toLowerCase()}.${family.toLowerCase()}@example.com`;
    const res = await scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, externalId: `00u${family}`, name: { givenName: given, familyName: family }, emails: [{ value: userName, type: "work", primary: true }], active: true });
    ids.push((await res.json()).id);
  }
  const patch = (id: string, active: boolean) => scim("PATCH", `/Users/${id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] });
  await patch(ids[1], false);
  await patch(ids[2], false);
  await patch(ids[2], true);
  await scim("DELETE", `/Users/${ids[3]}`);
  await scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Engineering", members: ids.slice(0, 3).map((value) => ({ value })) });
  await scim("GET", `/Users?filter=${encodeURIComponent("userName eq")}`);
  await new Promise((r) => setTimeout(r, 500));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin$/);
  const shots: [string, string][] = [
    ["overview", "/admin"],
    ["users", "/admin/users"],
    ["user", `/admin/users/${ids[2]}`],
    ["groups", "/admin/groups"],
    ["audit-log", "/admin/audit"],
    ["scim-log", "/admin/scim-log"],
    ["settings", "/admin/settings"],
  ];
  for (const [name, p] of shots) {
    await page.goto(`${server.baseUrl}${p}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  }
  await browser.close();
} finally {
  server.stop();
  await new Promise((r) => setTimeout(r, 300));
  await database.drop();
}
