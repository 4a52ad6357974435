import { attribute, complexAttr, stringAttr } from "./define";
import type { AttributeDef } from "./types";

const readOnly = { mutability: "readOnly" } as const;

/**
 * `schemas` is not one of RFC 7643 §3.1's common attributes, but every resource carries it, it is returned
 * always and it can be filtered on (`schemas eq "urn:..."`), so it resolves like one.
 */
export const SCHEMAS_ATTRIBUTE: AttributeDef = attribute(
  "schemas",
  "reference",
  "The schema URNs that define the attributes present in this resource.",
  { multiValued: true, required: true, returned: "always", referenceTypes: ["uri"] },
);

export const ID_ATTRIBUTE: AttributeDef = stringAttr("id", "Unique identifier for the resource, assigned by the service provider.", {
  ...readOnly,
  caseExact: true,
  returned: "always",
  uniqueness: "server",
});

// RFC 7643 makes externalId caseExact, but identity providers are inconsistent about the case of the IDs they
// send back (e.g. GUIDs re-rendered in upper case), so this product matches externalId case-insensitively.
export const EXTERNAL_ID_ATTRIBUTE: AttributeDef = stringAttr(
  "externalId",
  "Identifier for the resource as defined by the provisioning client.",
  { caseExact: false },
);

export const META_ATTRIBUTE: AttributeDef = complexAttr(
  "meta",
  "Resource metadata maintained by the service provider.",
  [
    stringAttr("resourceType", "The name of the resource type of the resource.", { ...readOnly, caseExact: true }),
    attribute("created", "dateTime", "When the resource was added to the service provider.", readOnly),
    attribute("lastModified", "dateTime", "When the resource was last updated.", readOnly),
    attribute("location", "reference", "The URI of the resource.", { ...readOnly, referenceTypes: ["uri"] }),
    stringAttr("version", "The version (ETag) of the resource.", { ...readOnly, caseExact: true }),
  ],
  readOnly,
);

/** RFC 7643 §3.1 common attributes, present on every resource but not part of any schema's representation. */
export const COMMON_ATTRIBUTES: readonly AttributeDef[] = [ID_ATTRIBUTE, EXTERNAL_ID_ATTRIBUTE, META_ATTRIBUTE];
