import type { Locator, Page } from "@playwright/test";

/** The Admin Area's page of one user: /admin/users/{id}. */
export class UserPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/admin/users/${id}`);
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  status(): Locator {
    return this.page.getByRole("region", { name: "Status" });
  }

  /** The state badge's text, e.g. "Active", "Blocked", "Reactivated". */
  stateBadge(text: string): Locator {
    return this.status().getByText(text, { exact: true });
  }

  scimIdentity(): Locator {
    return this.page.getByRole("region", { name: "SCIM identity" });
  }

  groups(): Locator {
    return this.page.getByRole("region", { name: "Groups" });
  }

  timeline(): Locator {
    return this.page.getByRole("region", { name: "Audit timeline" });
  }

  latestEvent(): Locator {
    return this.timeline().getByRole("listitem").first();
  }

  blockDialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Opens the confirmation, gives the reason and confirms. */
  async block(reason: string) {
    await this.status().getByRole("button", { name: "Block user" }).click();
    const dialog = this.blockDialog();
    await dialog.getByLabel("Reason").fill(reason);
    await dialog.getByRole("button", { name: "Block", exact: true }).click();
  }

  async unblock(reason?: string) {
    const form = this.page.getByRole("form", { name: "Unblock user" });
    if (reason) await form.getByLabel("Reason for unblocking (optional)").fill(reason);
    await form.getByRole("button", { name: "Unblock" }).click();
  }

  toast(): Locator {
    return this.page.getByRole("status");
  }

  inlineError(): Locator {
    return this.page.locator("main").getByRole("alert");
  }
}
