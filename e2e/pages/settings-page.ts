import { expect, type Page } from "@playwright/test";
import { recordSecret } from "../support/secrets";

export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/settings");
  }

  endpointField() {
    return this.page.getByLabel("SCIM API endpoint URL", { exact: true });
  }

  tokenField() {
    return this.page.getByLabel("Your SCIM token", { exact: true });
  }

  /** Generates the first token, or resets the current one with the given grace period. Returns the new token. */
  async generateToken(options: { grace?: "none" | "1h" | "24h" } = {}): Promise<string> {
    const reset = this.page.getByRole("button", { name: "Reset SCIM token" });
    const generate = this.page.getByRole("button", { name: "Generate a SCIM token" });
    await reset.or(generate).waitFor();
    const before = (await this.tokenField().count()) ? await this.tokenField().inputValue() : "";
    if (await reset.isVisible()) {
      await reset.click();
      const dialog = this.page.getByRole("dialog", { name: "Reset the SCIM token?" });
      await dialog.getByLabel("Keep the current token working for").selectOption(options.grace ?? "none");
      await dialog.getByRole("button", { name: "Reset token" }).click();
    } else {
      await generate.click();
    }
    await this.page.getByRole("status").filter({ hasText: "A new SCIM token was generated." }).waitFor();
    await expect(this.tokenField()).not.toHaveValue(before);
    // The search for secrets at the end of the run looks for every token shown here.
    const token = await this.tokenField().inputValue();
    recordSecret({ port: new URL(this.page.url()).port }, token);
    return token;
  }
}
