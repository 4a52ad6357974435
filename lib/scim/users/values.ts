import { invalidValue } from "../errors";
import { getMember } from "../filter/evaluate";

// Reading attribute values from a request body: strict on shapes (an object where a string belongs is an error),
// forgiving where the IdPs are sloppy (numbers for strings, "True"/"False" for booleans).

export const MAX_STRING_LENGTH = 2048;
export const MAX_MULTI_VALUES = 100;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Case-insensitive member lookup (RFC 7643 §2.1: attribute names are case-insensitive). */
export const member: (obj: JsonObject, name: string) => unknown = getMember;

export function optionalString(value: unknown, attribute: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") throw invalidValue(`"${attribute}" must be a string.`);
  if (value.length > MAX_STRING_LENGTH) throw invalidValue(`"${attribute}" is longer than ${MAX_STRING_LENGTH} characters.`);
  // Unassigned per RFC 7643 §2.5; keeps "" from being stored as a distinct value.
  return value === "" ? null : value;
}

/** Entra sends booleans as the strings "True"/"False". */
export function optionalBoolean(value: unknown, attribute: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`"${attribute}" must be a boolean.`);
}

export function optionalObject(value: unknown, attribute: string): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw invalidValue(`"${attribute}" must be an object.`);
  return value;
}

export function optionalList(value: unknown, attribute: string): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidValue(`"${attribute}" must be an array.`);
  if (value.length > MAX_MULTI_VALUES) throw invalidValue(`"${attribute}" has more than ${MAX_MULTI_VALUES} values.`);
  return value.map((item, i) => {
    if (!isObject(item)) throw invalidValue(`"${attribute}[${i}]" must be an object.`);
    return item;
  });
}
