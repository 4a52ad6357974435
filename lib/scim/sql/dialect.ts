// The few places where SQLite and PostgreSQL SQL differ, for the filter and sort translation.

export type DialectName = "sqlite" | "postgresql";

export type Dialect = {
  name: DialectName;
  placeholder: (index: number) => string;
  boolean: (value: boolean) => string;
  /** `haystack` contains `needle` (both SQL expressions). */
  contains: (haystack: string, needle: string) => string;
  startsWith: (haystack: string, needle: string, length: number) => string;
  endsWith: (haystack: string, needle: string, length: number) => string;
  /** A timestamp parameter in the form the column stores. */
  timestamp: (date: Date) => unknown;
  timestampParam: (placeholder: string) => string;
  /**
   * A JSON array of objects built from `fields` ([key, SQL expression]) over `from` (`"T" x WHERE …`), in `orderBy`
   * order: one query returns a row with its children.
   */
  jsonList: (fields: [string, string][], from: string, orderBy: string) => string;
  /** A JSON object of `fields`: a whole row as one value, which the drivers hand over far faster than many columns. */
  jsonObject: (fields: [string, string][]) => string;
  /** A JSON array of `values` (SQL expressions): a row without its keys, smaller to build, send and parse. */
  jsonArray: (values: string[]) => string;
  /** Like jsonList, with each child a JSON array of `values` instead of an object. */
  jsonArrayList: (values: string[], from: string, orderBy: string) => string;
};

/**
 * SQLite: the children are aggregated over a subquery, which alone can order them, and JSON built inside a
 * subquery reaches the outer query as text. So the subquery selects plain columns ("j0", "j1", …) and the JSON of
 * each child is built by the aggregate itself; only the finished array is re-read by json(), to nest as JSON.
 */
function sqliteList(build: (columns: string[]) => string, values: string[], from: string, orderBy: string): string {
  const columns = values.map((_, i) => `"j${i}"`);
  const select = values.map((v, i) => `${v} AS ${columns[i]}`).join(", ");
  return `json((SELECT json_group_array(${build(columns)}) FROM (SELECT ${select} FROM ${from} ORDER BY ${orderBy})))`;
}

export const sqlite: Dialect = {
  name: "sqlite",
  placeholder: () => "?",
  boolean: (value) => (value ? "1" : "0"),
  contains: (h, n) => `instr(${h}, ${n}) > 0`,
  startsWith: (h, n, length) => `substr(${h}, 1, ${length}) = ${n}`,
  endsWith: (h, n, length) => `substr(${h}, -${length}) = ${n}`,
  // Prisma keeps SQLite DateTime values as ISO-8601 text with a "+00:00" offset, which sorts chronologically.
  timestamp: (date) => date.toISOString().replace("Z", "+00:00"),
  timestampParam: (p) => p,
  jsonList: (fields, from, orderBy) =>
    sqliteList((columns) => `json_object(${fields.map(([k], i) => `'${k}', ${columns[i]}`).join(", ")})`, fields.map(([, v]) => v), from, orderBy),
  jsonObject: (fields) => `json_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`,
  jsonArray: (values) => `json_array(${values.join(", ")})`,
  jsonArrayList: (values, from, orderBy) => sqliteList((columns) => `json_array(${columns.join(", ")})`, values, from, orderBy),
};

export const postgresql: Dialect = {
  name: "postgresql",
  placeholder: (index) => `$${index}`,
  boolean: (value) => (value ? "true" : "false"),
  contains: (h, n) => `strpos(${h}, ${n}) > 0`,
  startsWith: (h, n, length) => `left(${h}, ${length}) = ${n}`,
  endsWith: (h, n, length) => `right(${h}, ${length}) = ${n}`,
  // Prisma's PostgreSQL DateTime is timestamp(3) without time zone, holding UTC.
  timestamp: (date) => date.toISOString().replace("T", " ").replace("Z", ""),
  timestampParam: (p) => `${p}::timestamp(3)`,
  jsonList: (fields, from, orderBy) =>
    `(SELECT coalesce(json_agg(json_build_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")}) ORDER BY ${orderBy}), '[]'::json) FROM ${from})`,
  // json_build_object takes at most 100 arguments (50 fields).
  jsonObject: (fields) => `json_build_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`,
  // Like json_build_object, at most 100 arguments.
  jsonArray: (values) => `json_build_array(${values.join(", ")})`,
  jsonArrayList: (values, from, orderBy) =>
    `(SELECT coalesce(json_agg(json_build_array(${values.join(", ")}) ORDER BY ${orderBy}), '[]'::json) FROM ${from})`,
};

export function dialectFor(name: DialectName): Dialect {
  return name === "sqlite" ? sqlite : postgresql;
}

/** Collects parameters and hands out placeholders in order. */
export class Params {
  readonly values: unknown[] = [];
  constructor(readonly dialect: Dialect) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}
