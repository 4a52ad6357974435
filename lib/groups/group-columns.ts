import type { Column, ColumnMap, Mapping } from "../scim/sql/columns";

// SCIM Group attributes → SQL over `"Group" g`. displayName and externalId go through their indexed lowercase copies.

const text = (sql: string, options: Partial<Column> = {}): Column => ({ kind: "column", sql, type: "string", caseExact: false, ...options });
const date = (sql: string): Column => ({ kind: "column", sql, type: "dateTime", caseExact: false });

const MAPPINGS: Record<string, Mapping> = {
  id: text(`g."id"`, { caseExact: true, unique: true }),
  displayName: text(`g."displayNameNorm"`, { lowercased: true, unique: true }),
  externalId: text(`g."externalIdNorm"`, { lowercased: true, unique: true }),
  members: {
    kind: "multi",
    // Deprovisioned users are not members as SCIM sees them (GET /Groups/{id} does not list them either).
    outer: `g."id"`,
    key: `m."groupId"`,
    table: `"GroupMembership" m JOIN "ScimIdentity" mi ON mi."userId" = m."userId"`,
    where: `mi."deletedAt" IS NULL`,
    subAttributes: { value: text(`m."userId"`, { caseExact: true }), type: text(`'User'`) },
    defaultSub: "value",
  },
  "meta.created": date(`g."createdAt"`),
  "meta.lastModified": date(`g."updatedAt"`),
};

export const scimGroupColumns: ColumnMap = (canonical) => MAPPINGS[canonical] ?? null;
