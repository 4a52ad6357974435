import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { createDb } from "../lib/db";
import { UserPage } from "./pages/user-page";
import { expect, test } from "./support/fixtures";
import { generateScimToken } from "./support/secrets";

const SCIM_TYPE = "application/scim+json";
const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

/** A SCIM client on Playwright's request fixture, with a token made by the admin CLI as an operator would. */
async function scimClient(request: APIRequestContext, baseURL: string, databaseUrl: string) {
  const headers = { authorization: `Bearer ${await generateScimToken(databaseUrl)}`, "content-type": SCIM_TYPE, accept: SCIM_TYPE };
  const url = (path: string) => `${baseURL}/api/scim/v2${path}`;
  return {
    async post(path: string, data: unknown) {
      const res = await request.post(url(path), { headers, data });
      expect(res.status(), await res.text()).toBe(201);
      return res.json();
    },
    async get(path: string) {
      const res = await request.get(url(path), { headers });
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    },
  };
}

test("an admin sees a provisioned user, blocks it with a reason and unblocks it, and SCIM follows", async ({ page, request, baseURL, databaseUrl, admin, loginPage }) => {
  const scim = await scimClient(request, baseURL!, databaseUrl);
  const id = crypto.randomBytes(4).toString("hex");
  const userName = `e2e-block-${id}@example.com`;
  const created = await scim.post("/Users", {
    schemas: [USER_SCHEMA],
    userName,
    externalId: `ext-${id}`,
    name: { givenName: "Ada", familyName: `Block ${id}` },
    emails: [{ value: userName, type: "work", primary: true }],
    title: "Engineer",
    active: true,
  });

  await loginPage.goto(`/admin/users/${created.id}`);
  await loginPage.signIn(admin.email, admin.password);
  const userPage = new UserPage(page);
  await expect(userPage.heading()).toHaveText(`e2e-block-${id}`);
  await expect(userPage.stateBadge("Active")).toBeVisible();
  await expect(userPage.scimIdentity()).toContainText(userName);
  await expect(userPage.scimIdentity()).toContainText(`ext-${id}`);
  await expect(userPage.page.getByRole("region", { name: "Profile" })).toContainText("Engineer");
  await expect(userPage.latestEvent()).toContainText("Created by SCIM");

  // Cancelling the confirmation changes nothing.
  await userPage.status().getByRole("button", { name: "Block user" }).click();
  await expect(userPage.blockDialog()).toBeVisible();
  await userPage.blockDialog().getByRole("button", { name: "Cancel" }).click();
  await expect(userPage.blockDialog()).toBeHidden();
  await expect(userPage.stateBadge("Active")).toBeVisible();

  const reason = `Left the company (${id})`;
  await userPage.block(reason);
  await expect(userPage.toast()).toContainText(`Blocked e2e-block-${id}.`);
  await expect(userPage.blockDialog()).toBeHidden();
  await expect(userPage.stateBadge("Blocked")).toBeVisible();
  await expect(userPage.status()).toContainText(reason);
  await expect(userPage.latestEvent()).toContainText("Blocked by an admin");
  await expect(userPage.latestEvent()).toContainText(`Reason: ${reason}`);
  await expect(userPage.latestEvent()).toContainText(`by ${admin.email.split("@")[0]}`);
  expect((await scim.get(`/Users/${created.id}`)).active).toBe(false);

  // Still blocked after a reload: the page reads the database, not client state.
  await page.reload();
  await expect(userPage.stateBadge("Blocked")).toBeVisible();
  await expect(userPage.scimIdentity()).toContainText("No");

  await userPage.unblock("Rehired");
  await expect(userPage.toast()).toContainText(`Unblocked e2e-block-${id}.`);
  await expect(userPage.stateBadge("Reactivated")).toBeVisible();
  await expect(userPage.latestEvent()).toContainText("Unblocked by an admin");
  await expect(userPage.latestEvent()).toContainText("Reason: Rehired");
  expect((await scim.get(`/Users/${created.id}`)).active).toBe(true);
});

// The page streams behind its loading.tsx, so the status is already 200 when notFound() runs: Next.js marks the
// not-found page noindex instead (https://nextjs.org/docs/app/api-reference/file-conventions/loading#status-codes).
test("an unknown user id shows a not-found page", async ({ page, admin, loginPage }) => {
  await loginPage.goto("/admin/users/00000000-0000-4000-8000-000000000000");
  await loginPage.signIn(admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "User not found" })).toBeVisible();
  await page.goto("/admin/users/no-such-user");
  await expect(page.getByRole("heading", { name: "User not found" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content="noindex"]').first()).toBeAttached();
});

test("a locally created user has no SCIM identity, and an admin cannot block their own account", async ({ page, admin, loginPage, databaseUrl }) => {
  // The admin fixture comes from the CLI, which does not print ids: look the admin's own id up.
  const db = createDb(databaseUrl);
  const self = await db.user.findUniqueOrThrow({ where: { emailNorm: admin.email.toLowerCase() }, select: { id: true } }).finally(() => db.$disconnect());
  await loginPage.goto(`/admin/users/${self.id}`);
  await loginPage.signIn(admin.email, admin.password);
  const userPage = new UserPage(page);
  await expect(userPage.scimIdentity()).toContainText("Not provisioned");
  await expect(userPage.status().getByRole("button", { name: "Block user" })).toBeDisabled();
  await expect(userPage.status()).toContainText("You cannot block your own account.");
});

test("an admin promotes a provisioned user to admin, and the audit timeline shows it", async ({ page, request, baseURL, databaseUrl, admin, loginPage }) => {
  const scim = await scimClient(request, baseURL!, databaseUrl);
  const id = crypto.randomBytes(4).toString("hex");
  const userName = `e2e-promote-${id}@example.com`;
  const created = await scim.post("/Users", { schemas: [USER_SCHEMA], userName, name: { givenName: "Pro", familyName: `Mote ${id}` }, emails: [{ value: userName, type: "work", primary: true }] });
  await loginPage.goto(`/admin/users/${created.id}`);
  await loginPage.signIn(admin.email, admin.password);
  await page.getByRole("button", { name: "Make admin" }).click();
  await page.getByRole("group", { name: "Confirm making this user an admin" }).getByRole("button", { name: "Promote to admin" }).click();
  // "Make admin" is already gone while the confirmation shows, so wait for the action's own answer before reloading.
  await expect(new UserPage(page).toast()).toContainText("is now an admin.");
  await expect(page.getByRole("button", { name: "Make admin" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Make admin" })).toHaveCount(0);
  const db = createDb(databaseUrl);
  try {
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("admin");
    expect(await db.auditEvent.count({ where: { action: "user.promoted", targetId: created.id } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
});
