import { invalidValue } from "../errors";
import { findAttribute } from "../schema/resolve";
import type { AttributeDef } from "../schema/types";
import { isPlainObject, safeEntries, type JsonObject } from "./json";

const BOOLEAN_TEXT = /^(true|false)$/i;

const describe = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;

function fail(label: string, expected: string, value: unknown): never {
  throw invalidValue(`'${label}' must be ${expected}; got ${describe(value)}`);
}

/**
 * Validates and normalises one value of `def`'s type (ignoring `def.multiValued`). `null` passes through: it means
 * "unassign" (RFC 7643 §2.5). Complex values come back with canonical sub-attribute names.
 */
export function coerceScalar(def: AttributeDef, raw: unknown, label: string): unknown {
  if (raw === null) return null;
  switch (def.type) {
    case "string":
    case "reference":
    case "binary":
      return typeof raw === "string" ? raw : fail(label, "a string", raw);
    case "dateTime":
      if (typeof raw === "string" && !Number.isNaN(Date.parse(raw))) return raw;
      return fail(label, "an RFC 3339 date-time string", raw);
    case "boolean":
      if (typeof raw === "boolean") return raw;
      // Microsoft Entra (without the aadOptscim062020 flag) sends booleans as "True"/"False".
      if (typeof raw === "string" && BOOLEAN_TEXT.test(raw)) return raw.toLowerCase() === "true";
      return fail(label, "a boolean", raw);
    case "integer":
      return typeof raw === "number" && Number.isInteger(raw) ? raw : fail(label, "an integer", raw);
    case "decimal":
      return typeof raw === "number" && Number.isFinite(raw) ? raw : fail(label, "a number", raw);
    case "complex":
      return coerceComplex(def, raw, label);
  }
}

/**
 * A complex value as an object with canonical keys. Sub-attributes the schema doesn't define are dropped, as are
 * readOnly ones (RFC 7644 §3.5.1 ignores readOnly values a client echoes back, e.g. manager.displayName).
 * Sub-attribute values may be null, meaning "unassign this sub-attribute".
 */
export function coerceComplex(def: AttributeDef, raw: unknown, label: string): JsonObject {
  if (!isPlainObject(raw)) return fail(label, "an object", raw);
  const out: JsonObject = {};
  for (const [key, value] of safeEntries(raw)) {
    const sub = findAttribute(def.subAttributes, key);
    if (sub === undefined || sub.mutability === "readOnly" || value === undefined) continue;
    out[sub.name] = sub.multiValued ? coerceList(sub, value, `${label}.${sub.name}`) : coerceScalar(sub, value, `${label}.${sub.name}`);
  }
  return out;
}

/** A multi-valued attribute's value: an array (nulls inside are dropped), or null. */
export function coerceList(def: AttributeDef, raw: unknown, label: string): unknown[] | null {
  if (raw === null) return null;
  if (!Array.isArray(raw)) return fail(label, "an array", raw);
  return raw.filter((item) => item !== null).map((item) => coerceScalar(def, item, label));
}

/** A whole attribute's value as written in an add/replace `value` (or a pathless value map). */
export function coerceAttribute(def: AttributeDef, raw: unknown, label: string): unknown {
  if (def.multiValued) return coerceList(def, raw, label);
  if (def.type === "complex") {
    // Entra's documented "Add manager" request wraps the single-valued manager in a one-element array.
    if (Array.isArray(raw) && raw.length === 1 && isPlainObject(raw[0])) return coerceComplex(def, raw[0], label);
    // Entra sends the enterprise manager as a bare id string: shorthand for { value: id }.
    if (typeof raw === "string" && findAttribute(def.subAttributes, "value") !== undefined) {
      return coerceComplex(def, { value: raw }, label);
    }
  }
  if (Array.isArray(raw)) return fail(label, `a single ${def.type} value`, raw);
  return coerceScalar(def, raw, label);
}
