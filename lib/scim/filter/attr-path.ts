import type { AttrPath } from "./ast";

// RFC 7643 ATTRNAME (ALPHA *(nameChar)), plus a leading "$" for "$ref".
const ATTR_NAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;
const URN_PREFIX = /^urn:[^:]/i;

export const isAttrName = (name: string) => ATTR_NAME.test(name);

/**
 * Parses `[URI ":"] ATTRNAME ["." ATTRNAME]`, or returns null. Schema URNs contain dots (`...:core:2.0:User`) but
 * attribute names never contain colons, so the URN is everything before the last colon and only the remainder
 * is split on ".".
 */
export function parseAttrPath(text: string): AttrPath | null {
  const colon = text.lastIndexOf(":");
  let uri: string | undefined;
  let rest = text;
  if (colon >= 0) {
    uri = text.slice(0, colon);
    rest = text.slice(colon + 1);
    if (!URN_PREFIX.test(uri)) return null;
  }
  const dot = rest.indexOf(".");
  const attr = dot < 0 ? rest : rest.slice(0, dot);
  const sub = dot < 0 ? undefined : rest.slice(dot + 1);
  if (!isAttrName(attr) || (sub !== undefined && !isAttrName(sub))) return null;
  const path: AttrPath = { attr };
  if (uri !== undefined) path.uri = uri;
  if (sub !== undefined) path.sub = sub;
  return path;
}

/** Formats a path back to its textual form, for error details. */
export function formatAttrPath(path: AttrPath): string {
  const name = path.sub === undefined ? path.attr : `${path.attr}.${path.sub}`;
  if (path.uri === undefined) return name;
  return name === "" ? path.uri : `${path.uri}:${name}`;
}
