import { invalidSyntax } from "../errors";
import { PATCH_OP_MESSAGE_ID } from "../urns";
import { findKey, isPlainObject, type JsonObject } from "./json";

export type PatchOpName = "add" | "replace" | "remove";

/** One validated PATCH operation. `value` is undefined when the member was absent. */
export type PatchOperation = { index: number; op: PatchOpName; path?: string; value?: unknown };

export const DEFAULT_MAX_OPERATIONS = 1000;

const OP_NAMES: ReadonlySet<string> = new Set<PatchOpName>(["add", "replace", "remove"]);

// Message members are matched case-insensitively (RFC 7644 §3.10 makes attribute names case-insensitive, and
// Microsoft Entra asks servers not to require case-sensitive matches on PATCH structural elements).
function member(obj: JsonObject, name: string): unknown {
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/**
 * Validates an RFC 7644 §3.5.2 PatchOp message and returns its operations in order. Throws ScimError 400
 * `invalidSyntax` for structural problems, including more than `maxOperations` operations.
 */
export function parsePatchBody(body: unknown, maxOperations = DEFAULT_MAX_OPERATIONS): PatchOperation[] {
  if (!isPlainObject(body)) throw invalidSyntax("PATCH body must be a JSON object");

  const schemas = member(body, "schemas");
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s.toLowerCase() === PATCH_OP_MESSAGE_ID.toLowerCase())) {
    throw invalidSyntax(`PATCH body 'schemas' must contain "${PATCH_OP_MESSAGE_ID}"`);
  }

  const operations = member(body, "Operations");
  if (!Array.isArray(operations)) throw invalidSyntax("PATCH body must have an 'Operations' array");
  if (operations.length > maxOperations) {
    throw invalidSyntax(`PATCH body has ${operations.length} operations; the maximum is ${maxOperations}`);
  }
  return operations.map(parseOperation);
}

function parseOperation(raw: unknown, index: number): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isPlainObject(raw)) throw invalidSyntax(`${where} must be a JSON object`);

  const op = member(raw, "op");
  if (typeof op !== "string") throw invalidSyntax(`${where}: 'op' must be a string`);
  const name = op.toLowerCase();
  if (!OP_NAMES.has(name)) throw invalidSyntax(`${where}: unsupported op '${op}'; expected add, replace or remove`);

  const path = member(raw, "path");
  if (path !== undefined && path !== null && typeof path !== "string") {
    throw invalidSyntax(`${where}: 'path' must be a string`);
  }

  const operation: PatchOperation = { index, op: name as PatchOpName };
  if (typeof path === "string") operation.path = path;
  const valueKey = findKey(raw, "value");
  if (valueKey !== undefined) operation.value = raw[valueKey];
  return operation;
}
