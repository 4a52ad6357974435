import { errorBody, ScimError, uniqueness } from "../scim/errors";
import { DomainError } from "../users/errors";
import { isDatabaseUnavailable } from "../db/unavailable";
import { isUniqueViolation } from "../db/unique-violation";
import { isWriteConflict } from "../db/write-conflict";
import { log } from "../log";
import { scimJson } from "./respond";

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * The one place errors become SCIM responses (RFC 7644 §3.12): protocol errors carry their own status and
 * scimType, domain errors and unique-index violations map to theirs, anything else is a 500 whose details are
 * logged, never sent.
 */
export function mapError(error: unknown, context: Record<string, unknown> = {}): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof DomainError) {
    if (error.code === "conflict") return uniqueness(error.message);
    return new ScimError(error.code === "not_found" ? 404 : 400, error.message, error.code === "invalid" ? "invalidValue" : undefined);
  }
  if (isDatabaseUnavailable(error)) {
    log.warn("SCIM request refused: database unavailable", { ...context, error: (error as Error).message });
    return new ScimError(503, "The service is temporarily unavailable. Retry later.");
  }
  // A concurrent request claimed the same unique value between our check and our write.
  if (isUniqueViolation(error)) return uniqueness("A resource with the same unique attribute already exists.");
  if (prismaCode(error) === "P2025") return new ScimError(404, "The resource was not found.");
  if (isWriteConflict(error)) {
    log.warn("SCIM request refused: lost a write conflict", { ...context, error: (error as Error).message });
    return new ScimError(503, "The request conflicted with a concurrent change. Retry it.");
  }
  // A transaction that found no connection within its wait, or outlived its timeout: overloaded, not broken, and
  // the IdP retries a 503 later.
  if (prismaCode(error) === "P2028") {
    log.warn("SCIM request refused: database busy", { ...context, error: (error as Error).message });
    return new ScimError(503, "The service is busy. Retry later.");
  }
  log.error("SCIM request failed", { ...context, error });
  return new ScimError(500, "An internal error occurred. It has been logged.");
}

export const RETRY_AFTER_SECONDS = 5;

export function errorResponse(error: ScimError, headers: Record<string, string> = {}): Response {
  const retry: Record<string, string> = error.status === 503 || error.status === 429 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {};
  return scimJson(errorBody(error), { status: error.status, headers: { ...retry, ...headers } });
}
