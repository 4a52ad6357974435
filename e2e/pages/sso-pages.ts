import type { Locator, Page } from "@playwright/test";
import { OIDC_NAME } from "../support/oidc";

/** Single sign-on from the app's sign-in page, through the test OpenID Provider's own sign-in form. */
/** What the specs type as the password on the test IdP's sign-in form: the secret search looks for it too. */
export const IDP_PASSWORD = "any idp password";

export class SsoSignIn {
  constructor(readonly page: Page) {}

  button(): Locator {
    return this.page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` });
  }

  /** Starts SSO from /login; when the IdP has no session yet, signs in there as `login` (the `sub` claim). */
  async signIn(login: string) {
    await this.page.goto("/login");
    await this.button().click();
    await this.idpSignIn(login);
  }

  /** oidc-provider's development sign-in form: any login (it becomes `sub`), any password. */
  async idpSignIn(login: string) {
    await this.page.getByPlaceholder("Enter any login").fill(login);
    await this.page.getByPlaceholder("and password").fill(IDP_PASSWORD);
    await this.page.getByRole("button", { name: "Sign-in" }).click();
  }

  /** The sign-in page's notice (why a session ended, why sign-in failed). */
  notice(): Locator {
    return this.page.locator("main").getByRole("status");
  }
}

/** "Your account": /account. */
export class AccountPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Your account" });
  }

  region(name: "Profile" | "Provisioning" | "Groups"): Locator {
    return this.page.getByRole("region", { name });
  }
}
