import { findAttribute } from "../schema/resolve";
import type { AttributeDef } from "../schema/types";
import { isPlainObject, type JsonObject } from "./json";

// Group membership PATCHes are one operation per member (Okta, Entra with aadOptscim062020) against groups that can
// have tens of thousands of members; scanning the list for every operation is quadratic. Values of multi-valued
// complex attributes are therefore looked up by their `value` sub-attribute through an index kept per array for
// the duration of one patch. Invariant: an array still held by the resource is only mutated in place through
// indexPush/indexRemove; every other edit builds a new array (which gets its own index on first use).

export type ValueIndex = Map<string, JsonObject[]>;
export type ValueIndexes = WeakMap<unknown[], ValueIndex>;

/** The normalised (per caseExact) `value` of a complex value, or undefined if it has no string `value`. */
export function valueKey(def: AttributeDef, element: unknown): string | undefined {
  if (!isPlainObject(element) || typeof element.value !== "string") return undefined;
  const valueDef = findAttribute(def.subAttributes, "value");
  if (valueDef === undefined) return undefined;
  return valueDef.caseExact ? element.value : element.value.toLowerCase();
}

export function indexFor(indexes: ValueIndexes, def: AttributeDef, list: unknown[]): ValueIndex {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map();
    for (const element of list) addToIndex(index, def, element);
    indexes.set(list, index);
  }
  return index;
}

function addToIndex(index: ValueIndex, def: AttributeDef, element: unknown): void {
  const key = valueKey(def, element);
  if (key === undefined) return;
  const bucket = index.get(key);
  if (bucket === undefined) index.set(key, [element as JsonObject]);
  else bucket.push(element as JsonObject);
}

/** Values whose `value` equals `key` (already normalised). */
export const lookup = (index: ValueIndex, key: string): readonly JsonObject[] => index.get(key) ?? [];

export function indexPush(indexes: ValueIndexes, def: AttributeDef, list: unknown[], element: unknown): void {
  const index = indexes.get(list);
  list.push(element);
  if (index !== undefined) addToIndex(index, def, element);
}

/** Removes the given values from `list` in place. */
export function indexRemove(indexes: ValueIndexes, def: AttributeDef, list: unknown[], removed: readonly unknown[]): void {
  const index = indexes.get(list);
  if (removed.length > 16) {
    const gone = new Set(removed);
    const kept = list.filter((el) => !gone.has(el));
    list.length = 0;
    for (const el of kept) list.push(el);
    indexes.delete(list);
    return;
  }
  for (const element of removed) {
    const at = list.indexOf(element);
    if (at >= 0) list.splice(at, 1);
    const key = index === undefined ? undefined : valueKey(def, element);
    const bucket = key === undefined ? undefined : index?.get(key);
    if (bucket === undefined) continue;
    const i = bucket.indexOf(element as JsonObject);
    if (i >= 0) bucket.splice(i, 1);
    if (bucket.length === 0) index!.delete(key!);
  }
}
