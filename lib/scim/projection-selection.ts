import { parseAttrPath } from "./filter/attr-path";
import { resolveAttribute } from "./schema/resolve";
import type { ResourceSchemas } from "./schema/types";

/** Key of the top-level container (common + core attributes); extensions are keyed by their lower-cased URN. */
export const CORE_CONTAINER = "";

/** One named attribute: the whole of it, or some of its sub-attributes (lower-cased canonical names). */
export type AttrSelection = { whole: boolean; subs: Set<string> };

export type ContainerSelection = { whole: boolean; attrs: Map<string, AttrSelection> };

/** The attributes named in an `attributes` or `excludedAttributes` list, resolved against the schemas. */
export type Selection = Map<string, ContainerSelection>;

function container(selection: Selection, key: string): ContainerSelection {
  let found = selection.get(key);
  if (found === undefined) {
    found = { whole: false, attrs: new Map() };
    selection.set(key, found);
  }
  return found;
}

/** Names that are not attribute paths or do not resolve are ignored (RFC 7644 §3.4.2.5 leaves this open). */
export function buildSelection(names: readonly string[], schemas: ResourceSchemas): Selection {
  const selection: Selection = new Map();
  for (const raw of names) {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (lower === schemas.core.id.toLowerCase()) {
      container(selection, CORE_CONTAINER).whole = true;
      continue;
    }
    const extension = schemas.extensions.find((ext) => ext.schema.id.toLowerCase() === lower);
    if (extension !== undefined) {
      container(selection, lower).whole = true;
      continue;
    }
    const path = parseAttrPath(name);
    const resolved = path === null ? null : resolveAttribute(schemas, path);
    if (resolved === null) continue;
    const key = resolved.location === "extension" ? resolved.schemaId.toLowerCase() : CORE_CONTAINER;
    const attrs = container(selection, key).attrs;
    const attrKey = resolved.name.toLowerCase();
    let attr = attrs.get(attrKey);
    if (attr === undefined) {
      attr = { whole: false, subs: new Set() };
      attrs.set(attrKey, attr);
    }
    if (resolved.subName === undefined) attr.whole = true;
    else attr.subs.add(resolved.subName.toLowerCase());
  }
  return selection;
}
