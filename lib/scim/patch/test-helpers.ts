// Shared fixtures for the PATCH engine's unit tests.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { isScimError, type ScimType } from "../errors";
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from "../schema/resource-types";
import { ENTERPRISE_USER_SCHEMA_ID, GROUP_SCHEMA_ID, PATCH_OP_MESSAGE_ID, USER_SCHEMA_ID } from "../urns";
import { applyPatch } from "./apply-patch";
import type { PatchResult, ScimResource } from "./types";

export const ENTERPRISE = ENTERPRISE_USER_SCHEMA_ID;

export function loadFixture(idp: "okta" | "entra", name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${idp}/${name}.json`, import.meta.url), "utf8"));
}

export const patchBody = (...operations: unknown[]) => ({ schemas: [PATCH_OP_MESSAGE_ID], Operations: operations });

/** A user shaped like the responses in Microsoft's and Okta's SCIM documentation. */
export function sampleUser(): ScimResource {
  return {
    schemas: [USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID],
    id: "6764549bef60420686bc",
    externalId: "6c75de36-30fa-4d2d-a196-6bdcdb6b6539",
    userName: "Test_User_00aa00aa@testuser.com",
    name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
    active: true,
    emails: [{ value: "Test_User_11bb11bb@testuser.com", type: "work", primary: true }],
    groups: [{ value: "g1", display: "Sales" }],
    [ENTERPRISE_USER_SCHEMA_ID]: { employeeNumber: "701984", department: "Sales" },
    meta: {
      resourceType: "User",
      created: "2018-03-27T19:59:26.000Z",
      lastModified: "2018-03-27T19:59:26.000Z",
    },
  };
}

export function sampleGroup(): ScimResource {
  return {
    schemas: [GROUP_SCHEMA_ID],
    id: "abf4dd94-a4c0-4f67-89c9-76b03340cb9b",
    displayName: "Test SCIMv2",
    members: [
      { value: "89bb1940-b905-4575-9e7f-6f887cfb368e", display: "first.user@okta.local" },
      { value: "f648f8d5ea4e4cd38e9c" },
    ],
    meta: { resourceType: "Group" },
  };
}

export const patchUser = (resource: ScimResource, body: unknown): PatchResult =>
  applyPatch(resource, body, { schemas: USER_RESOURCE_TYPE });

export const patchGroup = (resource: ScimResource, body: unknown): PatchResult =>
  applyPatch(resource, body, { schemas: GROUP_RESOURCE_TYPE });

/** Runs `fn` and asserts it throws a ScimError with this status and scimType; returns the error detail. */
export function expectScimError(fn: () => unknown, scimType: ScimType, status = 400): string {
  try {
    fn();
  } catch (err) {
    if (!isScimError(err)) throw err;
    expect({ status: err.status, scimType: err.scimType }).toEqual({ status, scimType });
    return err.detail;
  }
  throw new Error(`expected a ScimError ${status} ${scimType}, but nothing was thrown`);
}
