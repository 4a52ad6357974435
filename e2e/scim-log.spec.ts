import crypto from "node:crypto";
import { ScimLogPage } from "./pages/scim-log-page";
import { expect, test } from "./support/fixtures";
import { SCIM_USER_PASSWORD } from "./support/scim";
import { generateScimToken } from "./support/secrets";

const SCIM = "/api/scim/v2";

test.describe("SCIM request log", () => {
  let token: string;
  let prefix: string;
  let userName: string;
  let marker: string;
  let errorDetail: string;

  // Every test makes its own token (which replaces the previous one) and its own requests, told apart by the
  // token's prefix and a marker in the failing filter.
  test.beforeEach(async ({ databaseUrl, request }) => {
    token = await generateScimToken(databaseUrl);
    prefix = token.slice(0, 12);
    const id = crypto.randomBytes(4).toString("hex");
    userName = `log-${id}@example.com`;
    marker = `marker${id}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json", accept: "application/scim+json" };

    const created = await request.post(`${SCIM}/Users`, {
      headers,
      data: JSON.stringify({
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName,
        password: SCIM_USER_PASSWORD,
        name: { givenName: "Log", familyName: "Test" },
        emails: [{ value: userName, type: "work", primary: true }],
        active: true,
      }),
    });
    expect(created.status(), await created.text()).toBe(201);

    const bad = await request.get(`${SCIM}/Users`, { headers, params: { filter: `userName qq "${marker}"` } });
    expect(bad.status()).toBe(400);
    errorDetail = (await bad.json()).detail;
    expect(errorDetail).toBeTruthy();
  });

  test("lists the create and the failed request with its error, and the errors-only filter survives a reload", async ({ page, loginPage, admin }) => {
    const log = new ScimLogPage(page);
    await log.goto();
    await loginPage.signIn(admin.email, admin.password);
    await expect(log.heading()).toBeVisible();
    await expect(page.getByText(/Keeps the latest [\d,]+ requests/)).toBeVisible();

    await log.waitForRows(prefix, marker);
    const failed = log.rows(prefix, marker);
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText("GET");
    await expect(failed).toContainText("400");
    await expect(failed).toContainText("invalidFilter");
    await expect(failed).toContainText(errorDetail);
    const createdRow = log.rows(prefix, "POST");
    await expect(createdRow).toHaveCount(1);
    await expect(createdRow).toContainText("/Users");
    await expect(createdRow).toContainText("201");

    await log.filter({ errorsOnly: true });
    await expect(page).toHaveURL(/[?&]errors=1/);
    await expect(log.rows(prefix, marker)).toHaveCount(1);
    await expect(log.rows(prefix, "POST")).toHaveCount(0);

    await page.reload();
    await expect(log.errorsOnly()).toBeChecked();
    await expect(log.rows(prefix, marker)).toHaveCount(1);
    await expect(log.rows(prefix, "POST")).toHaveCount(0);
  });

  test("a request's page shows its body without the password, and leads back to the filtered list", async ({ page, loginPage, admin }) => {
    const log = new ScimLogPage(page);
    await log.goto("?method=POST&path=%2FUsers");
    await loginPage.signIn(admin.email, admin.password);
    await expect(log.heading()).toBeVisible();
    await expect(log.methodFilter()).toHaveValue("POST");
    await expect(log.pathFilter()).toHaveValue("/Users");
    await log.waitForRows(prefix, "POST");
    await expect(log.rows(prefix, marker)).toHaveCount(0);

    await log.openRequest(prefix, "POST");
    await expect(page).toHaveURL(/\/admin\/scim-log\/[0-9a-f-]{36}\?method=POST&path=%2FUsers$/);
    await expect(page.getByRole("heading", { name: "POST /Users", level: 1 })).toBeVisible();
    await expect(page.getByText("201", { exact: true })).toBeVisible();
    await expect(log.requestBody()).toContainText(`"userName": "${userName}"`);
    await expect(log.requestBody()).toContainText(`"password": "[redacted]"`);
    await expect(page.locator("body")).not.toContainText(SCIM_USER_PASSWORD);
    expect(await page.content()).not.toContain(SCIM_USER_PASSWORD);

    await log.backLink().click();
    await expect(page).toHaveURL(/\/admin\/scim-log\?method=POST&path=%2FUsers$/);
    await expect(log.methodFilter()).toHaveValue("POST");
    await expect(log.rows(prefix, "POST")).toHaveCount(1);
  });
});
