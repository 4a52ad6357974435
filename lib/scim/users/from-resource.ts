import { invalidSyntax, invalidValue } from "../errors";
import { ENTERPRISE_USER_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { EmailInput, Enterprise, UserInput, UserName } from "./record";
import { isObject, member, optionalBoolean, optionalList, optionalObject, optionalString, type JsonObject } from "./values";

const MAX_USERNAME_LENGTH = 256;

/**
 * Reads a User resource (a POST or PUT body, or the result of a PATCH) into what this service models. Unknown
 * attributes are ignored, readOnly ones (id, meta, groups) too, and `password` is never read (RFC 7644 §7.8:
 * it is not stored here). Wrong types → 400 invalidValue; a missing userName → 400 invalidValue.
 */
export function userFromResource(body: unknown): UserInput {
  if (!isObject(body)) throw invalidSyntax("The request body must be a JSON object.");
  const schemas = member(body, "schemas");
  if (schemas !== undefined) {
    if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s.toLowerCase() === USER_SCHEMA_ID.toLowerCase())) {
      throw invalidSyntax(`"schemas" must include "${USER_SCHEMA_ID}".`);
    }
  }
  const userName = optionalString(member(body, "userName"), "userName")?.trim();
  if (!userName) throw invalidValue('"userName" is required.');
  if (userName.length > MAX_USERNAME_LENGTH) throw invalidValue(`"userName" is longer than ${MAX_USERNAME_LENGTH} characters.`);
  const str = (key: string) => optionalString(member(body, key), key);
  return {
    userName,
    externalId: str("externalId")?.trim() || null,
    active: optionalBoolean(member(body, "active"), "active"),
    name: readName(optionalObject(member(body, "name"), "name")),
    displayName: str("displayName"),
    nickName: str("nickName"),
    profileUrl: str("profileUrl"),
    title: str("title"),
    userType: str("userType"),
    preferredLanguage: str("preferredLanguage"),
    locale: str("locale"),
    timezone: str("timezone"),
    emails: readEmails(member(body, "emails")),
    phoneNumbers: readPlainList(member(body, "phoneNumbers"), "phoneNumbers", ["value", "display", "type"], ["primary"]),
    addresses: readPlainList(
      member(body, "addresses"),
      "addresses",
      ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type"],
      ["primary"],
    ),
    enterprise: readEnterprise(optionalObject(member(body, ENTERPRISE_USER_SCHEMA_ID), ENTERPRISE_USER_SCHEMA_ID)),
  };
}

function readName(name: JsonObject | null): UserName {
  const str = (key: string) => (name ? optionalString(member(name, key), `name.${key}`) : null);
  return {
    formatted: str("formatted"),
    familyName: str("familyName"),
    givenName: str("givenName"),
    middleName: str("middleName"),
    honorificPrefix: str("honorificPrefix"),
    honorificSuffix: str("honorificSuffix"),
  };
}

function readEmails(value: unknown): EmailInput[] {
  const emails = optionalList(value, "emails").flatMap((item, i) => {
    const address = optionalString(member(item, "value"), `emails[${i}].value`)?.trim();
    if (!address) return [];
    return [
      {
        value: address,
        type: optionalString(member(item, "type"), `emails[${i}].type`),
        primary: optionalBoolean(member(item, "primary"), `emails[${i}].primary`) ?? false,
        display: optionalString(member(item, "display"), `emails[${i}].display`),
      },
    ];
  });
  // RFC 7643 §2.4: at most one primary value; the first one marked wins.
  const first = emails.findIndex((e) => e.primary);
  return emails.map((e, i) => ({ ...e, primary: i === first }));
}

function readPlainList(value: unknown, attribute: string, strings: string[], booleans: string[]): Record<string, unknown>[] | null {
  const list = optionalList(value, attribute).map((item, i) => {
    const out: Record<string, unknown> = {};
    for (const key of strings) {
      const v = optionalString(member(item, key), `${attribute}[${i}].${key}`);
      if (v !== null) out[key] = v;
    }
    for (const key of booleans) {
      const v = optionalBoolean(member(item, key), `${attribute}[${i}].${key}`);
      if (v !== undefined) out[key] = v;
    }
    return out;
  });
  const kept = list.filter((item) => Object.keys(item).length > 0);
  return kept.length ? kept : null;
}

function readEnterprise(ext: JsonObject | null): Enterprise {
  const str = (key: string) => (ext ? optionalString(member(ext, key), `${ENTERPRISE_USER_SCHEMA_ID}:${key}`) : null);
  const manager = ext ? member(ext, "manager") : undefined;
  let managerId: string | null = null;
  let managerName: string | null = null;
  // Entra sends the manager as a bare id string in some requests, as an object in others.
  if (typeof manager === "string") managerId = optionalString(manager, "manager");
  else if (manager !== undefined && manager !== null) {
    const m = optionalObject(manager, "manager");
    managerId = m ? optionalString(member(m, "value"), "manager.value") : null;
    managerName = m ? optionalString(member(m, "displayName"), "manager.displayName") : null;
  }
  return {
    employeeNumber: str("employeeNumber"),
    costCenter: str("costCenter"),
    organization: str("organization"),
    division: str("division"),
    department: str("department"),
    managerId,
    managerName,
  };
}
