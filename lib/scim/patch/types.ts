import type { ResourceSchemas, SchemaDef } from "../schema/types";

/**
 * The plain SCIM JSON representation of a User or Group (RFC 7643 §3): top-level common and core attributes,
 * extension attributes under their schema URN key. Keys are expected in their canonical (schema) case.
 */
export type ScimResource = { schemas: string[]; id?: string; [attribute: string]: unknown };

export type PatchOptions = {
  /**
   * The resource type's schemas: a ResourceSchemas (`USER_RESOURCE_TYPE`), or a list whose first entry is the core
   * schema and the rest its extensions.
   */
  schemas: ResourceSchemas | readonly SchemaDef[];
  /** Bodies with more operations are rejected with 400 invalidSyntax. Default 1000. */
  maxOperations?: number;
};

export type PatchResult = { resource: ScimResource; changed: boolean };
