// Shared by the property-based tests (*.property.test.ts): run counts and the prototype-pollution checks.
import { expect } from "vitest";
import { UNSAFE } from "./arbitraries/object-of";

/** FC_RUNS_SCALE=10 multiplies every numRuns, for a longer local bug hunt. */
export const RUNS = Math.round(400 * Number(process.env.FC_RUNS_SCALE ?? 1));

export { objectOf, UNSAFE } from "./arbitraries/object-of";

const PROTOS = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const protoSnapshot = () => PROTOS.map((p) => Reflect.ownKeys(p).map(String).sort().join(","));
const BEFORE = protoSnapshot();

/** No built-in prototype gained or lost a key, and a fresh object inherits nothing it should not. */
export function expectNoPollution(): void {
  expect(protoSnapshot()).toEqual(BEFORE);
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.value).toBeUndefined();
  expect(probe.userName).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

/** Every object in `value` is plain and carries no prototype-polluting own key. */
export function expectSafeTree(value: unknown, where: string, options: { allowNullPrototype?: boolean } = {}): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => expectSafeTree(item, `${where}[${i}]`, options));
  } else if (typeof value === "object" && value !== null) {
    const proto = Object.getPrototypeOf(value);
    expect(proto === Object.prototype || (options.allowNullPrototype === true && proto === null), `${where} is a plain object`).toBe(true);
    for (const key of Object.keys(value)) {
      expect(UNSAFE, `unsafe key at ${where}`).not.toContain(key);
      expectSafeTree((value as Record<string, unknown>)[key], `${where}.${key}`, options);
    }
  }
}
