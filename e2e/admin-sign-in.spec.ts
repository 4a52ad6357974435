import { expect, test } from "./support/fixtures";

test("an anonymous visitor is sent to the sign-in page and comes back after signing in", async ({ page, loginPage, admin }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  await loginPage.signIn(admin.email, admin.password);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByLabel("Signed in as")).toContainText(admin.email);
});

test("a wrong password is refused with a clear message", async ({ page, loginPage, admin }) => {
  await loginPage.goto();
  await loginPage.signIn(admin.email, `${admin.password}-wrong`);
  await expect(loginPage.error()).toHaveText("Invalid email or password.");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated wrong passwords lock the account, and the page says for how long", async ({ page, loginPage, admin }) => {
  test.slow(); // six sign-ins, five of them paying for bcrypt
  await loginPage.goto();
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((res) => res.url().includes("/api/auth/callback/credentials"));
    await loginPage.signIn(admin.email, password);
    await answered;
  };
  // The server's default bound: 5 failures per account in 15 minutes.
  for (let i = 0; i < 4; i++) {
    await attempt(`${admin.password}-wrong`);
    await expect(loginPage.error()).toHaveText("Invalid email or password.");
  }
  await attempt(`${admin.password}-wrong`);
  await expect(loginPage.error()).toHaveText("Too many failed attempts, try again in 15 minutes.");
  // The right password changes nothing while the lockout lasts.
  await attempt(admin.password);
  await expect(loginPage.error()).toHaveText(/^Too many failed attempts, try again in 1[45] minutes\.$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session", async ({ page, loginPage, admin }) => {
  await loginPage.goto();
  await loginPage.signIn(admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
});

test("a signed-in user who is not an admin is refused the Admin Area", async ({ page, loginPage, member }) => {
  await loginPage.goto();
  await loginPage.signIn(member.email, member.password);
  await expect(page.getByRole("heading", { name: "You need to be an administrator" })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
});
