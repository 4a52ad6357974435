import { invalidPath, noTarget, ScimError, isScimError } from "../errors";
import type { ResourceSchemas } from "../schema/types";
import type { PatchContext } from "./context";
import { cloneJson, isAssigned, jsonEqual, pruneUnassigned } from "./json";
import { removeTarget } from "./ops-remove";
import { writeTarget } from "./ops-write";
import { parsePatchBody, type PatchOperation } from "./parse-body";
import { extensionSchemas, findExtension, toResourceSchemas } from "./schemas";
import { parseTarget } from "./target";
import type { PatchOptions, PatchResult, ScimResource } from "./types";
import { applyExtensionValue, applyValueMap, removeExtension } from "./value-map";

/**
 * Applies an RFC 7644 §3.5.2 PATCH body to a resource. Operations run in order on a copy; the first failing one
 * throws its ScimError (detail prefixed with `Operations[i]`) and the input is never modified. `changed` is false
 * when the result equals the input "in state" (RFC 7643 §2.5: null and [] count as unassigned).
 */
export function applyPatch(resource: ScimResource, body: unknown, options: PatchOptions): PatchResult {
  const schemas = toResourceSchemas(options.schemas);
  const operations = parsePatchBody(body, options.maxOperations);
  const ctx: PatchContext = {
    resource: cloneJson(resource),
    schemas,
    written: new Set(),
    touchedExtensions: new Set(),
    indexes: new WeakMap(),
  };
  canonicaliseExtensionKeys(ctx.resource, schemas);
  const hadExtension = new Map(extensionSchemas(schemas).map((ext) => [ext.id, isAssigned(ctx.resource[ext.id])]));
  for (const operation of operations) {
    ctx.written.clear();
    try {
      applyOperation(ctx, operation);
    } catch (err) {
      if (!isScimError(err)) throw err;
      throw new ScimError(err.status, `Operations[${operation.index}]: ${err.detail}`, err.scimType);
    }
  }
  syncSchemaUris(ctx, hadExtension);
  const changed = !jsonEqual(pruneUnassigned(resource), pruneUnassigned(ctx.resource));
  return { resource: ctx.resource, changed };
}

function applyOperation(ctx: PatchContext, { op, path, value }: PatchOperation): void {
  if (path === undefined) {
    // RFC 7644 §3.5.2.2: remove without a path fails with noTarget.
    if (op === "remove") throw noTarget("remove requires a path");
    applyValueMap(ctx, op, value);
    return;
  }
  const target = parseTarget(path, ctx.schemas);
  if (target.kind === "resource") {
    if (op === "remove") throw invalidPath(`Cannot remove the whole resource ('${path}')`);
    applyValueMap(ctx, op, value);
  } else if (target.kind === "extension") {
    if (op === "remove") removeExtension(ctx, target.schema);
    else applyExtensionValue(ctx, op, target.schema, value);
  } else if (op === "remove") {
    removeTarget(ctx, target, value);
  } else {
    writeTarget(ctx, op, target, value);
  }
}

/** Extension objects live under their canonical URN key, whatever case the stored resource used. */
function canonicaliseExtensionKeys(resource: ScimResource, schemas: ResourceSchemas): void {
  for (const key of Object.keys(resource)) {
    const ext = findExtension(schemas, key);
    if (ext === undefined || key === ext.id) continue;
    if (!isAssigned(resource[ext.id])) resource[ext.id] = resource[key];
    delete resource[key];
  }
}

/**
 * Keeps `schemas` in step with the extensions: an extension that gained its first attribute is listed, one whose
 * last attribute was removed is unlisted (and its empty object dropped). Other entries are left as they were.
 */
function syncSchemaUris(ctx: PatchContext, hadExtension: ReadonlyMap<string, boolean>): void {
  const { resource } = ctx;
  for (const id of ctx.touchedExtensions) {
    const present = isAssigned(resource[id]);
    if (!present) delete resource[id];
    if (present === hadExtension.get(id)) continue;
    const lower = id.toLowerCase();
    const isThis = (uri: unknown) => typeof uri === "string" && uri.toLowerCase() === lower;
    const listed = Array.isArray(resource.schemas) ? resource.schemas : [];
    if (!present) resource.schemas = listed.filter((uri) => !isThis(uri));
    else if (!listed.some(isThis)) resource.schemas = [...listed, id];
  }
}
