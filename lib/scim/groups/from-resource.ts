import { invalidSyntax, invalidValue } from "../errors";
import { GROUP_SCHEMA_ID } from "../urns";
import { isObject, member, optionalString } from "../users/values";
import { memberIds } from "./members";
import type { GroupInput } from "./record";

/** Reads a Group resource (POST or PUT body). Unknown and readOnly attributes are ignored. */
export function groupFromResource(body: unknown): GroupInput {
  if (!isObject(body)) throw invalidSyntax("The request body must be a JSON object.");
  const schemas = member(body, "schemas");
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((s) => typeof s === "string" && s.toLowerCase() === GROUP_SCHEMA_ID.toLowerCase()))) {
    throw invalidSyntax(`"schemas" must include "${GROUP_SCHEMA_ID}".`);
  }
  const displayName = optionalString(member(body, "displayName"), "displayName")?.trim();
  if (!displayName) throw invalidValue('"displayName" is required.');
  const members = member(body, "members");
  return {
    displayName,
    externalId: optionalString(member(body, "externalId"), "externalId")?.trim() || null,
    members: members === undefined ? undefined : [...new Set(memberIds(members))],
  };
}
