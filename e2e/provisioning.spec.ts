import { expect, test } from "./support/fixtures";
import { oktaUser, scim } from "./support/scim";
import { generateScimToken } from "./support/secrets";
import { SettingsPage } from "./pages/settings-page";
import { UsersPage } from "./pages/users-page";

test("a token generated in the UI provisions, blocks and re-adds a user, and the table follows", async ({ page, loginPage, admin, request }) => {
  await loginPage.goto("/admin/settings");
  await loginPage.signIn(admin.email, admin.password);
  const settings = new SettingsPage(page);
  await expect(settings.endpointField()).toHaveValue(/\/api\/scim\/v2$/);
  const token = await settings.generateToken();
  expect(token).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("it will not be shown again")).toBeVisible();

  const api = scim(request, token);
  const { userName, body } = oktaUser("prov");
  const created = await api.createUser(body);
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const username = userName.split("@")[0];

  const users = new UsersPage(page);
  await users.goto(`?q=${encodeURIComponent(username)}`);
  await expect(users.row(username)).toContainText("Active");
  await expect(users.row(username)).toContainText(body.externalId);

  expect((await api.setActive(id, false)).status()).toBe(200);
  await page.reload();
  await expect(users.row(username)).toContainText("Blocked");

  expect((await api.setActive(id, true)).status()).toBe(200);
  await page.reload();
  await expect(users.row(username)).toContainText("Reactivated");
  await users.tab("Reactivated").click();
  await expect(users.row(username)).toBeVisible();
});

test("resetting the token stops the old one, at once or after its grace period", async ({ page, loginPage, admin, request }) => {
  await loginPage.goto("/admin/settings");
  await loginPage.signIn(admin.email, admin.password);
  const settings = new SettingsPage(page);
  const first = await settings.generateToken();
  // Reset with a grace period: both work, and the old one is listed with when it stops.
  const second = await settings.generateToken({ grace: "1h" });
  expect(second).not.toBe(first);
  const probe = (token: string) => scim(request, token).listUsers('userName eq "nobody@example.com"');
  expect((await probe(first)).status()).toBe(200);
  expect((await probe(second)).status()).toBe(200);
  const tokens = page.getByRole("table", { name: "SCIM tokens" });
  await expect(tokens.getByRole("row")).toHaveCount(3);
  // Revoke the old one now: it stops within the verification cache's few seconds.
  await tokens.getByRole("button", { name: "Revoke now" }).click();
  await expect(tokens.getByRole("row")).toHaveCount(2);
  await expect.poll(async () => (await probe(first)).status(), { timeout: 10_000 }).toBe(401);
  // Reset without a grace period: the previous token stops at once.
  const third = await settings.generateToken({ grace: "none" });
  await expect.poll(async () => (await probe(second)).status(), { timeout: 10_000 }).toBe(401);
  const refused = await probe(second);
  expect(refused.headers()["content-type"]).toContain("application/scim+json");
  expect(await refused.json()).toMatchObject({ status: "401", schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
  expect((await probe(third)).status()).toBe(200);
});

test("copy buttons put the endpoint URL and the token on the clipboard", async ({ page, context, loginPage, admin }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginPage.goto("/admin/settings");
  await loginPage.signIn(admin.email, admin.password);
  const settings = new SettingsPage(page);
  const token = await settings.generateToken();
  await page.getByRole("button", { name: "Copy SCIM API endpoint URL" }).click();
  await expect(page.getByRole("button", { name: "Copy SCIM API endpoint URL: copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await settings.endpointField().inputValue());
  await page.getByRole("button", { name: "Copy Your SCIM token" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
});

test("search, state tab, sort and page live in the URL and survive a reload", async ({ page, loginPage, admin, request, databaseUrl }) => {
  const token = await generateScimToken(databaseUrl);
  const api = scim(request, token);
  const tag = `page${Date.now().toString(36)}`;
  for (let i = 0; i < 28; i++) {
    const { body } = oktaUser(`${tag}-${String(i).padStart(2, "0")}`);
    expect((await api.createUser(body)).status()).toBe(201);
  }
  await loginPage.goto("/admin/users");
  await loginPage.signIn(admin.email, admin.password);
  const users = new UsersPage(page);
  await users.search(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByText("1–25 of 28")).toBeVisible();
  await page.getByRole("button", { name: /^Username/ }).click();
  await expect(page).toHaveURL(/sort=username/);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText("26–28 of 28")).toBeVisible();
  await page.reload();
  await expect(page.getByText("26–28 of 28")).toBeVisible();
  await expect(page.getByLabel("Search users")).toHaveValue(tag);
  await expect(users.table().getByRole("row")).toHaveCount(4);
  await expect(users.table().getByRole("link").first()).toHaveText(new RegExp(`^${tag}-25\\.`));
  await page.goBack();
  await expect(page.getByText("1–25 of 28")).toBeVisible();
});
