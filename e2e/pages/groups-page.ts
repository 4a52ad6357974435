import type { Locator, Page } from "@playwright/test";

/** The Admin Area's groups table: /admin/groups. */
export class GroupsPage {
  constructor(readonly page: Page) {}

  async goto(query: { q?: string; page?: number } = {}) {
    const search = new URLSearchParams();
    if (query.q) search.set("q", query.q);
    if (query.page) search.set("page", String(query.page));
    await this.page.goto(`/admin/groups${search.size ? `?${search}` : ""}`);
  }

  table(): Locator {
    return this.page.getByRole("table", { name: "Groups" });
  }

  async search(text: string) {
    await this.page.getByLabel("Search groups").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  }

  /** The row whose name cell is exactly `displayName`. */
  row(displayName: string): Locator {
    return this.table().getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: displayName, exact: true }) });
  }

  /** The "Members" cell of a group's row (found by its column header, since narrow screens hide some columns). */
  async memberCount(displayName: string): Promise<Locator> {
    const headers = await this.table().locator("thead th:visible").allInnerTexts();
    return this.row(displayName).locator("th:visible, td:visible").nth(headers.indexOf("Members"));
  }

  async open(displayName: string) {
    await this.table().getByRole("link", { name: displayName, exact: true }).click();
  }
}

/** The Admin Area's page of one group: /admin/groups/{id}. */
export class GroupPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  members(): Locator {
    return this.page.getByRole("table", { name: "Members" });
  }

  /** Body rows only (the header row has no row header cell). */
  memberRows(): Locator {
    return this.members().locator("tbody").getByRole("row");
  }

  pagination(): Locator {
    return this.page.getByRole("navigation", { name: "Pagination" });
  }

  async nextPage() {
    await this.pagination().getByRole("link", { name: "Next" }).click();
  }
}
