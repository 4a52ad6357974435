import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { ScimUserRecord } from "./record";
import { weakEtag } from "../etag";
import type { JsonObject } from "./values";

// Every page of users runs this a hundred times, so it builds each object once, member by member, instead of
// building it whole and filtering its entries. Members appear in the order they are assigned here.

/** Sets `key` unless the value is null or undefined: unassigned attributes are simply absent (RFC 7643 §2.5). */
function put(out: JsonObject, key: string, value: unknown): void {
  if (value !== null && value !== undefined) out[key] = value;
}

/** The assigned members of `object` among `keys`, in that order (the order stored records have); null if none. */
function assigned<T extends object>(object: T, keys: readonly (keyof T & string)[]): JsonObject | null {
  let out: JsonObject | null = null;
  for (const key of keys) {
    const value = object[key];
    if (value !== null && value !== undefined) (out ??= {})[key] = value;
  }
  return out;
}

const NAME_KEYS = ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"] as const;
// The manager is one complex attribute of the extension, built apart and placed last.
const ENTERPRISE_KEYS = ["employeeNumber", "costCenter", "organization", "division", "department"] as const;

export function userLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Users/${encodeURIComponent(id)}`;
}

function manager(managerId: string | null, managerName: string | null, baseUrl: string): JsonObject | null {
  if (!managerId && !managerName) return null;
  const out: JsonObject = {};
  put(out, "value", managerId);
  if (managerId) out.$ref = userLocation(baseUrl, managerId);
  put(out, "displayName", managerName);
  return out;
}

/** The full SCIM User representation of a stored user (before `attributes`/`excludedAttributes`). */
export function toUserResource(user: ScimUserRecord, baseUrl: string): JsonObject {
  let enterprise = assigned(user.enterprise, ENTERPRISE_KEYS);
  const boss = manager(user.enterprise.managerId, user.enterprise.managerName, baseUrl);
  if (boss) (enterprise ??= {}).manager = boss;
  const out: JsonObject = { schemas: enterprise ? [USER_SCHEMA_ID, ENTERPRISE_USER_SCHEMA_ID] : [USER_SCHEMA_ID] };
  put(out, "id", user.id);
  put(out, "externalId", user.externalId);
  put(out, "userName", user.userName);
  put(out, "name", assigned(user.name, NAME_KEYS));
  put(out, "displayName", user.displayName);
  put(out, "nickName", user.nickName);
  put(out, "profileUrl", user.profileUrl);
  put(out, "title", user.title);
  put(out, "userType", user.userType);
  put(out, "preferredLanguage", user.preferredLanguage);
  put(out, "locale", user.locale);
  put(out, "timezone", user.timezone);
  put(out, "active", user.active);
  if (user.emails.length) out.emails = user.emails.map(email);
  if (user.phoneNumbers?.length) out.phoneNumbers = user.phoneNumbers;
  if (user.addresses?.length) out.addresses = user.addresses;
  if (user.groups.length) {
    out.groups = user.groups.map((g) => ({ value: g.id, $ref: `${baseUrl}/Groups/${encodeURIComponent(g.id)}`, display: g.displayName, type: "direct" }));
  }
  if (enterprise) out[ENTERPRISE_USER_SCHEMA_ID] = enterprise;
  out.meta = {
    resourceType: "User",
    created: user.created.toISOString(),
    lastModified: user.lastModified.toISOString(),
    location: userLocation(baseUrl, user.id),
    version: weakEtag(user.version),
  };
  return out;
}

function email(e: ScimUserRecord["emails"][number]): JsonObject {
  const out: JsonObject = {};
  put(out, "value", e.value);
  put(out, "type", e.type);
  if (e.primary) out.primary = e.primary;
  put(out, "display", e.display);
  return out;
}
