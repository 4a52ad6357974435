// How a resource type's SCIM attributes map onto SQL, for filtering and sorting in the database.

export type ScalarType = "string" | "boolean" | "dateTime";

export type Column = {
  kind: "column";
  /** A SQL expression over the query's aliases, e.g. `u."givenName"`. */
  sql: string;
  type: ScalarType;
  /** Case-sensitive comparison (RFC 7643 caseExact). */
  caseExact: boolean;
  /** The column holds a lowercase copy: compare it to the lowercased value directly (and use its index). */
  lowercased?: boolean;
  /** For booleans stored as an expression rather than a column (e.g. `active` from the user's state). */
  booleanExpression?: (value: boolean) => string;
};

/** A multi-valued complex attribute kept in its own table, matched through EXISTS. */
export type MultiValued = {
  kind: "multi";
  /** `FROM … WHERE …` joining the child rows to the outer row, e.g. `"UserEmail" e WHERE e."userId" = u."id"`. */
  from: string;
  subAttributes: Record<string, Column>;
  /** The sub-attribute compared when the filter names the attribute alone (`emails co "x"`). */
  defaultSub: string;
  /** What `sortBy` on the attribute orders by (RFC 7644 §3.4.2.3: the primary value), if sortable. */
  sortSql?: string;
};

export type Mapping = Column | MultiValued;

/** Maps a canonical attribute name (`userName`, `name.givenName`, `meta.created`, `emails`) to SQL, or null. */
export type ColumnMap = (canonical: string) => Mapping | null;
