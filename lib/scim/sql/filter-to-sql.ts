import { invalidFilter, invalidValue } from "../errors";
import { formatAttrPath, parseAttrPath } from "../filter/attr-path";
import type { AttrPath, CompareOp, Filter, FilterValue } from "../filter/ast";
import { resolveAttribute } from "../schema/resolve";
import type { ResourceSchemas } from "../schema/types";
import type { Column, ColumnMap, MultiValued } from "./columns";
import type { Params } from "./dialect";

// Translates a parsed filter into a SQL condition over the resource's tables, so filtering happens in the
// database (and on its indexes), never by loading rows into memory. Values always travel as parameters.

export type FilterContext = { schemas: ResourceSchemas; columns: ColumnMap; params: Params };

export function filterToSql(filter: Filter, ctx: FilterContext): string {
  switch (filter.kind) {
    case "and":
      return `(${filterToSql(filter.left, ctx)} AND ${filterToSql(filter.right, ctx)})`;
    case "or":
      return `(${filterToSql(filter.left, ctx)} OR ${filterToSql(filter.right, ctx)})`;
    case "not":
      // SQL's NULL would make `NOT (title = 'x')` drop users without a title; SCIM's `not` keeps them.
      return `(NOT COALESCE(${filterToSql(filter.filter, ctx)}, ${ctx.params.dialect.boolean(false)}))`;
    case "present":
    case "compare":
    case "valuePath":
      return attributeCondition(filter, ctx);
  }
}

const describe = formatAttrPath;

function attributeCondition(filter: Extract<Filter, { path: AttrPath }>, ctx: FilterContext): string {
  const resolved = resolveAttribute(ctx.schemas, filter.path);
  if (!resolved) throw invalidFilter(`Unknown attribute "${describe(filter.path)}".`);
  const mapping = ctx.columns(resolved.name) ?? (resolved.subName ? ctx.columns(`${resolved.name}.${resolved.subName}`) : null);
  if (!mapping || resolved.def.returned === "never") throw invalidFilter(`The attribute "${describe(filter.path)}" cannot be filtered on.`);
  if (mapping.kind === "column") {
    if (filter.kind === "valuePath") throw invalidFilter(`"${describe(filter.path)}" is not multi-valued.`);
    return filter.kind === "present" ? present(mapping) : compare(mapping, filter.op, filter.value, ctx.params);
  }
  let inner: string;
  if (filter.kind === "valuePath") {
    if (resolved.subName) throw invalidFilter(`A value filter cannot follow a sub-attribute ("${describe(filter.path)}").`);
    inner = subFilter(filter.filter, mapping, ctx);
  } else {
    const column = subColumn(mapping, resolved.subName ?? mapping.defaultSub, describe(filter.path));
    inner = filter.kind === "present" ? (resolved.subName ? present(column) : "1 = 1") : compare(column, filter.op, filter.value, ctx.params);
  }
  return `${mapping.outer} IN (SELECT ${mapping.key} FROM ${mapping.table} WHERE ${mapping.where ? `${mapping.where} AND ` : ""}${inner})`;
}

function subColumn(mapping: MultiValued, name: string, described: string): Column {
  const key = Object.keys(mapping.subAttributes).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) throw invalidFilter(`The attribute "${described}" cannot be filtered on.`);
  return mapping.subAttributes[key];
}

/** The filter inside `emails[...]`: its paths name sub-attributes of the multi-valued attribute. */
function subFilter(filter: Filter, mapping: MultiValued, ctx: FilterContext): string {
  switch (filter.kind) {
    case "and":
      return `(${subFilter(filter.left, mapping, ctx)} AND ${subFilter(filter.right, mapping, ctx)})`;
    case "or":
      return `(${subFilter(filter.left, mapping, ctx)} OR ${subFilter(filter.right, mapping, ctx)})`;
    case "not":
      return `(NOT COALESCE(${subFilter(filter.filter, mapping, ctx)}, ${ctx.params.dialect.boolean(false)}))`;
    case "valuePath":
      throw invalidFilter("Value filters cannot be nested.");
    case "present":
    case "compare": {
      if (filter.path.sub || filter.path.uri) throw invalidFilter(`"${describe(filter.path)}" is not a sub-attribute here.`);
      const column = subColumn(mapping, filter.path.attr, filter.path.attr);
      return filter.kind === "present" ? present(column) : compare(column, filter.op, filter.value, ctx.params);
    }
  }
}

function present(column: Column): string {
  if (column.booleanExpression) return "1 = 1";
  if (column.type === "string") return `(${column.sql} IS NOT NULL AND ${column.sql} <> '')`;
  return `${column.sql} IS NOT NULL`;
}

function compare(column: Column, op: CompareOp, value: FilterValue, params: Params): string {
  if (value === null) {
    if (op === "eq") return `${column.sql} IS NULL`;
    if (op === "ne") return `${column.sql} IS NOT NULL`;
    throw invalidFilter(`"${op}" cannot compare with null.`);
  }
  if (column.type === "boolean") return compareBoolean(column, op, value, params);
  if (column.type === "dateTime") return compareDate(column, op, value, params);
  return compareString(column, op, String(value), params);
}

function compareBoolean(column: Column, op: CompareOp, value: FilterValue, params: Params): string {
  if (op !== "eq" && op !== "ne") throw invalidFilter(`"${op}" cannot be used on a boolean attribute.`);
  let bool: boolean;
  if (typeof value === "boolean") bool = value;
  else if (typeof value === "string" && /^(true|false)$/i.test(value)) bool = value.toLowerCase() === "true";
  else throw invalidFilter(`"${String(value)}" is not a boolean.`);
  const wanted = op === "eq" ? bool : !bool;
  if (column.booleanExpression) return column.booleanExpression(wanted);
  const condition = `${column.sql} = ${params.dialect.boolean(wanted)}`;
  return op === "ne" ? `(${column.sql} IS NULL OR ${condition})` : condition;
}

const ORDERING: Partial<Record<CompareOp, string>> = { eq: "=", gt: ">", ge: ">=", lt: "<", le: "<=" };

function compareDate(column: Column, op: CompareOp, value: FilterValue, params: Params): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw invalidFilter(`"${String(value)}" is not a dateTime (xsd:dateTime, e.g. 2024-01-31T12:00:00Z).`);
  const p = params.dialect.timestampParam(params.add(params.dialect.timestamp(date)));
  if (op === "ne") return `(${column.sql} IS NULL OR ${column.sql} <> ${p})`;
  const sqlOp = ORDERING[op];
  if (!sqlOp) throw invalidFilter(`"${op}" cannot be used on a dateTime attribute.`);
  return `${column.sql} ${sqlOp} ${p}`;
}

function compareString(column: Column, op: CompareOp, value: string, params: Params): string {
  const d = params.dialect;
  const needle = column.lowercased ? value.toLowerCase() : value;
  const length = [...needle].length;
  // Every string ends with "": no parameter to bind (an unbound one would break the whole statement).
  if (op === "ew" && length === 0) return `${column.sql} IS NOT NULL`;
  let lhs = column.sql;
  let rhs: string;
  if (column.caseExact || column.lowercased) rhs = params.add(needle);
  else {
    // Both sides through the database's own lower(), so they fold alike (on SQLite that folds ASCII only).
    lhs = `lower(${column.sql})`;
    rhs = `lower(${params.add(value)})`;
  }
  switch (op) {
    case "ne":
      return `(${column.sql} IS NULL OR ${lhs} <> ${rhs})`;
    case "co":
      return d.contains(lhs, rhs);
    case "sw":
      return d.startsWith(lhs, rhs, length);
    case "ew":
      return d.endsWith(lhs, rhs, length);
    default:
      return `${lhs} ${ORDERING[op]} ${rhs}`;
  }
}

/** The ORDER BY expression for `sortBy`, or a 400 for attributes that cannot be sorted on. */
export function sortToSql(sortBy: string, schemas: ResourceSchemas, columns: ColumnMap): string {
  const path = parseAttrPath(sortBy.trim());
  const resolved = path ? resolveAttribute(schemas, path) : null;
  // A sub-attribute sorts only by its own column; a multi-valued attribute by its primary value.
  let mapping = resolved ? columns(resolved.subName ? `${resolved.name}.${resolved.subName}` : resolved.name) : null;
  const parent = resolved?.subName ? columns(resolved.name) : null;
  if (!mapping && parent?.kind === "multi" && parent.defaultSub.toLowerCase() === resolved!.subName!.toLowerCase()) mapping = parent;
  if (!resolved || !mapping) throw invalidValue(`Cannot sort by "${sortBy}".`);
  if (mapping.kind === "multi") {
    if (!mapping.sortSql) throw invalidValue(`Cannot sort by "${sortBy}".`);
    return mapping.sortSql;
  }
  if (mapping.booleanExpression) return `(${mapping.booleanExpression(true)})`;
  return mapping.type === "string" && !mapping.caseExact && !mapping.lowercased ? `lower(${mapping.sql})` : mapping.sql;
}
