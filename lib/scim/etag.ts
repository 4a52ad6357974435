import { preconditionFailed } from "./errors";

/** A weak entity tag from a resource's version counter (RFC 7232 §2.3; RFC 7644 §3.14). */
export function weakEtag(version: number): string {
  return `W/"${version}"`;
}

function tags(header: string): string[] {
  return header.split(",").map((t) => t.trim().replace(/^W\//, "")).filter(Boolean);
}

/** Whether an If-None-Match header matches the current version (then a GET answers 304). */
export function noneMatch(header: string | null, version: number): boolean {
  if (!header) return false;
  const current = `"${version}"`;
  return tags(header).some((t) => t === "*" || t === current);
}

/** Throws 412 when an If-Match header names another version than the current one. */
export function assertIfMatch(header: string | null, version: number): void {
  if (!header) return;
  const current = `"${version}"`;
  if (!tags(header).some((t) => t === "*" || t === current)) {
    throw preconditionFailed(`The resource was modified: its version is now W/"${version}".`);
  }
}
