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
  /** No two resources share a value (a unique index): an `eq` on it finds at most one (./unique-match.ts). */
  unique?: boolean;
  /** For booleans stored as an expression rather than a column (e.g. `active` from the user's state). */
  booleanExpression?: (value: boolean) => string;
};

/**
 * A multi-valued complex attribute kept in its own table, matched as `outer IN (SELECT key FROM table WHERE …)`:
 * unlike a correlated EXISTS, that lets the database start from the child table's index (an email address
 * lookup finds its user without walking every user).
 */
export type MultiValued = {
  kind: "multi";
  /** The outer row's key, e.g. `u."id"`. */
  outer: string;
  /** The child rows' reference to it, e.g. `e."userId"`. */
  key: string;
  /** The child table(s), e.g. `"UserEmail" e`. */
  table: string;
  /** A condition every child row must meet besides the filter's, if any. */
  where?: string;
  subAttributes: Record<string, Column>;
  /** The sub-attribute compared when the filter names the attribute alone (`emails co "x"`). */
  defaultSub: string;
  /** What `sortBy` on the attribute orders by (RFC 7644 §3.4.2.3: the primary value), if sortable. */
  sortSql?: string;
};

export type Mapping = Column | MultiValued;

/** Maps a canonical attribute name (`userName`, `name.givenName`, `meta.created`, `emails`) to SQL, or null. */
export type ColumnMap = (canonical: string) => Mapping | null;
