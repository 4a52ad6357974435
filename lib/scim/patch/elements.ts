import { mutability } from "../errors";
import type { Filter } from "../filter/ast";
import { findAttribute } from "../schema/resolve";
import type { AttributeDef } from "../schema/types";
import { coerceScalar } from "./coerce";
import { isAssigned, isPlainObject, jsonEqual, type JsonObject } from "./json";

/** Equality honouring the attribute's caseExact for strings. */
export function valuesEqual(def: AttributeDef | undefined, a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string" && !(def?.caseExact ?? false)) {
    return a.toLowerCase() === b.toLowerCase();
  }
  return jsonEqual(a, b);
}

export const withoutNulls = (element: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null && value !== undefined));

/**
 * Whether two values of a multi-valued attribute are "the same value" (RFC 7644 §3.5.2.1: adding a value that is
 * already present changes nothing). Complex values with a `value` sub-attribute are identified by `value`, and by
 * `type` when both sides have one; other complex values must be equal field by field.
 */
export function sameElement(def: AttributeDef, a: unknown, b: unknown): boolean {
  if (def.type !== "complex") return valuesEqual(def, a, b);
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const valueDef = findAttribute(def.subAttributes, "value");
  if (valueDef === undefined || !isAssigned(a.value) || !isAssigned(b.value)) {
    return jsonEqual(withoutNulls(a), withoutNulls(b));
  }
  if (!valuesEqual(valueDef, a.value, b.value)) return false;
  const typeDef = findAttribute(def.subAttributes, "type");
  if (typeDef === undefined || !isAssigned(a.type) || !isAssigned(b.type)) return true;
  return valuesEqual(typeDef, a.type, b.type);
}

/**
 * Merges canonical sub-attribute values into `target` in place; null unassigns. An immutable sub-attribute that
 * already holds a different value is an error (`reject`) or left as it is (`keep`, for re-adding a present value).
 */
export function mergeInto(
  target: JsonObject,
  incoming: JsonObject,
  def: AttributeDef,
  label: string,
  immutable: "reject" | "keep",
): void {
  for (const [name, value] of Object.entries(incoming)) {
    const sub = findAttribute(def.subAttributes, name);
    if (sub === undefined) continue;
    const current = target[name];
    if (sub.mutability === "immutable" && isAssigned(current) && !valuesEqual(sub, current, value)) {
      if (immutable === "keep") continue;
      throw mutability(`'${label}.${sub.name}' is immutable and already has a value`);
    }
    if (value === null) delete target[name];
    else target[name] = value;
  }
}

// Sub-attributes that only qualify a value (RFC 7643 §2.4); an element left with nothing else is dropped.
const QUALIFIERS: ReadonlySet<string> = new Set(["type", "primary", "display"]);

/** False once an element holds nothing but qualifiers, e.g. `{ type: "work" }` after removing the email value. */
export function hasData(element: unknown): boolean {
  if (!isPlainObject(element)) return isAssigned(element);
  return Object.entries(element).some(([key, value]) => !QUALIFIERS.has(key.toLowerCase()) && isAssigned(value));
}

/**
 * The element a value filter describes, when it is a conjunction of `eq` comparisons (`type eq "work"`), or null.
 * Used to create the element on add (and on Entra's replace of `emails[type eq "work"].value`) when nothing matches.
 */
export function elementFromFilter(filter: Filter, def: AttributeDef): JsonObject | null {
  if (filter.kind === "and") {
    const left = elementFromFilter(filter.left, def);
    const right = elementFromFilter(filter.right, def);
    if (left === null || right === null) return null;
    for (const key of Object.keys(right)) {
      if (Object.hasOwn(left, key) && !jsonEqual(left[key], right[key])) return null;
    }
    return { ...left, ...right };
  }
  if (filter.kind !== "compare" || filter.op !== "eq" || filter.value === null) return null;
  const sub = findAttribute(def.subAttributes, filter.path.attr);
  if (sub === undefined || sub.type === "complex" || sub.multiValued || sub.mutability === "readOnly") return null;
  try {
    return { [sub.name]: coerceScalar(sub, filter.value, sub.name) };
  } catch {
    return null;
  }
}

/**
 * RFC 7643 §2.4: "primary" may be true on at most one value. When an operation sets it on a value, the other
 * values lose it; if the operation wrote several primaries, the last one written wins.
 */
export function normalizePrimary(list: unknown[], written: ReadonlySet<unknown>): void {
  const primaries = list.filter((el): el is JsonObject => isPlainObject(el) && el.primary === true);
  if (primaries.length < 2) return;
  const winner = primaries.filter((el) => written.has(el)).at(-1);
  if (winner === undefined) return;
  for (const el of primaries) if (el !== winner) el.primary = false;
}
