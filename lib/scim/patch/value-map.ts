import { invalidPath, invalidValue, isScimError } from "../errors";
import type { SchemaDef } from "../schema/types";
import type { PatchContext } from "./context";
import { isAssigned, isPlainObject } from "./json";
import { writeTarget, type WriteOp } from "./ops-write";
import { findExtension, startsWithKnownUri } from "./schemas";
import { parseTarget, type Target } from "./target";

const URN = /^urn:/i;

/**
 * add/replace without a path (RFC 7644 §3.5.2.1, §3.5.2.3): `value` is a map of attributes, each applied as if it
 * were the path. Keys may also be dotted or URN-qualified paths (`name.givenName`,
 * `urn:...:enterprise:2.0:User:employeeNumber`): Microsoft Entra sends those with the aadOptscim062020 flag.
 * Unknown attributes are rejected with invalidPath, except keys under a URN that is none of this resource's
 * schemas, which are ignored: Okta sends custom extension namespaces configured in its profile editor.
 * `schemas` is ignored (it is derived from the attributes present).
 */
export function applyValueMap(ctx: PatchContext, op: WriteOp, raw: unknown, extension?: SchemaDef): void {
  if (!isPlainObject(raw)) {
    const where = extension === undefined ? `an ${op} without a path` : `'${extension.id}'`;
    throw invalidValue(`The value of ${where} must be an object of attributes`);
  }
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (extension === undefined && key.toLowerCase() === "schemas") continue;
    const ext = extension === undefined ? findExtension(ctx.schemas, key) : undefined;
    if (ext !== undefined) {
      applyExtensionValue(ctx, op, ext, value);
      continue;
    }
    if (extension === undefined && URN.test(key) && !startsWithKnownUri(ctx.schemas, key)) continue;
    const target = keyTarget(ctx, key, extension);
    if (target.kind === "attribute") writeTarget(ctx, op, target, value);
    else if (target.kind === "extension") applyExtensionValue(ctx, op, target.schema, value);
    else applyValueMap(ctx, op, value);
  }
}

/** A whole extension object: its attributes are applied one by one; replace with null removes the extension. */
export function applyExtensionValue(ctx: PatchContext, op: WriteOp, schema: SchemaDef, value: unknown): void {
  if (value === null && op === "replace") {
    removeExtension(ctx, schema);
    return;
  }
  applyValueMap(ctx, op, value, schema);
}

export function removeExtension(ctx: PatchContext, schema: SchemaDef): void {
  if (!isAssigned(ctx.resource[schema.id])) return;
  delete ctx.resource[schema.id];
  ctx.touchedExtensions.add(schema.id);
}

function keyTarget(ctx: PatchContext, key: string, extension: SchemaDef | undefined): Target {
  const path = extension === undefined || URN.test(key) ? key : `${extension.id}:${key}`;
  try {
    const target = parseTarget(path, ctx.schemas);
    if (extension !== undefined && (target.kind !== "attribute" || target.extensionId !== extension.id)) {
      throw invalidPath(`'${key}' is not an attribute of '${extension.id}'`);
    }
    return target;
  } catch (err) {
    if (isScimError(err) && err.scimType === "invalidPath") {
      throw invalidPath(`Unknown or invalid attribute '${key}' in the value of a PATCH operation: ${err.detail}`);
    }
    throw err;
  }
}
