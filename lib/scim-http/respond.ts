import { weakEtag } from "../scim/etag";

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

export function scimJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return scimJsonText(JSON.stringify(body), init);
}

/** A SCIM response whose body is already JSON text. */
export function scimJsonText(json: string, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(json, {
    status: init.status ?? 200,
    headers: { "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store", ...init.headers },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", ...headers } });
}

/** RFC 7232 §4.1: a 304 carries the ETag and Cache-Control the 200 would have. */
export function notModified(version: number): Response {
  return new Response(null, { status: 304, headers: { ETag: weakEtag(version), "Cache-Control": "no-store" } });
}
