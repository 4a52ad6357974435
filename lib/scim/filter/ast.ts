// The abstract syntax of RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths. Shared by the filter parser, the
// database translation, in-memory evaluation (PATCH value filters) and the PATCH engine.

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

export type FilterValue = string | number | boolean | null;

/**
 * An attribute path as written: `urn:...:User:name.givenName` → { uri: "urn:...:User", attr: "name", sub: "givenName" }.
 * Names keep the case the client used; resolving them against a schema is case-insensitive.
 */
export type AttrPath = { uri?: string; attr: string; sub?: string };

export type Filter =
  | { kind: "compare"; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: "present"; path: AttrPath }
  | { kind: "and"; left: Filter; right: Filter }
  | { kind: "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  /** `emails[type eq "work" and value co "@x"]`: the inner filter's paths are sub-attributes of `path`. */
  | { kind: "valuePath"; path: AttrPath; filter: Filter };

/** A PATCH path: `attrPath`, `attrPath[valFilter]` or `attrPath[valFilter].subAttr` (RFC 7644 §3.5.2). */
export type PatchPath = { path: AttrPath; filter?: Filter; subAttr?: string };
