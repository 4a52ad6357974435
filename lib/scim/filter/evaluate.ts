import { invalidFilter } from "../errors";
import { findAttribute, resolveAttribute } from "../schema/resolve";
import type { AttributeDef, ResourceSchemas } from "../schema/types";
import type { AttrPath, Filter, FilterValue } from "./ast";
import { formatAttrPath } from "./attr-path";
import { compareValue } from "./compare-value";

type JsonObject = Record<string, unknown>;

/** The values a path selects (arrays flattened, null/undefined dropped) and their definition, if known. */
type Target = { values: unknown[]; def: AttributeDef | undefined };

/** Resolves attribute paths against one object: the resource, or one element inside a value filter. */
type Scope = (path: AttrPath) => Target;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Case-insensitive own-property lookup (an exact-case key wins). */
export function getMember(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  if (Object.hasOwn(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

function flatten(value: unknown): unknown[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== undefined && item !== null);
}

/** RFC 7643 §2.5: null, "", [] and {} (or objects holding only such values) count as unassigned. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isObject(value)) return Object.values(value).some(isPresent);
  return true;
}

function subTarget(parent: Target, sub: string | undefined): Target {
  if (sub === undefined) return parent;
  const values = parent.values.flatMap((item) => flatten(getMember(item, sub)));
  const def = findAttribute(parent.def?.subAttributes, sub);
  return { values, def };
}

function resourceScope(resource: JsonObject, schemas: ResourceSchemas): Scope {
  return (path) => {
    const resolved = resolveAttribute(schemas, path);
    if (resolved === null) {
      // Not in the schema: still evaluate against the raw JSON, treating values as case-insensitive strings.
      const container =
        path.uri !== undefined && path.uri.toLowerCase() !== schemas.core.id.toLowerCase()
          ? getMember(resource, path.uri)
          : resource;
      return subTarget({ values: flatten(getMember(container, path.attr)), def: undefined }, path.sub);
    }
    const container = resolved.location === "extension" ? getMember(resource, resolved.schemaId) : resource;
    const top: Target = { values: flatten(getMember(container, resolved.name)), def: resolved.attribute };
    return subTarget(top, resolved.subName);
  };
}

function elementScope(element: JsonObject, defs: readonly AttributeDef[] | undefined): Scope {
  return (path) => {
    const top: Target = { values: flatten(getMember(element, path.attr)), def: findAttribute(defs, path.attr) };
    return subTarget(top, path.sub);
  };
}

/** Comparing a complex attribute itself (`emails co "@x"`) compares its "value" sub-attribute (RFC 7643 §2.4). */
function comparable(target: Target): Target {
  const complex = target.def?.type === "complex" || (target.def === undefined && target.values.some(isObject));
  if (!complex) return target;
  if (target.def !== undefined && findAttribute(target.def.subAttributes, "value") === undefined) return target;
  return subTarget(target, "value");
}

type Comparison = Extract<Filter, { kind: "compare" }>;

function compare(scope: Scope, op: Comparison): boolean {
  const target = scope(op.path);
  if (op.value === null) {
    // `eq null` means "has no value" (RFC 7643 §2.5 treats null and unassigned alike).
    if (op.op === "eq") return !target.values.some(isPresent);
    if (op.op === "ne") return target.values.some(isPresent);
    throw invalidFilter(`Operator '${op.op}' cannot be used with null`);
  }
  const expected: Exclude<FilterValue, null> = op.value;
  const leaf = comparable(target);
  const name = formatAttrPath(op.path);
  // `ne` is the negation of `eq`, so an unassigned attribute is "not equal" and a multi-valued attribute matches
  // only if none of its values is equal.
  if (op.op === "ne") return !leaf.values.some((v) => compareValue("eq", v, expected, leaf.def, name));
  const positive = op.op;
  return leaf.values.some((v) => compareValue(positive, v, expected, leaf.def, name));
}

function evaluate(filter: Filter, scope: Scope): boolean {
  switch (filter.kind) {
    case "and":
      return evaluate(filter.left, scope) && evaluate(filter.right, scope);
    case "or":
      return evaluate(filter.left, scope) || evaluate(filter.right, scope);
    case "not":
      return !evaluate(filter.filter, scope);
    case "present":
      return scope(filter.path).values.some(isPresent);
    case "compare":
      return compare(scope, filter);
    case "valuePath": {
      const target = scope(filter.path);
      const subDefs = target.def?.subAttributes;
      return target.values.some((el) => isObject(el) && evaluate(filter.filter, elementScope(el, subDefs)));
    }
  }
}

/**
 * Evaluates a filter against a SCIM JSON resource in memory. Attribute names resolve case-insensitively through the
 * resource type's schemas; string comparisons honour caseExact; multi-valued attributes match if any value does.
 */
export function matches(filter: Filter, resource: JsonObject, schemas: ResourceSchemas): boolean {
  return evaluate(filter, resourceScope(resource, schemas));
}

/**
 * Evaluates a value filter (the `[...]` of a PATCH path) against one element of a multi-valued attribute, whose
 * sub-attributes are described by `parent` (e.g. the `emails` definition).
 */
export function matchesElement(filter: Filter, element: JsonObject, parent: AttributeDef | undefined): boolean {
  return evaluate(filter, elementScope(element, parent?.subAttributes));
}
