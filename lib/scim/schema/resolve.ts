import type { AttrPath } from "../filter/ast";
import { COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE } from "./common";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "./types";

/** Where an attribute lives in the JSON: top level (common or core) or under its extension URN key. */
export type AttributeLocation = "common" | "core" | "extension";

export type ResolvedAttribute = {
  /** URN of the schema the attribute belongs to; the core schema for common attributes. */
  schemaId: string;
  location: AttributeLocation;
  /** Canonical (schema-cased) top-level name. */
  name: string;
  attribute: AttributeDef;
  /** Canonical sub-attribute name, when the path has one. */
  subName?: string;
  subAttribute?: AttributeDef;
  /** The leaf definition: the sub-attribute if present, otherwise the attribute. */
  def: AttributeDef;
};

const RESOURCE_LEVEL_ATTRIBUTES: readonly AttributeDef[] = [SCHEMAS_ATTRIBUTE, ...COMMON_ATTRIBUTES];

/** Case-insensitive lookup of an attribute by name. */
export function findAttribute(defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined {
  if (defs === undefined) return undefined;
  const lower = name.toLowerCase();
  return defs.find((def) => def.name.toLowerCase() === lower);
}

/** The core schema or one of the extensions with this URN (case-insensitive), or null. */
export function resolveSchemaUri(schemas: ResourceSchemas, uri: string): SchemaDef | null {
  const lower = uri.toLowerCase();
  if (schemas.core.id.toLowerCase() === lower) return schemas.core;
  return schemas.extensions.find((ext) => ext.schema.id.toLowerCase() === lower)?.schema ?? null;
}

export function isExtensionUri(schemas: ResourceSchemas, uri: string): boolean {
  const schema = resolveSchemaUri(schemas, uri);
  return schema !== null && schema !== schemas.core;
}

type Found = { schemaId: string; location: AttributeLocation; attribute: AttributeDef };

function findTopLevel(schemas: ResourceSchemas, path: AttrPath): Found | null {
  const { core } = schemas;
  if (path.uri !== undefined) {
    const schema = resolveSchemaUri(schemas, path.uri);
    if (schema === null) return null;
    if (schema !== core) {
      const attribute = findAttribute(schema.attributes, path.attr);
      return attribute ? { schemaId: schema.id, location: "extension", attribute } : null;
    }
  }
  const common = findAttribute(RESOURCE_LEVEL_ATTRIBUTES, path.attr);
  if (common) return { schemaId: core.id, location: "common", attribute: common };
  const coreAttr = findAttribute(core.attributes, path.attr);
  if (coreAttr) return { schemaId: core.id, location: "core", attribute: coreAttr };
  if (path.uri !== undefined) return null;
  // Unqualified extension attributes (`employeeNumber eq "1"`) are not strictly valid but are unambiguous here.
  for (const { schema } of schemas.extensions) {
    const attribute = findAttribute(schema.attributes, path.attr);
    if (attribute) return { schemaId: schema.id, location: "extension", attribute };
  }
  return null;
}

/**
 * Resolves a path (`userName`, `name.givenName`, `meta.lastModified`, `urn:...:enterprise:2.0:User:manager.value`)
 * case-insensitively against a resource type's schemas. Returns null for unknown attributes, unknown sub-attributes
 * and whole-schema paths (`attr: ""`; use resolveSchemaUri for those).
 */
export function resolveAttribute(schemas: ResourceSchemas, path: AttrPath): ResolvedAttribute | null {
  if (path.attr === "") return null;
  const found = findTopLevel(schemas, path);
  if (found === null) return null;
  const { attribute } = found;
  if (path.sub === undefined) return { ...found, name: attribute.name, def: attribute };
  const subAttribute = findAttribute(attribute.subAttributes, path.sub);
  if (subAttribute === undefined) return null;
  return { ...found, name: attribute.name, subName: subAttribute.name, subAttribute, def: subAttribute };
}
