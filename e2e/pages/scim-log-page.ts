import { expect, type Page } from "@playwright/test";

/** The Admin Area's SCIM request log (/admin/scim-log) and the page of one request. */
export class ScimLogPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/admin/scim-log${query}`);
  }

  heading() {
    return this.page.getByRole("heading", { name: "SCIM log", level: 1 });
  }

  methodFilter() {
    return this.page.getByLabel("Method", { exact: true });
  }

  pathFilter() {
    return this.page.getByLabel("Path starts with");
  }

  errorsOnly() {
    return this.page.getByLabel("Errors only");
  }

  async filter(options: { errorsOnly?: boolean; method?: string; path?: string }) {
    if (options.errorsOnly !== undefined) await this.errorsOnly().setChecked(options.errorsOnly);
    if (options.method !== undefined) await this.methodFilter().selectOption({ label: options.method });
    if (options.path !== undefined) await this.pathFilter().fill(options.path);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    await this.page.waitForURL(/\/admin\/scim-log\?/);
    await expect(this.heading()).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: /^SCIM requests/ });
  }

  /** The table's body rows containing every one of `texts`. */
  rows(...texts: (string | RegExp)[]) {
    let rows = this.table().locator("tbody").getByRole("row");
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }

  /**
   * Requests are written to the log in batches (within ~250 ms of being answered): reload until rows with all of
   * `texts` are listed.
   */
  async waitForRows(...texts: (string | RegExp)[]) {
    await expect(async () => {
      await this.page.reload();
      await expect(this.rows(...texts).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  async openRequest(...texts: (string | RegExp)[]) {
    await this.rows(...texts).first().getByRole("link").click();
    await expect(this.page.getByRole("heading", { name: "Request body" })).toBeVisible();
  }

  requestBody() {
    return this.page.getByRole("region", { name: "Request body" }).locator("pre");
  }

  backLink() {
    return this.page.getByRole("link", { name: "Back to the SCIM log" });
  }
}
