import { invalidPath, isScimError } from "../errors";
import type { Filter } from "../filter/ast";
import { matchesElement } from "../filter/evaluate";
import { findAttribute } from "../schema/resolve";
import type { AttributeDef } from "../schema/types";
import type { PatchContext } from "./context";
import { isPlainObject, type JsonObject } from "./json";
import { indexFor, lookup, valueKey } from "./value-index";

/** `value eq "..."` on a string `value` sub-attribute: answered from the value index. */
function valueEquality(filter: Filter, def: AttributeDef): string | undefined {
  if (filter.kind !== "compare" || filter.op !== "eq" || typeof filter.value !== "string") return undefined;
  if (filter.path.uri !== undefined || filter.path.sub !== undefined || filter.path.attr.toLowerCase() !== "value") {
    return undefined;
  }
  const valueDef = findAttribute(def.subAttributes, "value");
  if (valueDef?.type !== "string" && valueDef?.type !== "reference") return undefined;
  return valueKey(def, { value: filter.value });
}

/** The values of a multi-valued complex attribute selected by a PATCH value filter, in list order. */
export function selectElements(
  ctx: PatchContext,
  list: unknown[],
  filter: Filter,
  def: AttributeDef,
  label: string,
): JsonObject[] {
  const key = valueEquality(filter, def);
  if (key !== undefined) {
    const found = lookup(indexFor(ctx.indexes, def, list), key);
    return found.length < 2 ? [...found] : list.filter((el): el is JsonObject => found.includes(el as JsonObject));
  }
  try {
    return list.filter((el): el is JsonObject => isPlainObject(el) && matchesElement(filter, el, def));
  } catch (err) {
    // A filter the evaluator rejects (e.g. `primary gt true`) is a bad PATCH path here, not a bad query filter.
    if (isScimError(err) && err.scimType === "invalidFilter") throw invalidPath(`${label}: ${err.detail}`);
    throw err;
  }
}
