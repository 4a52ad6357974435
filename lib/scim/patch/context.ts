import { invalidValue, mutability } from "../errors";
import type { AttributeDef, ResourceSchemas } from "../schema/types";
import { findKey, isAssigned, isPlainObject, type JsonObject } from "./json";
import type { ScimResource } from "./types";
import type { ValueIndexes } from "./value-index";

/** State shared by the operations of one PATCH request, applied to a private copy of the resource. */
export type PatchContext = {
  resource: ScimResource;
  schemas: ResourceSchemas;
  /** Values written by the current operation (for primary normalisation). */
  written: Set<unknown>;
  /** Extension URNs whose objects were modified (their `schemas` entry is synchronised at the end). */
  touchedExtensions: Set<string>;
  /** Per-array lookups of multi-valued values by `value` (see value-index.ts). */
  indexes: ValueIndexes;
};

/** The object holding an attribute: the resource itself, or its extension object (created on demand). */
export function getContainer(ctx: PatchContext, extensionId: string | undefined, create: boolean): JsonObject | undefined {
  if (extensionId === undefined) return ctx.resource;
  const current = ctx.resource[extensionId];
  if (isPlainObject(current)) {
    if (create) ctx.touchedExtensions.add(extensionId);
    return current;
  }
  if (!create) return undefined;
  const created: JsonObject = {};
  ctx.resource[extensionId] = created;
  ctx.touchedExtensions.add(extensionId);
  return created;
}

export function readAttribute(container: JsonObject, name: string): unknown {
  const key = findKey(container, name);
  return key === undefined ? undefined : container[key];
}

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : isAssigned(value) ? [value] : []);

/**
 * Stores an attribute under its canonical name (dropping other-cased duplicates). Unassigned values (null, [], {})
 * remove the attribute; RFC 7644 §3.5.2.2 makes unassigning a required attribute a mutability error.
 */
export function writeAttribute(container: JsonObject, def: AttributeDef, value: unknown, label: string): void {
  const lower = def.name.toLowerCase();
  const hadValue = isAssigned(readAttribute(container, def.name));
  if (def.required && value === "") throw invalidValue(`'${label}' is required and cannot be empty`);
  for (const key of Object.keys(container)) {
    if (key !== def.name && key.toLowerCase() === lower) delete container[key];
  }
  if (isAssigned(value)) {
    container[def.name] = value;
    return;
  }
  if (def.required && hadValue) throw mutability(`'${label}' is required and cannot be removed`);
  delete container[def.name];
}
