import { GROUP_SCHEMA_ID } from "../urns";
import { attribute, complexAttr, stringAttr } from "./define";
import type { SchemaDef } from "./types";

const immutable = { mutability: "immutable" } as const;

/** RFC 7643 §4.2 / §8.7.1 Group schema. */
export const GROUP_SCHEMA: SchemaDef = {
  id: GROUP_SCHEMA_ID,
  name: "Group",
  description: "Group",
  attributes: [
    stringAttr("displayName", "A human-readable name for the Group.", { required: true }),
    complexAttr(
      "members",
      "A list of members of the Group.",
      [
        stringAttr("value", "Identifier of the member of this Group.", immutable),
        attribute("$ref", "reference", "The URI corresponding to a SCIM resource that is a member of this Group.", {
          ...immutable,
          referenceTypes: ["User", "Group"],
        }),
        // Clients (Okta, Entra) send `display` alongside `value` when adding members; immutable lets it be set on add.
        stringAttr("display", "A human-readable name for the member.", immutable),
        stringAttr("type", "The type of the member.", { ...immutable, canonicalValues: ["User", "Group"] }),
      ],
      { multiValued: true },
    ),
  ],
};
