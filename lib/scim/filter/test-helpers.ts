// AST builders shared by the filter tests.
import type { AttrPath, CompareOp, Filter, FilterValue } from "./ast";

export function path(text: string, uri?: string): AttrPath {
  const [attr, sub] = text.split(".");
  const result: AttrPath = { attr };
  if (sub !== undefined) result.sub = sub;
  if (uri !== undefined) result.uri = uri;
  return result;
}

export const cmp = (attr: string | AttrPath, op: CompareOp, value: FilterValue): Filter => ({
  kind: "compare",
  path: typeof attr === "string" ? path(attr) : attr,
  op,
  value,
});
export const pr = (attr: string): Filter => ({ kind: "present", path: path(attr) });
export const and = (left: Filter, right: Filter): Filter => ({ kind: "and", left, right });
export const or = (left: Filter, right: Filter): Filter => ({ kind: "or", left, right });
export const not = (filter: Filter): Filter => ({ kind: "not", filter });
export const vp = (attr: string, filter: Filter): Filter => ({ kind: "valuePath", path: path(attr), filter });
