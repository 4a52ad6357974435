import type { ResourceSchemas, SchemaDef } from "../schema/types";

export function toResourceSchemas(schemas: ResourceSchemas | readonly SchemaDef[]): ResourceSchemas {
  if (!Array.isArray(schemas)) return schemas as ResourceSchemas;
  const [core, ...extensions] = schemas as readonly SchemaDef[];
  if (core === undefined) throw new TypeError("applyPatch: options.schemas must name at least the core schema");
  return { core, extensions: extensions.map((schema) => ({ schema, required: false })) };
}

export const extensionSchemas = (schemas: ResourceSchemas): SchemaDef[] => schemas.extensions.map((ext) => ext.schema);

/** URNs that may appear alone as a PATCH path. */
export const schemaUris = (schemas: ResourceSchemas): string[] => [schemas.core.id, ...extensionSchemas(schemas).map((s) => s.id)];

/** The extension whose URN is `key` (case-insensitive), if any. */
export function findExtension(schemas: ResourceSchemas, key: string): SchemaDef | undefined {
  const lower = key.toLowerCase();
  return extensionSchemas(schemas).find((schema) => schema.id.toLowerCase() === lower);
}

/** True when `key` begins with the URN of one of the resource's schemas (`urn:...:enterprise:2.0:User:manager`). */
export function startsWithKnownUri(schemas: ResourceSchemas, key: string): boolean {
  const lower = key.toLowerCase();
  return schemaUris(schemas).some((uri) => lower.startsWith(`${uri.toLowerCase()}:`) || lower === uri.toLowerCase());
}
