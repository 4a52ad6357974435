import type { Filter } from "../filter/ast";
import { resolveAttribute } from "../schema/resolve";
import type { ResourceSchemas } from "../schema/types";
import type { ColumnMap } from "./columns";

/**
 * Whether a filter can match at most one resource: it requires an attribute no two resources share (a `unique`
 * column) to equal a value, at its top level or in a conjunct of an `and`. Such a lookup (Okta's and Entra's
 * `userName eq "…"`) needs no order, no page and no count. Anything this cannot prove is `false`.
 */
export function matchesAtMostOne(filter: Filter, schemas: ResourceSchemas, columns: ColumnMap): boolean {
  switch (filter.kind) {
    case "and":
      return matchesAtMostOne(filter.left, schemas, columns) || matchesAtMostOne(filter.right, schemas, columns);
    case "compare": {
      // `eq null` and other types are left to the full path, which rejects or handles them.
      if (filter.op !== "eq" || typeof filter.value !== "string") return false;
      const resolved = resolveAttribute(schemas, filter.path);
      if (!resolved || resolved.subName) return false;
      const mapping = columns(resolved.name);
      return mapping?.kind === "column" && mapping.unique === true;
    }
    default:
      return false;
  }
}
