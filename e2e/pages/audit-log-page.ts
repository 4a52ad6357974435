import { expect, type Page } from "@playwright/test";

/** The Admin Area's audit log (/admin/audit): URL-driven filters and the events table. */
export class AuditLogPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/admin/audit${query}`);
  }

  heading() {
    return this.page.getByRole("heading", { name: "Audit log", level: 1 });
  }

  actionFilter() {
    return this.page.getByLabel("Action", { exact: true });
  }

  actorFilter() {
    return this.page.getByLabel("Actor", { exact: true });
  }

  userFilter() {
    return this.page.getByLabel("User", { exact: true });
  }

  async filter(options: { action?: string; actor?: string; user?: string }) {
    if (options.action !== undefined) await this.actionFilter().selectOption({ label: options.action });
    if (options.actor !== undefined) await this.actorFilter().fill(options.actor);
    if (options.user !== undefined) await this.userFilter().fill(options.user);
    await this.page.getByRole("button", { name: "Apply filters" }).click();
    await this.page.waitForURL(/\/admin\/audit\?/);
    await expect(this.heading()).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: /^Audit events/ });
  }

  /** The table's body rows containing `text`. */
  rows(text: string | RegExp) {
    return this.table().locator("tbody").getByRole("row").filter({ hasText: text });
  }
}
