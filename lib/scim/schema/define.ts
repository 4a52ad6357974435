import type { AttributeDef, AttributeType } from "./types";

type Options = Partial<Omit<AttributeDef, "name" | "type" | "description">>;

/** An attribute definition with the RFC 7643 §2.2 defaults (single-valued, optional, readWrite, returned default). */
export function attribute(name: string, type: AttributeType, description: string, options: Options = {}): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    description,
    ...options,
  };
}

export const stringAttr = (name: string, description: string, options?: Options) =>
  attribute(name, "string", description, options);

export function complexAttr(
  name: string,
  description: string,
  subAttributes: readonly AttributeDef[],
  options?: Options,
): AttributeDef {
  return attribute(name, "complex", description, { ...options, subAttributes });
}

/** The `type`/`primary` pair shared by emails, phoneNumbers and addresses. */
export function typeAndPrimary(kind: string, canonicalValues: readonly string[]): AttributeDef[] {
  return [
    stringAttr("type", `A label indicating the ${kind}'s function.`, { canonicalValues }),
    attribute("primary", "boolean", `Whether this is the preferred ${kind}. At most one value may be primary.`),
  ];
}
