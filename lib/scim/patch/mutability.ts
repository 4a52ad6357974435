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
  if (jsonEqual(current, sent)) return true;
  // meta timestamps: "2018-03-27T19:59:26Z" echoes "2018-03-27T19:59:26.000Z".
  const a = instant(current);
  return a !== undefined && a === instant(sent);
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

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function instant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string" || !DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
