import { mutability } from "../errors";
import type { AttributeDef } from "../schema/types";
import { findKey, isPlainObject, jsonEqual } from "./json";

/** Whether every member the client sent equals the current value (objects may be partial: `meta: { resourceType }`). */
export function echoesCurrent(current: unknown, sent: unknown): boolean {
  if (isPlainObject(sent)) {
    if (!isPlainObject(current)) return false;
    return Object.keys(sent).every((key) => {
      const currentKey = findKey(current, key);
      return currentKey !== undefined && echoesCurrent(current[currentKey], sent[key]);
    });
  }
  if (sent instanceof Date || current instanceof Date) {
    const a = current instanceof Date ? current.getTime() : Date.parse(String(current));
    const b = sent instanceof Date ? sent.getTime() : Date.parse(String(sent));
    return a === b;
  }
  return jsonEqual(current, sent);
}

/**
 * readOnly attributes (id, meta, User.groups, manager.displayName) cannot be written. A value equal to the current
 * one is an echo, not a change, and is skipped: Okta's group rename sends the group's own `id` in the value map.
 * Returns true when the write should be skipped; throws 400 mutability for a real change.
 */
export function skipReadOnly(def: AttributeDef, label: string, current: unknown, sent: unknown): boolean {
  if (def.mutability !== "readOnly") return false;
  if (echoesCurrent(current, sent)) return true;
  throw mutability(`'${label}' is readOnly`);
}
