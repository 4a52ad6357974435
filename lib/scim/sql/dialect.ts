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
};

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
  // json() keeps the result JSON when it is nested in another json_object (subtypes do not cross subqueries).
  jsonList: (fields, from, orderBy) =>
    `json((SELECT json_group_array(json(item)) FROM (SELECT json_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")}) AS item FROM ${from} ORDER BY ${orderBy})))`,
  jsonObject: (fields) => `json_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(", ")})`,
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
