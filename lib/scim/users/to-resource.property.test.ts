// toUserResource was rewritten for speed (issue #6); the responses must not change by a single byte. The previous
// implementation is kept here, verbatim, as the reference the new one is compared with on arbitrary users.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userRecord } from "../arbitraries/user-record";
import { RUNS } from "../property-support";
import { weakEtag } from "../etag";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { ScimUserRecord } from "./record";
import { toUserResource, userLocation } from "./to-resource";
import type { JsonObject } from "./values";

function compact<T extends JsonObject>(object: T): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

function referenceUserResource(user: ScimUserRecord, baseUrl: string): JsonObject {
  const name = compact(user.name);
  const { managerId, managerName, ...rest } = user.enterprise;
  const enterprise = compact({
    ...rest,
    manager: managerId || managerName ? compact({ value: managerId, $ref: managerId ? userLocation(baseUrl, managerId) : null, displayName: managerName }) : null,
  });
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return compact({
    schemas: hasEnterprise ? [USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID] : [USER_SCHEMA_ID],
    id: user.id,
    externalId: user.externalId,
    userName: user.userName,
    name: Object.keys(name).length ? name : null,
    displayName: user.displayName,
    nickName: user.nickName,
    profileUrl: user.profileUrl,
    title: user.title,
    userType: user.userType,
    preferredLanguage: user.preferredLanguage,
    locale: user.locale,
    timezone: user.timezone,
    active: user.active,
    emails: user.emails.length ? user.emails.map((e) => compact({ value: e.value, type: e.type, primary: e.primary || null, display: e.display })) : null,
    phoneNumbers: user.phoneNumbers?.length ? user.phoneNumbers : null,
    addresses: user.addresses?.length ? user.addresses : null,
    groups: user.groups.length
      ? user.groups.map((g) => ({ value: g.id, $ref: `${baseUrl}/Groups/${encodeURIComponent(g.id)}`, display: g.displayName, type: "direct" }))
      : null,
    [ENTERPRISE_USER_SCHEMA_ID]: hasEnterprise ? enterprise : null,
    meta: {
      resourceType: "User",
      created: user.created.toISOString(),
      lastModified: user.lastModified.toISOString(),
      location: userLocation(baseUrl, user.id),
      version: weakEtag(user.version),
    },
  });
}

/** The JSON text of `build(user)`, or the error it throws (an id with a lone surrogate cannot be URL-encoded). */
function outcome(build: () => JsonObject): string {
  try {
    return JSON.stringify(build());
  } catch (error) {
    return `threw ${(error as Error).name}`;
  }
}

describe("toUserResource: the same bytes as the reference serializer", () => {
  it("for arbitrary stored users", () => {
    fc.assert(
      fc.property(userRecord, fc.constantFrom("https://scim.example.com/api/scim/v2", "http://localhost:3000/api/scim/v2"), (user, base) => {
        expect(outcome(() => toUserResource(user, base))).toBe(outcome(() => referenceUserResource(user, base)));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
