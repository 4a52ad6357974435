import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Provider } from "../../lib/db/provider";
import { runCli } from "./cli";
import { ScimClient, SCIM_MEDIA_TYPE, URN, type Json, type ScimResponse } from "./scim-client";
import { startServer, type TestServer } from "./server";

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures");

/** A request body from tests/fixtures/<idp>/<name>.json, as a fresh object (callers may change it). */
export function loadFixture(idp: "okta" | "entra", name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(fixturesDir, idp, `${name}.json`), "utf8"));
}

/** A short random suffix, so that every test works on data of its own. */
export function unique(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
}

export function patchBody(...operations: Json[]): Json {
  return { schemas: [URN.patchOp], Operations: operations };
}

export type ScimServer = { server: TestServer; client: ScimClient; token: string };

/** Starts the built app on a fresh database of `provider` and makes a SCIM token for it. */
export async function startScimServer(provider: Provider, env: Record<string, string> = {}): Promise<ScimServer> {
  const server = await startServer(provider, env);
  try {
    const token = await generateToken(server);
    return { server, client: new ScimClient(`${server.baseUrl}/api/scim/v2`, token), token };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** `scim-token generate` against the server's database: a new token, and the previous one revoked. */
export async function generateToken(server: Pick<TestServer, "database">): Promise<string> {
  const result = await runCli(["scim-token", "generate"], server.database.url);
  expect(result.code, result.stderr).toBe(0);
  const token = result.stdout.trim();
  expect(token).toMatch(/^scim_\S+$/);
  return token;
}

/** An RFC 7644 §3.12 error response: SCIM media type, Error schema, status as a string, scimType when given. */
export function expectScimError(res: ScimResponse, status: number, scimType?: string): void {
  const context = JSON.stringify(res.body);
  expect(res.status, context).toBe(status);
  expect(res.headers.get("content-type"), context).toMatch(/^application\/scim\+json/);
  expect(res.body.schemas, context).toEqual([URN.error]);
  expect(res.body.status, context).toBe(String(status));
  expect(typeof res.body.detail, context).toBe("string");
  if (scimType !== undefined) expect(res.body.scimType, context).toBe(scimType);
}

export function expectScimJson(res: ScimResponse): void {
  expect(res.headers.get("content-type")).toMatch(new RegExp(`^${SCIM_MEDIA_TYPE.replace("+", "\\+")}`));
}

/** A minimal valid User for tests that do not care about the IdP's exact shape. */
export function simpleUser(userName: string, extra: Json = {}): Json {
  return {
    schemas: [URN.user],
    userName,
    name: { givenName: "Test", familyName: "User" },
    emails: [{ value: userName.includes("@") ? userName : `${userName}@example.com`, type: "work", primary: true }],
    active: true,
    ...extra,
  };
}

/** POSTs a user and expects 201. */
export async function createUser(client: ScimClient, body: Json): Promise<Json> {
  const res = await client.post("/Users", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ids of a list response's resources. */
export const ids = (res: ScimResponse) => (res.body.Resources as Json[]).map((r) => r.id as string);
