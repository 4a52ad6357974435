// Plain-JSON helpers. Request bodies are untrusted: keys that could reach Object.prototype are never copied, and
// every object built here is an ordinary object literal filled by assignment of vetted keys only.

export type JsonObject = { [key: string]: unknown };

const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const isUnsafeKey = (key: string) => UNSAFE_KEYS.has(key);

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own enumerable entries, minus prototype-polluting keys. */
export function safeEntries(obj: JsonObject): [string, unknown][] {
  return Object.keys(obj)
    .filter((key) => !isUnsafeKey(key))
    .map((key) => [key, obj[key]]);
}

/** Deep copy of JSON data; drops unsafe keys and non-JSON values (functions, undefined). */
export function cloneJson<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value instanceof Date) return new Date(value.getTime());
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of safeEntries(value)) {
      if (item !== undefined && typeof item !== "function") out[key] = cloneValue(item);
    }
    return out;
  }
  return value;
}

/** Structural equality of JSON values; object key order is irrelevant, array order matters. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** Finds the key of `obj` equal to `name` ignoring case (attribute names are case-insensitive, RFC 7643 §2.1). */
export function findKey(obj: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((key) => key.toLowerCase() === lower);
}

/**
 * RFC 7643 §2.5: null and an empty array are equivalent to unassigned; so is an empty complex value. An empty string
 * is a value (Entra asks that values be stored as sent).
 */
export function isAssigned(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(isAssigned);
  if (isPlainObject(value)) return Object.values(value).some(isAssigned);
  return true;
}

/** A copy without unassigned members, for comparing resources "in state". */
export function pruneUnassigned(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter(isAssigned).map(pruneUnassigned);
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of safeEntries(value)) if (isAssigned(item)) out[key] = pruneUnassigned(item);
    return out;
  }
  return value;
}
