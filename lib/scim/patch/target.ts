import { invalidPath } from "../errors";
import type { AttrPath, Filter, PatchPath } from "../filter/ast";
import { formatAttrPath } from "../filter/attr-path";
import { parsePatchPath } from "../filter/parse-filter";
import { findAttribute, resolveAttribute, resolveSchemaUri } from "../schema/resolve";
import type { AttributeDef, ResourceSchemas, SchemaDef } from "../schema/types";
import { schemaUris } from "./schemas";

/** An attribute addressed by a PATCH path, with canonical names. */
export type AttributeTarget = {
  kind: "attribute";
  /** Canonical path text, for error details. */
  label: string;
  /** The extension URN holding the attribute; undefined for common and core attributes. */
  extensionId?: string;
  /** The top-level attribute. */
  def: AttributeDef;
  /** Value selection filter (`emails[type eq "work"]`); only on multi-valued complex attributes. */
  filter?: Filter;
  /** Sub-attribute from `name.givenName` or `emails[type eq "work"].value`. */
  sub?: AttributeDef;
};

export type Target =
  | { kind: "resource" }
  | { kind: "extension"; schema: SchemaDef }
  | AttributeTarget;

/** Parses and resolves a PATCH path. Throws 400 invalidPath for malformed paths and unknown attributes. */
export function parseTarget(text: string, schemas: ResourceSchemas): Target {
  return resolveTarget(parsePatchPath(text, { schemaUris: schemaUris(schemas) }), schemas, text);
}

export function resolveTarget(patchPath: PatchPath, schemas: ResourceSchemas, text: string): Target {
  const { path, filter, subAttr } = patchPath;
  if (path.attr === "") {
    const schema = path.uri === undefined ? null : resolveSchemaUri(schemas, path.uri);
    if (schema === null) throw invalidPath(`Unknown schema in PATCH path '${text}'`);
    return schema === schemas.core ? { kind: "resource" } : { kind: "extension", schema };
  }

  const resolved = resolveAttribute(schemas, path);
  if (resolved === null) throw invalidPath(`Unknown attribute in PATCH path '${text}'`);
  const def = resolved.attribute;
  const extensionId = resolved.location === "extension" ? resolved.schemaId : undefined;
  const qualified: AttrPath = { attr: def.name };
  if (extensionId !== undefined) qualified.uri = extensionId;

  if (filter === undefined) {
    if (resolved.subAttribute !== undefined) qualified.sub = resolved.subAttribute.name;
    const target: AttributeTarget = { kind: "attribute", label: formatAttrPath(qualified), def };
    if (extensionId !== undefined) target.extensionId = extensionId;
    if (resolved.subAttribute !== undefined) target.sub = resolved.subAttribute;
    return target;
  }

  if (!def.multiValued || def.type !== "complex") {
    throw invalidPath(`'${def.name}' is not a multi-valued complex attribute; it cannot take a value filter ('${text}')`);
  }
  checkFilterAttributes(filter, def, text);
  const sub = subAttr === undefined ? undefined : findAttribute(def.subAttributes, subAttr);
  if (subAttr !== undefined && sub === undefined) {
    throw invalidPath(`'${def.name}' has no sub-attribute '${subAttr}' ('${text}')`);
  }
  const label = `${formatAttrPath(qualified)}[...]${sub === undefined ? "" : `.${sub.name}`}`;
  const target: AttributeTarget = { kind: "attribute", label, def, filter };
  if (extensionId !== undefined) target.extensionId = extensionId;
  if (sub !== undefined) target.sub = sub;
  return target;
}

/** Value filter paths name sub-attributes of the filtered attribute (RFC 7644 §3.5.2 valuePath). */
function checkFilterAttributes(filter: Filter, def: AttributeDef, text: string): void {
  switch (filter.kind) {
    case "and":
    case "or":
      checkFilterAttributes(filter.left, def, text);
      checkFilterAttributes(filter.right, def, text);
      return;
    case "not":
      checkFilterAttributes(filter.filter, def, text);
      return;
    case "valuePath":
      throw invalidPath(`Nested value filters are not supported ('${text}')`);
    case "present":
    case "compare": {
      const { path } = filter;
      const sub = path.uri === undefined ? findAttribute(def.subAttributes, path.attr) : undefined;
      if (sub === undefined || path.sub !== undefined) {
        throw invalidPath(`'${formatAttrPath(path)}' is not a sub-attribute of '${def.name}' ('${text}')`);
      }
    }
  }
}
