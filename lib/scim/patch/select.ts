import { invalidPath, isScimError } from "../errors";
import type { Filter } from "../filter/ast";
import { matchesElement } from "../filter/evaluate";
import type { AttributeDef } from "../schema/types";
import { isPlainObject, type JsonObject } from "./json";

/** The elements of a multi-valued complex attribute selected by a PATCH value filter. */
export function selectElements(list: readonly unknown[], filter: Filter, def: AttributeDef, label: string): JsonObject[] {
  try {
    return list.filter((el): el is JsonObject => isPlainObject(el) && matchesElement(filter, el, def));
  } catch (err) {
    // A filter the evaluator rejects (e.g. `primary gt true`) is a bad PATCH path here, not a bad query filter.
    if (isScimError(err) && err.scimType === "invalidFilter") throw invalidPath(`${label}: ${err.detail}`);
    throw err;
  }
}
