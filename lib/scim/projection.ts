import { COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE } from "./schema/common";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./schema/types";
import { buildSelection, CORE_CONTAINER, type AttrSelection, type ContainerSelection } from "./projection-selection";

type JsonObject = Record<string, unknown>;

export type ProjectionParams = {
  attributes?: readonly string[];
  excludedAttributes?: readonly string[];
};

type Mode = "include" | "exclude";

const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const EMPTY: ContainerSelection = { whole: false, attrs: new Map() };

// A page projects a hundred resources with the same lists, each member looked up by name: the lookups go through
// maps built once per list of definitions (the schemas are constants), not a case-insensitive search each time.
const byName = new WeakMap<readonly AttributeDef[], Map<string, AttributeDef>>();

/** The definition named `name` (case-insensitive) in `defs`; the first one, as `Array.find` would give. */
function findAttribute(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  if (defs === undefined) return undefined;
  let names = byName.get(defs);
  if (names === undefined) {
    names = new Map();
    for (const def of defs) if (!names.has(def.name.toLowerCase())) names.set(def.name.toLowerCase(), def);
    byName.set(defs, names);
  }
  return names.get(name.toLowerCase());
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Splits an `attributes`/`excludedAttributes` query parameter: comma-separated, trimmed, empty entries dropped. */
export function parseAttributeList(param: string | null | undefined): string[] {
  if (param === null || param === undefined) return [];
  return param
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

const hidden = (def: AttributeDef | undefined) => def?.returned === "never" || def?.returned === "request";

/** Applies `keep(subName, subDef)` to each element of a complex value; drops elements left empty. */
function filterComplex(
  value: unknown,
  def: AttributeDef | undefined,
  keep: (name: string, sub: AttributeDef | undefined) => boolean,
): unknown {
  const pick = (element: unknown): unknown => {
    if (!isObject(element)) return element;
    const out: JsonObject = {};
    for (const key of Object.keys(element)) {
      if (UNSAFE_KEYS.has(key)) continue;
      const sub = findAttribute(def?.subAttributes, key);
      if (keep((sub?.name ?? key).toLowerCase(), sub)) out[key] = element[key];
    }
    return out;
  };
  if (Array.isArray(value)) return value.map(pick).filter((el) => !isObject(el) || Object.keys(el).length > 0);
  return pick(value);
}

const isEmpty = (value: unknown) =>
  (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);

function projectAttribute(
  value: unknown,
  def: AttributeDef | undefined,
  mode: Mode,
  containerWhole: boolean,
  selected: AttrSelection | undefined,
): unknown {
  if (def?.returned === "never") return undefined;
  if (def?.returned === "always") return filterComplex(value, def, (_, sub) => sub?.returned !== "never");
  if (mode === "include") {
    if (selected?.whole || (containerWhole && def?.returned !== "request")) {
      return filterComplex(value, def, (_, sub) => !hidden(sub));
    }
    if (selected === undefined || selected.subs.size === 0) return undefined;
    return filterComplex(
      value,
      def,
      (name, sub) => sub?.returned === "always" || (selected.subs.has(name) && sub?.returned !== "never"),
    );
  }
  if (containerWhole || selected?.whole || def?.returned === "request") return undefined;
  const excludedSubs = selected?.subs ?? new Set<string>();
  return filterComplex(value, def, (name, sub) => sub?.returned === "always" || (!hidden(sub) && !excludedSubs.has(name)));
}

function projectContainer(
  obj: JsonObject,
  defs: readonly AttributeDef[],
  mode: Mode,
  selection: ContainerSelection,
): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const def = findAttribute(defs, key);
    const selected = selection.attrs.get((def?.name ?? key).toLowerCase());
    const value = projectAttribute(obj[key], def, mode, selection.whole, def ? selected : undefined);
    if (value !== undefined && !(isEmpty(value) && !isEmpty(obj[key]))) out[key] = value;
  }
  return out;
}

/**
 * Applies RFC 7644 §3.4.2.5 / §3.9 attribute selection to a resource. With `attributes`, only the named
 * attributes (plus those returned "always": `id`, `schemas`) are kept; otherwise `excludedAttributes` are
 * removed (never the "always" ones). "never" attributes (password) are always dropped and "request" ones are
 * only returned when named. Names are case-insensitive, may be URN-qualified or name a whole extension, and
 * unknown names are ignored. When both lists are given, `attributes` wins.
 */
export function project(resource: JsonObject, params: ProjectionParams, schemas: ResourceSchemas): JsonObject {
  return projector(params, schemas)(resource);
}

/** `project` with these lists, the names resolved once: for the many resources of a list response. */
export function projector(params: ProjectionParams, schemas: ResourceSchemas): (resource: JsonObject) => JsonObject {
  const include = params.attributes !== undefined && params.attributes.length > 0;
  const mode: Mode = include ? "include" : "exclude";
  const selection = buildSelection((include ? params.attributes : params.excludedAttributes) ?? [], schemas);
  const topDefs = [SCHEMAS_ATTRIBUTE, ...COMMON_ATTRIBUTES, ...schemas.core.attributes];
  const core = selection.get(CORE_CONTAINER) ?? EMPTY;
  const extensions = new Map<string, SchemaDef>();
  for (const { schema } of schemas.extensions) if (!extensions.has(schema.id.toLowerCase())) extensions.set(schema.id.toLowerCase(), schema);

  return (resource) => {
    const out: JsonObject = {};
    const topLevel: JsonObject = {};
    const order: string[] = [];
    for (const key of Object.keys(resource)) {
      if (UNSAFE_KEYS.has(key)) continue;
      order.push(key);
      const extension = extensions.get(key.toLowerCase());
      if (extension === undefined) {
        topLevel[key] = resource[key];
        continue;
      }
      const value = resource[key];
      if (!isObject(value)) continue;
      const projected = projectContainer(value, extension.attributes, mode, selection.get(key.toLowerCase()) ?? EMPTY);
      if (Object.keys(projected).length > 0) out[key] = projected;
    }
    const projectedCore = projectContainer(topLevel, topDefs, mode, core);
    // Rebuild in the resource's original key order.
    const result: JsonObject = {};
    for (const key of order) {
      if (Object.hasOwn(projectedCore, key)) result[key] = projectedCore[key];
      else if (Object.hasOwn(out, key)) result[key] = out[key];
    }
    return result;
  };
}
