import { invalidFilter } from "../errors";
import type { AttributeDef, AttributeType } from "../schema/types";
import type { CompareOp, FilterValue } from "./ast";

/** Ops other than `ne`, which the evaluator handles as the negation of `eq`. */
export type PositiveOp = Exclude<CompareOp, "ne">;

const ORDER_OPS: ReadonlySet<CompareOp> = new Set<CompareOp>(["gt", "ge", "lt", "le"]);
const STRING_OPS: ReadonlySet<CompareOp> = new Set<CompareOp>(["co", "sw", "ew"]);

function inferType(value: unknown): AttributeType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "decimal";
  return "string";
}

function order(op: PositiveOp, cmp: number): boolean {
  switch (op) {
    case "eq":
      return cmp === 0;
    case "gt":
      return cmp > 0;
    case "ge":
      return cmp >= 0;
    case "lt":
      return cmp < 0;
    case "le":
      return cmp <= 0;
    default:
      return false;
  }
}

const sign = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

function compareStrings(op: PositiveOp, actual: string, expected: string, caseExact: boolean): boolean {
  const a = caseExact ? actual : actual.toLowerCase();
  const e = caseExact ? expected : expected.toLowerCase();
  if (op === "co") return a.includes(e);
  if (op === "sw") return a.startsWith(e);
  if (op === "ew") return a.endsWith(e);
  return order(op, sign(a, e));
}

function toBoolean(value: FilterValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  // Some clients quote booleans (`active eq "True"`).
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return undefined;
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

/**
 * Compares one attribute value with a filter value (not null) following the attribute's type and caseExact.
 * Throws invalidFilter for operators that make no sense for the type (RFC 7644 §3.4.2.2: gt/ge/lt/le on
 * boolean or binary attributes).
 */
export function compareValue(
  op: PositiveOp,
  actual: unknown,
  expected: Exclude<FilterValue, null>,
  def: AttributeDef | undefined,
  name: string,
): boolean {
  const type = def?.type ?? inferType(actual);
  const caseExact = def?.caseExact ?? false;
  const unsupported = () => invalidFilter(`Operator '${op}' is not supported for ${type} attribute '${name}'`);

  switch (type) {
    case "boolean": {
      if (op !== "eq") throw unsupported();
      const wanted = toBoolean(expected);
      return typeof actual === "boolean" && wanted !== undefined && actual === wanted;
    }
    case "integer":
    case "decimal": {
      if (STRING_OPS.has(op)) throw unsupported();
      const a = toNumber(actual);
      const e = toNumber(expected);
      return !Number.isNaN(a) && !Number.isNaN(e) && order(op, sign(a, e));
    }
    case "dateTime": {
      if (typeof actual !== "string") return false;
      const e = String(expected);
      if (!STRING_OPS.has(op)) {
        const a = Date.parse(actual);
        const b = Date.parse(e);
        // Compare instants, so "2011-05-13T04:42:34Z" equals "2011-05-13T04:42:34.000Z".
        if (!Number.isNaN(a) && !Number.isNaN(b)) return order(op, sign(a, b));
      }
      return compareStrings(op, actual, e, caseExact);
    }
    case "binary":
      if (ORDER_OPS.has(op)) throw unsupported();
      return typeof actual === "string" && compareStrings(op, actual, String(expected), true);
    case "complex":
      throw invalidFilter(`Cannot compare complex attribute '${name}' directly; filter on one of its sub-attributes`);
    default: {
      // string and reference; numbers or booleans given for them compare by their text.
      if (typeof actual !== "string" && typeof actual !== "number" && typeof actual !== "boolean") return false;
      return compareStrings(op, String(actual), String(expected), caseExact);
    }
  }
}
