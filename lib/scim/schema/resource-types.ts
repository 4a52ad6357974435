import { ENTERPRISE_USER_SCHEMA } from "./enterprise-user";
import { USER_SCHEMA } from "./user";
import { GROUP_SCHEMA } from "./group";
import type { ResourceTypeDef, SchemaDef } from "./types";

export const USER_RESOURCE_TYPE: ResourceTypeDef = {
  id: "User",
  name: "User",
  endpoint: "/Users",
  description: "User Account",
  core: USER_SCHEMA,
  extensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
};

export const GROUP_RESOURCE_TYPE: ResourceTypeDef = {
  id: "Group",
  name: "Group",
  endpoint: "/Groups",
  description: "Group",
  core: GROUP_SCHEMA,
  extensions: [],
};

export const RESOURCE_TYPES: readonly ResourceTypeDef[] = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];

/** Every schema served by /Schemas. */
export const SCHEMAS: readonly SchemaDef[] = [USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA];

export function findSchema(id: string): SchemaDef | undefined {
  const lower = id.toLowerCase();
  return SCHEMAS.find((schema) => schema.id.toLowerCase() === lower);
}

export function findResourceType(id: string): ResourceTypeDef | undefined {
  const lower = id.toLowerCase();
  return RESOURCE_TYPES.find((type) => type.id.toLowerCase() === lower);
}
