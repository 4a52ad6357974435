// Attribute and schema definitions (RFC 7643 §2, §7). Definitions are plain data: the single source of truth for
// validation, filtering, projection and the /Schemas discovery endpoint.

export type AttributeType =
  | "string"
  | "boolean"
  | "decimal"
  | "integer"
  | "dateTime"
  | "reference"
  | "complex"
  | "binary";

export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";
export type Returned = "always" | "never" | "default" | "request";
export type Uniqueness = "none" | "server" | "global";

export type AttributeDef = {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  description: string;
  subAttributes?: readonly AttributeDef[];
  canonicalValues?: readonly string[];
  referenceTypes?: readonly string[];
};

export type SchemaDef = {
  /** The schema URN, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`. */
  id: string;
  name: string;
  description: string;
  attributes: readonly AttributeDef[];
};

export type SchemaExtensionRef = { schema: SchemaDef; required: boolean };

/** The schemas making up one resource type: its core schema plus extensions (common attributes are implied). */
export type ResourceSchemas = { core: SchemaDef; extensions: readonly SchemaExtensionRef[] };

export type ResourceTypeDef = ResourceSchemas & {
  id: string;
  name: string;
  /** Relative to the SCIM base URL, e.g. `/Users`. */
  endpoint: string;
  description: string;
};
