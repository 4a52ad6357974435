import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { AuditLogPage } from "./pages/audit-log-page";
import { expect, test } from "./support/fixtures";
import { generateScimToken } from "./support/secrets";

const SCIM = "/api/scim/v2";
const HEADERS = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/scim+json", accept: "application/scim+json" });

/** POST /Users with a unique userName (no "@", so it is also the instance username); returns the user's id. */
async function createScimUser(request: APIRequestContext, token: string, userName: string): Promise<string> {
  const res = await request.post(`${SCIM}/Users`, {
    headers: HEADERS(token),
    data: JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName,
      name: { givenName: "Audit", familyName: "Test" },
      emails: [{ value: `${userName}@example.com`, type: "work", primary: true }],
      active: true,
    }),
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

test("a user created through SCIM is in the audit log, and the action filter survives a reload", async ({ page, loginPage, admin, databaseUrl, request }) => {
  const token = await generateScimToken(databaseUrl);
  const userName = `audit-${crypto.randomBytes(4).toString("hex")}`;
  const id = await createScimUser(request, token, userName);

  const audit = new AuditLogPage(page);
  await audit.goto();
  await loginPage.signIn(admin.email, admin.password);
  await expect(audit.heading()).toBeVisible();
  // Unfiltered, the newest events come first: this admin's sign-in and the user's creation are both there.
  await expect(audit.rows(userName).filter({ hasText: "User created" })).toHaveCount(1);
  await expect(audit.rows(admin.email.split("@")[0]).filter({ hasText: "Admin signed in" }).first()).toBeVisible();

  await audit.filter({ action: "User created" });
  await expect(page).toHaveURL(/[?&]action=user\.created/);
  const row = audit.rows(userName);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("User created");
  await expect(row).toContainText(`SCIM token ${token.slice(0, 12)}…`);
  await expect(row.getByRole("link", { name: userName })).toHaveAttribute("href", `/admin/users/${id}`);
  await expect(audit.table()).not.toContainText("Admin signed in");

  await page.reload();
  await expect(audit.actionFilter()).toHaveValue("user.created");
  await expect(audit.rows(userName)).toHaveCount(1);
  await expect(audit.table()).not.toContainText("Admin signed in");
});

test("the audit log filters by user (username or id) and by actor, case-insensitively", async ({ page, loginPage, admin, databaseUrl, request }) => {
  const token = await generateScimToken(databaseUrl);
  const userName = `audit-${crypto.randomBytes(4).toString("hex")}`;
  const other = `audit-${crypto.randomBytes(4).toString("hex")}`;
  const id = await createScimUser(request, token, userName);
  await createScimUser(request, token, other);
  const deactivate = await request.patch(`${SCIM}/Users/${id}`, {
    headers: HEADERS(token),
    data: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] }),
  });
  expect(deactivate.status(), await deactivate.text()).toBe(200);

  const audit = new AuditLogPage(page);
  await audit.goto(`?user=${encodeURIComponent(userName.toUpperCase())}`);
  await loginPage.signIn(admin.email, admin.password);
  await expect(audit.heading()).toBeVisible();
  await expect(audit.userFilter()).toHaveValue(userName.toUpperCase());
  await expect(audit.rows("User created")).toHaveCount(1);
  await expect(audit.rows("User deactivated")).toHaveCount(1);
  await expect(audit.table()).not.toContainText(other);

  await audit.filter({ user: id });
  await expect(audit.rows(userName)).toHaveCount(2);

  // The token's prefix in upper case still finds its events (its label is "SCIM token scim_…").
  await audit.filter({ user: "", actor: token.slice(0, 12).toUpperCase(), action: "User created" });
  await expect(audit.rows(/audit-/)).toHaveCount(2);
  await expect(audit.rows(userName)).toHaveCount(1);
  await expect(audit.rows(other)).toHaveCount(1);

  await audit.filter({ actor: "no-such-actor" });
  await expect(page.getByText("No events match these filters")).toBeVisible();
});
