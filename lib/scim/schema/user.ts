import { USER_SCHEMA_ID } from "../urns";
import { attribute, complexAttr, stringAttr, typeAndPrimary } from "./define";
import type { SchemaDef } from "./types";

const readOnly = { mutability: "readOnly" } as const;

/** RFC 7643 §4.1 / §8.7.1 core User schema (the attributes this service supports). */
export const USER_SCHEMA: SchemaDef = {
  id: USER_SCHEMA_ID,
  name: "User",
  description: "User Account",
  attributes: [
    stringAttr("userName", "Unique identifier for the User, typically used to authenticate.", {
      required: true,
      uniqueness: "server",
    }),
    complexAttr("name", "The components of the user's real name.", [
      stringAttr("formatted", "The full name, formatted for display."),
      stringAttr("familyName", "The family name of the User."),
      stringAttr("givenName", "The given name of the User."),
      stringAttr("middleName", "The middle name(s) of the User."),
      stringAttr("honorificPrefix", "The honorific prefix(es) of the User, e.g. 'Ms.'."),
      stringAttr("honorificSuffix", "The honorific suffix(es) of the User, e.g. 'III'."),
    ]),
    stringAttr("displayName", "The name of the User, suitable for display to end-users."),
    stringAttr("nickName", "The casual way to address the user."),
    attribute("profileUrl", "reference", "A fully qualified URL pointing to the User's online profile.", {
      referenceTypes: ["external"],
    }),
    stringAttr("title", "The user's title, such as 'Vice President'."),
    stringAttr("userType", "The relationship between the organization and the user, e.g. 'Employee'."),
    stringAttr("preferredLanguage", "The User's preferred written or spoken language (RFC 7231 language tag)."),
    stringAttr("locale", "The User's default location for localization, e.g. 'en-US'."),
    stringAttr("timezone", "The User's time zone in IANA format, e.g. 'America/Los_Angeles'."),
    attribute("active", "boolean", "The User's administrative status."),
    stringAttr("password", "The User's cleartext password, used to set or replace it. Never returned.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    complexAttr(
      "emails",
      "Email addresses for the User.",
      [
        stringAttr("value", "Email address for the User, canonicalized per RFC 5321."),
        stringAttr("display", "A human-readable name, primarily used for display purposes."),
        ...typeAndPrimary("email address", ["work", "home", "other"]),
      ],
      { multiValued: true },
    ),
    complexAttr(
      "phoneNumbers",
      "Phone numbers for the User.",
      [
        stringAttr("value", "Phone number of the User, ideally in RFC 3966 format."),
        stringAttr("display", "A human-readable name, primarily used for display purposes."),
        ...typeAndPrimary("phone number", ["work", "home", "mobile", "fax", "pager", "other"]),
      ],
      { multiValued: true },
    ),
    complexAttr(
      "addresses",
      "A physical mailing address for this User.",
      [
        stringAttr("formatted", "The full mailing address, formatted for display."),
        stringAttr("streetAddress", "The full street address component."),
        stringAttr("locality", "The city or locality component."),
        stringAttr("region", "The state or region component."),
        stringAttr("postalCode", "The zip code or postal code component."),
        stringAttr("country", "The country name component (ISO 3166-1 alpha-2)."),
        ...typeAndPrimary("address", ["work", "home", "other"]),
      ],
      { multiValued: true },
    ),
    complexAttr(
      "groups",
      "A list of groups to which the user belongs, either direct or indirect. Managed through the Group resource.",
      [
        stringAttr("value", "The identifier of the User's group.", readOnly),
        attribute("$ref", "reference", "The URI of the corresponding Group resource.", {
          ...readOnly,
          referenceTypes: ["User", "Group"],
        }),
        stringAttr("display", "A human-readable name, primarily used for display purposes.", readOnly),
        stringAttr("type", "How the group membership was derived.", { ...readOnly, canonicalValues: ["direct", "indirect"] }),
      ],
      { multiValued: true, ...readOnly },
    ),
  ],
};
