import { invalidFilter, invalidPath } from "../errors";
import { ENTERPRISE_USER_SCHEMA_ID, GROUP_SCHEMA_ID, USER_SCHEMA_ID } from "../urns";
import type { Filter, PatchPath } from "./ast";
import { isAttrName } from "./attr-path";
import { Parser, type FilterLimits } from "./parser";
import { at, tokenize, type ErrorFactory } from "./tokenize";

export type { FilterLimits } from "./parser";

export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_COMPARISONS = 64;

export const DEFAULT_FILTER_LIMITS: FilterLimits = {
  maxLength: MAX_FILTER_LENGTH,
  maxDepth: MAX_FILTER_DEPTH,
  maxComparisons: MAX_FILTER_COMPARISONS,
};

/** Schema URNs that may appear alone as a PATCH path, addressing a whole extension. */
export const DEFAULT_PATCH_SCHEMA_URIS: readonly string[] = [
  ENTERPRISE_USER_SCHEMA_ID,
  USER_SCHEMA_ID,
  GROUP_SCHEMA_ID,
];

function makeParser(text: string, limits: Partial<FilterLimits> | undefined, fail: ErrorFactory, what: string) {
  const merged: FilterLimits = { ...DEFAULT_FILTER_LIMITS, ...limits };
  if (text.length > merged.maxLength) {
    throw fail(`${what} is too long (${text.length} characters; maximum is ${merged.maxLength})`);
  }
  if (text.trim() === "") throw fail(`${what} is empty`);
  return new Parser(tokenize(text, fail), merged, fail);
}

/**
 * Parses an RFC 7644 §3.4.2.2 filter. Keywords and operators are case-insensitive; unquoted values are read as
 * strings unless they are `true`/`false`/`null` or JSON numbers. Throws ScimError 400 `invalidFilter`.
 */
export function parseFilter(text: string, limits?: Partial<FilterLimits>): Filter {
  const parser = makeParser(text, limits, invalidFilter, "Filter");
  const filter = parser.parseFilter();
  parser.expectEnd();
  return filter;
}

export type PatchPathOptions = { limits?: Partial<FilterLimits>; schemaUris?: readonly string[] };

/**
 * Parses an RFC 7644 §3.5.2 PATCH path: `attrPath`, `attrPath[valFilter]` or `attrPath[valFilter].subAttr`, each
 * optionally URN-qualified. A path that is exactly a known schema URN (e.g. the enterprise extension) addresses
 * the whole extension object and is returned as `{ path: { uri: <urn as written>, attr: "" } }`. The core User and
 * Group URNs are in the default list too, so a bare core URN also comes back with `attr: ""` (the whole
 * resource) instead of being misread as `{ uri: "...:core:2.0", attr: "User" }`; callers may reject it.
 * Throws ScimError 400 `invalidPath`.
 */
export function parsePatchPath(text: string, options: PatchPathOptions = {}): PatchPath {
  const trimmed = text.trim();
  const schemaUris = options.schemaUris ?? DEFAULT_PATCH_SCHEMA_URIS;
  const lower = trimmed.toLowerCase();
  if (schemaUris.some((uri) => uri.toLowerCase() === lower)) return { path: { uri: trimmed, attr: "" } };

  const parser = makeParser(trimmed, options.limits, invalidPath, "PATCH path");
  const first = parser.next();
  if (first?.kind !== "word") {
    throw invalidPath(`PATCH path must start with an attribute name; found '${first?.text}' ${at(first?.pos ?? 0)}`);
  }
  const path = parser.parsePath(first);
  const open = parser.peek();
  if (open?.kind !== "lbracket") {
    ensureEnd(parser);
    return { path };
  }
  if (path.sub !== undefined) {
    throw invalidPath(`A value filter cannot follow the sub-attribute '${first.text}' ${at(open.pos)}`);
  }
  parser.next();
  const result: PatchPath = { path, filter: parser.parseBracketed(open) };
  const rest = parser.peek();
  if (rest?.kind === "word" && rest.text.startsWith(".")) {
    const subAttr = rest.text.slice(1);
    if (!isAttrName(subAttr)) throw invalidPath(`Invalid sub-attribute '${subAttr}' ${at(rest.pos + 1)}`);
    result.subAttr = subAttr;
    parser.next();
  }
  ensureEnd(parser);
  return result;
}

function ensureEnd(parser: Parser): void {
  const token = parser.peek();
  if (token !== undefined) throw invalidPath(`Unexpected '${token.text}' ${at(token.pos)} in PATCH path`);
}
