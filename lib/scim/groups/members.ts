import { invalidValue } from "../errors";
import { isObject, member } from "../users/values";

/** Members per request at most: large enough for a full Okta push in one PATCH, small enough to bound the work. */
export const MAX_MEMBERS_PER_REQUEST = 10_000;

/**
 * Member ids from a `members` value: a list of `{ "value": id }` objects (the RFC form Okta and Entra send), or one
 * such object. Each must carry a string id.
 */
export function memberIds(value: unknown, where = "members"): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (items.length > MAX_MEMBERS_PER_REQUEST) throw invalidValue(`"${where}" lists more than ${MAX_MEMBERS_PER_REQUEST} members.`);
  return items.map((item, i) => {
    const id = isObject(item) ? member(item, "value") : undefined;
    if (typeof id !== "string" || !id.trim()) throw invalidValue(`"${where}[${i}].value" must be a member id.`);
    return id.trim();
  });
}
