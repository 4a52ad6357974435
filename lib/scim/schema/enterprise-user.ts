import { ENTERPRISE_USER_SCHEMA_ID } from "../urns";
import { attribute, complexAttr, stringAttr } from "./define";
import type { SchemaDef } from "./types";

const readOnly = { mutability: "readOnly" } as const;

/** RFC 7643 §4.3 Enterprise User extension. */
export const ENTERPRISE_USER_SCHEMA: SchemaDef = {
  id: ENTERPRISE_USER_SCHEMA_ID,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    stringAttr("employeeNumber", "Numeric or alphanumeric identifier assigned to a person by the organization."),
    stringAttr("costCenter", "Identifies the name of a cost center."),
    stringAttr("organization", "Identifies the name of an organization."),
    stringAttr("division", "Identifies the name of a division."),
    stringAttr("department", "Identifies the name of a department."),
    complexAttr("manager", "The User's manager.", [
      stringAttr("value", "The id of the SCIM resource representing the User's manager."),
      attribute("$ref", "reference", "The URI of the SCIM resource representing the User's manager.", {
        referenceTypes: ["User"],
      }),
      stringAttr("displayName", "The displayName of the User's manager.", readOnly),
    ]),
  ],
};
