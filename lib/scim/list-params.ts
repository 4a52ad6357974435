import { invalidSyntax, invalidValue } from "./errors";
import type { Filter } from "./filter/ast";
import { parseFilter } from "./filter/parse-filter";
import { parseAttributeList } from "./projection";
import { isObject, member } from "./users/values";
import { SEARCH_REQUEST_MESSAGE_ID } from "./urns";

export type PagingLimits = { defaultCount: number; maxCount: number };

export type ListParams = {
  filter?: Filter;
  /** 1-based (RFC 7644 §3.4.2.4); values below 1 mean 1. */
  startIndex: number;
  /** 0 asks for totalResults only; capped at maxCount. */
  count: number;
  sortBy?: string;
  sortOrder: "ascending" | "descending";
  attributes: string[];
  excludedAttributes: string[];
};

type Raw = { filter?: unknown; startIndex?: unknown; count?: unknown; sortBy?: unknown; sortOrder?: unknown; attributes?: unknown; excludedAttributes?: unknown };

/** List parameters from a GET query string (parameter names matched case-insensitively). */
export function listParamsFromQuery(search: URLSearchParams, limits: PagingLimits): ListParams {
  const get = (name: string) => {
    for (const [key, value] of search) if (key.toLowerCase() === name.toLowerCase()) return value;
    return undefined;
  };
  return build(
    {
      filter: get("filter"),
      startIndex: get("startIndex"),
      count: get("count"),
      sortBy: get("sortBy"),
      sortOrder: get("sortOrder"),
      attributes: get("attributes"),
      excludedAttributes: get("excludedAttributes"),
    },
    limits,
  );
}

/** List parameters from a POST /.search body (RFC 7644 §3.4.3). */
export function listParamsFromSearchBody(body: unknown, limits: PagingLimits): ListParams {
  if (!isObject(body)) throw invalidSyntax("The search request must be a JSON object.");
  const schemas = member(body, "schemas");
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((s) => typeof s === "string" && s.toLowerCase() === SEARCH_REQUEST_MESSAGE_ID.toLowerCase()))) {
    throw invalidSyntax(`"schemas" must be ["${SEARCH_REQUEST_MESSAGE_ID}"].`);
  }
  const list = (value: unknown, name: string) => {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(",");
    if (typeof value === "string") return value;
    throw invalidValue(`"${name}" must be an array of attribute names.`);
  };
  return build(
    {
      filter: member(body, "filter"),
      startIndex: member(body, "startIndex"),
      count: member(body, "count"),
      sortBy: member(body, "sortBy"),
      sortOrder: member(body, "sortOrder"),
      attributes: list(member(body, "attributes"), "attributes"),
      excludedAttributes: list(member(body, "excludedAttributes"), "excludedAttributes"),
    },
    limits,
  );
}

function integer(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw invalidValue(`"${name}" must be an integer.`);
    return value;
  }
  // Only numbers and numeric strings: String() of an arbitrary JSON object can throw (a `toString` member).
  if (typeof value !== "string") throw invalidValue(`"${name}" must be an integer.`);
  const text = value.trim();
  if (text === "") return undefined;
  if (!/^[+-]?\d{1,9}$/.test(text)) throw invalidValue(`"${name}" must be an integer.`);
  return Number(text);
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw invalidValue(`"${name}" must be a string.`);
  return value;
}

function build(raw: Raw, limits: PagingLimits): ListParams {
  const filterText = text(raw.filter, "filter");
  const startIndex = Math.max(1, integer(raw.startIndex, "startIndex") ?? 1);
  const count = Math.min(limits.maxCount, Math.max(0, integer(raw.count, "count") ?? limits.defaultCount));
  const order = text(raw.sortOrder, "sortOrder")?.toLowerCase() ?? "ascending";
  if (order !== "ascending" && order !== "descending") throw invalidValue('"sortOrder" must be "ascending" or "descending".');
  return {
    filter: filterText === undefined ? undefined : parseFilter(filterText),
    startIndex,
    count,
    sortBy: text(raw.sortBy, "sortBy")?.trim() || undefined,
    sortOrder: order,
    attributes: parseAttributeList(text(raw.attributes, "attributes")),
    excludedAttributes: parseAttributeList(text(raw.excludedAttributes, "excludedAttributes")),
  };
}
