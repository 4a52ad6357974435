import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { createDb } from "../lib/db";
import { promoteUser } from "../lib/users/promote-user";
import { AccountPage, SsoSignIn } from "./pages/sso-pages";
import { expect, test } from "./support/fixtures";
import { registerOidcAccount } from "./support/oidc";
import { generateScimToken } from "./support/secrets";

const SCIM_TYPE = "application/scim+json";

/** A user provisioned through SCIM as Okta does it (externalId = the Okta user id = the ID token's `sub`). */
async function provision(request: APIRequestContext, baseURL: string, databaseUrl: string, options: { group?: boolean } = {}) {
  const headers = { authorization: `Bearer ${await generateScimToken(databaseUrl)}`, "content-type": SCIM_TYPE, accept: SCIM_TYPE };
  const url = (path: string) => `${baseURL}/api/scim/v2${path}`;
  const hex = crypto.randomBytes(4).toString("hex");
  const userName = `sso.${hex}@example.com`;
  const externalId = `00uSSO${hex}`;
  const created = await request.post(url("/Users"), {
    headers,
    data: {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName,
      externalId,
      name: { givenName: "Sam", familyName: `Single ${hex}` },
      emails: [{ value: userName, type: "work", primary: true }],
      title: "Engineer",
      active: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const groupName = `Engineering ${hex}`;
  if (options.group) {
    const group = await request.post(url("/Groups"), {
      headers,
      data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: groupName, members: [{ value: id }] },
    });
    expect(group.status(), await group.text()).toBe(201);
  }
  // The IdP's side of the same person: the ID token's sub is the externalId the IdP provisioned.
  await registerOidcAccount({ sub: externalId, email: userName, email_verified: true, name: `Sam Single ${hex}` });
  const patch = (body: unknown) => request.patch(url(`/Users/${id}`), { headers, data: body });
  return {
    id,
    userName,
    externalId,
    groupName,
    setActive: async (active: boolean) => {
      const res = await patch({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] });
      expect(res.status(), await res.text()).toBe(200);
    },
    deprovision: async () => expect((await request.delete(url(`/Users/${id}`), { headers })).status()).toBe(204),
  };
}

/** No serious or critical accessibility violations on the page as it is. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function auditEvents(databaseUrl: string, userId: string, action: string) {
  const db = createDb(databaseUrl);
  try {
    const events = await db.auditEvent.findMany({ where: { action, targetId: userId }, orderBy: { at: "asc" } });
    return events.map((e) => ({ ...e, details: e.details ? JSON.parse(e.details) : null }));
  } finally {
    await db.$disconnect();
  }
}

test("a user provisioned through SCIM signs in with SSO and sees their account", async ({ page, request, baseURL, databaseUrl }) => {
  const user = await provision(request, baseURL!, databaseUrl, { group: true });
  const sso = new SsoSignIn(page);
  await sso.signIn(user.externalId);

  const account = new AccountPage(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(account.heading()).toBeVisible();
  await expect(account.region("Profile")).toContainText(user.userName);
  await expect(account.region("Profile")).toContainText("Engineer");
  await expect(account.region("Groups")).toContainText(user.groupName);
  await expect(account.region("Provisioning")).toContainText("Last provisioned");
  await expect(account.region("Provisioning")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Admin Area" })).toHaveCount(0);
  // Not an admin: the Admin Area stays closed.
  expect((await page.goto("/admin"))?.status()).toBe(403);
  await page.getByRole("link", { name: "Go to your account" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.goto("/account"))?.url()).toMatch(/\/login\?callbackUrl=%2Faccount$/);

  const [signedIn] = await auditEvents(databaseUrl, user.id, "user.signed_in");
  expect(signedIn.details).toMatchObject({ method: "sso", matchedBy: "id_claim", claim: "sub", subject: user.externalId });
});

test("deactivation through SCIM ends the session at the next page load and refuses sign-in; reactivation lets the user back", async ({ page, request, baseURL, databaseUrl }) => {
  const user = await provision(request, baseURL!, databaseUrl);
  const sso = new SsoSignIn(page);
  await sso.signIn(user.externalId);
  await expect(new AccountPage(page).heading()).toBeVisible();
  const staleCookies = await page.context().cookies();

  await user.setActive(false);
  await page.reload();
  await expect(page).toHaveURL(/\/login\?ended=blocked$/);
  await expect(sso.notice()).toContainText("your account has been blocked");
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");

  // The same ended session seen again (another tab kept the cookie): still one audit event.
  await page.context().addCookies(staleCookies.filter((c) => c.name === "next-auth.session-token"));
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?ended=blocked$/);
  const ended = await auditEvents(databaseUrl, user.id, "user.session_ended");
  expect(ended).toHaveLength(1);
  expect(ended[0].details).toMatchObject({ reason: "blocked", sessionVersion: 0 });

  // The IdP still has a session, so it answers at once; this instance refuses.
  await sso.button().click();
  await expect(page).toHaveURL(/\/login\/refused\?reason=blocked$/);
  await expect(page.getByRole("heading", { name: "Your account is blocked" })).toBeVisible();
  const [refused] = await auditEvents(databaseUrl, user.id, "user.sign_in_refused");
  expect(refused.details).toMatchObject({ reason: "blocked", subject: user.externalId });

  await user.setActive(true);
  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await sso.button().click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(new AccountPage(page).heading()).toBeVisible();
});

test("someone the IdP never provisioned is refused, and told why", async ({ page, databaseUrl }) => {
  const sub = `00uNEVER${crypto.randomBytes(4).toString("hex")}`;
  await registerOidcAccount({ sub, email: `${sub}@example.com`, email_verified: true });
  const sso = new SsoSignIn(page);
  await sso.signIn(sub);
  await expect(page).toHaveURL(/\/login\/refused\?reason=not_provisioned$/);
  await expect(page.getByRole("heading", { name: "Your account has not been provisioned" })).toBeVisible();
  await expect(page.getByText("just-in-time creation is switched off")).toBeVisible();
  await expectAccessible(page);
  expect((await page.goto("/account"))?.url()).toMatch(/\/login\?callbackUrl=%2Faccount$/);

  const db = createDb(databaseUrl);
  try {
    const refused = await db.auditEvent.findMany({ where: { action: "user.sign_in_refused" } });
    const mine = refused.map((e) => JSON.parse(e.details ?? "{}")).filter((d) => d.subject === sub);
    expect(mine).toEqual([expect.objectContaining({ reason: "not_provisioned", jit: false })]);
    expect(await db.user.count({ where: { emailNorm: `${sub}@example.com`.toLowerCase() } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
});

test("a provisioned admin reaches the Admin Area, and loses it at the next request once deprovisioned", async ({ page, request, baseURL, databaseUrl, admin }) => {
  const user = await provision(request, baseURL!, databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const promoter = await db.user.findUniqueOrThrow({ where: { emailNorm: admin.email.toLowerCase() } });
    await promoteUser({ userId: user.id, admin: promoter }, db);
  } finally {
    await db.$disconnect();
  }
  const sso = new SsoSignIn(page);
  await sso.signIn(user.externalId);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await user.deprovision();
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?ended=blocked$/);
  const response = await page.goto("/admin");
  expect(response?.url()).toMatch(/\/login\?callbackUrl=%2Fadmin$/);
  await sso.button().click();
  await expect(page).toHaveURL(/\/login\/refused\?reason=blocked$/);
  const [promoted] = await auditEvents(databaseUrl, user.id, "user.promoted");
  expect(promoted.details).toMatchObject({ to: "admin", provisioned: true });
});
