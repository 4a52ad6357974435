import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { ScimUserRecord } from "./record";
import { weakEtag } from "../etag";
import type { JsonObject } from "./values";


/** Drops null and undefined members, so unassigned attributes are simply absent (RFC 7643 §2.5). */
function compact<T extends JsonObject>(object: T): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));
}

export function userLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${encodeURIComponent(id)}`;
}

/** The full SCIM User representation of a stored user (before `attributes`/`excludedAttributes`). */
export function toUserResource(user: ScimUserRecord, baseUrl: string): JsonObject {
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
