import type { Page } from "@playwright/test";

export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/admin/users${query}`);
  }

  table() {
    return this.page.getByRole("table", { name: "Users" });
  }

  row(username: string) {
    return this.table().getByRole("row").filter({ has: this.page.getByRole("link", { name: username, exact: true }) });
  }

  async search(text: string) {
    await this.page.getByLabel("Search users").fill(text);
  }

  tab(name: "All" | "Active" | "Blocked" | "Reactivated") {
    return this.page.getByRole("navigation", { name: "User state" }).getByRole("link", { name: new RegExp(`^${name}`) });
  }
}
