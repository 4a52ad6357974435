import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/fixtures";

const PAGES = ["/admin", "/admin/users", "/admin/groups", "/admin/settings", "/admin/audit", "/admin/scim-log"];

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/login");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

// One test per page: an axe scan of a page takes seconds, and a failure names its page.
for (const path of PAGES) {
  test(`the Admin Area page ${path} has no serious or critical accessibility violations`, async ({ page, loginPage, admin }) => {
    await loginPage.goto();
    await loginPage.signIn(admin.email, admin.password);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
}
