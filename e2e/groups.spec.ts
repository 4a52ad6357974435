import crypto from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { GroupPage, GroupsPage } from "./pages/groups-page";
import { UserPage } from "./pages/user-page";
import { expect, test } from "./support/fixtures";
import { generateScimToken } from "./support/secrets";

const SCIM_TYPE = "application/scim+json";
const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** A SCIM client on Playwright's request fixture, with a token made by the admin CLI as an operator would. */
async function scimClient(request: APIRequestContext, baseURL: string, databaseUrl: string) {
  const headers = { authorization: `Bearer ${await generateScimToken(databaseUrl)}`, "content-type": SCIM_TYPE, accept: SCIM_TYPE };
  return {
    async post(path: string, data: unknown) {
      const res = await request.post(`${baseURL}/api/scim/v2${path}`, { headers, data });
      expect(res.status(), await res.text()).toBe(201);
      return res.json();
    },
  };
}

// One more than a page, so the group's members span two pages.
const MEMBERS = 51;

test("an admin finds a provisioned group, sees its member count, opens it and pages through its members", async ({ page, request, baseURL, databaseUrl, admin, loginPage }) => {
  test.setTimeout(90_000);
  const scim = await scimClient(request, baseURL!, databaseUrl);
  const id = crypto.randomBytes(4).toString("hex");
  const userIds: string[] = [];
  for (let i = 1; i <= MEMBERS; i++) {
    const n = String(i).padStart(2, "0");
    const userName = `gm-${id}-${n}@example.com`;
    const user = await scim.post("/Users", {
      schemas: [USER_SCHEMA],
      userName,
      name: { givenName: "Member", familyName: n },
      emails: [{ value: userName, type: "work", primary: true }],
    });
    userIds.push(user.id);
  }
  const team = `E2E Team ${id}`;
  const other = `E2E Other ${id}`;
  const group = await scim.post("/Groups", { schemas: [GROUP_SCHEMA], displayName: team, externalId: `grp-${id}`, members: userIds.map((value) => ({ value })) });
  await scim.post("/Groups", { schemas: [GROUP_SCHEMA], displayName: other, members: [{ value: userIds[0] }] });

  await loginPage.goto("/admin/groups");
  await loginPage.signIn(admin.email, admin.password);
  const groups = new GroupsPage(page);
  await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
  await expect(groups.table()).toBeVisible();

  // The search ignores case and keeps to the URL.
  await groups.search(`TEAM ${id.toUpperCase()}`);
  await expect(page).toHaveURL(new RegExp(`[?&]q=TEAM(\\+|%20)${id.toUpperCase()}`));
  await expect(groups.row(team)).toBeVisible();
  await expect(groups.row(other)).toHaveCount(0);
  await expect(await groups.memberCount(team)).toHaveText(String(MEMBERS));
  await page.reload();
  await expect(page.getByLabel("Search groups")).toHaveValue(`TEAM ${id.toUpperCase()}`);
  await expect(groups.row(team)).toBeVisible();

  await groups.search(id);
  await expect(groups.row(other)).toBeVisible();
  await expect(await groups.memberCount(other)).toHaveText("1");

  await groups.search(`no-such-group-${id}`);
  await expect(page.getByText(`No groups match “no-such-group-${id}”.`)).toBeVisible();

  await groups.search(id);
  await groups.open(team);
  const groupPage = new GroupPage(page);
  await expect(page).toHaveURL(new RegExp(`/admin/groups/${group.id}$`));
  await expect(groupPage.heading()).toHaveText(team);
  await expect(page.getByRole("region", { name: "Details" })).toContainText(`grp-${id}`);
  await expect(groupPage.memberRows()).toHaveCount(50);
  await expect(groupPage.pagination()).toContainText(`1–50 of ${MEMBERS}`);
  await expect(groupPage.members().getByRole("link", { name: `gm-${id}-01` })).toBeVisible();

  await groupPage.nextPage();
  await expect(page).toHaveURL(new RegExp(`/admin/groups/${group.id}\\?page=2$`));
  await expect(groupPage.memberRows()).toHaveCount(1);
  await page.reload();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(groupPage.pagination()).toContainText(`51–51 of ${MEMBERS}`);
  await expect(groupPage.memberRows()).toHaveCount(1);

  // Members link to their user pages, which link back to their groups.
  await groupPage.members().getByRole("link", { name: `gm-${id}-51` }).click();
  const userPage = new UserPage(page);
  await expect(userPage.heading()).toHaveText(`gm-${id}-51`);
  await expect(userPage.groups().getByRole("link", { name: team })).toBeVisible();
});

test("an unknown group id shows a not-found page", async ({ page, admin, loginPage }) => {
  await loginPage.goto("/admin/groups/00000000-0000-4000-8000-000000000000");
  await loginPage.signIn(admin.email, admin.password);
  await expect(page.getByRole("heading", { name: "Group not found" })).toBeVisible();
});
