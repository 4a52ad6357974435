import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { runCli } from "../../tests/support/cli";
import { LoginPage } from "../pages/login-page";
import { recordSecret } from "./secrets";

export type Account = { email: string; password: string };

type Fixtures = {
  databaseUrl: string;
  /** A new admin of this test's own, made with the admin CLI as an operator would. */
  admin: Account;
  /** A new local user without admin rights. */
  member: Account;
  loginPage: LoginPage;
};

function account(kind: string): Account {
  const id = crypto.randomBytes(4).toString("hex");
  return { email: `${kind}-${id}@example.com`, password: `pw-${crypto.randomBytes(12).toString("base64url")}` };
}

async function create(command: string, who: Account, databaseUrl: string) {
  recordSecret({ databaseUrl }, who.password);
  const result = await runCli([command, "--email", who.email, "--password", who.password], databaseUrl);
  if (result.code !== 0) throw new Error(`${command} failed: ${result.stderr}`);
}

export const test = base.extend<Fixtures>({
  databaseUrl: async ({}, use, testInfo) => {
    const port = new URL(String(testInfo.project.use.baseURL)).port;
    const state = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../.state/${port}.json`), "utf8"));
    await use(state.databaseUrl);
  },
  admin: async ({ databaseUrl }, use) => {
    const who = account("admin");
    await create("create-admin", who, databaseUrl);
    await use(who);
  },
  member: async ({ databaseUrl }, use) => {
    const who = account("member");
    await create("create-user", who, databaseUrl);
    await use(who);
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
});

export { expect };
