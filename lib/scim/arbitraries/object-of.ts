/** Keys that would reach a prototype if code assigned them naively. */
export const UNSAFE = ["__proto__", "constructor", "prototype"];

/** An object with these own entries, `__proto__` included (as JSON.parse makes them). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
