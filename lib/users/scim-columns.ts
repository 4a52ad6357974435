import type { Column, ColumnMap, Mapping } from "../scim/sql/columns";

// SCIM User attributes → SQL over `"User" u JOIN "ScimIdentity" i`. userName, externalId and email addresses
// are matched through their lowercase copies, which are indexed: the lookups IdPs make stay index lookups.

const text = (sql: string, options: Partial<Column> = {}): Column => ({ kind: "column", sql, type: "string", caseExact: false, ...options });
const date = (sql: string): Column => ({ kind: "column", sql, type: "dateTime", caseExact: false });

const MAPPINGS: Record<string, Mapping> = {
  id: text(`u."id"`, { caseExact: true, unique: true }),
  externalId: text(`i."externalIdNorm"`, { lowercased: true, unique: true }),
  userName: text(`i."userNameNorm"`, { lowercased: true, unique: true }),
  displayName: text(`u."displayName"`),
  "name.formatted": text(`u."formattedName"`),
  "name.familyName": text(`u."familyName"`),
  "name.givenName": text(`u."givenName"`),
  "name.middleName": text(`u."middleName"`),
  "name.honorificPrefix": text(`u."honorificPrefix"`),
  "name.honorificSuffix": text(`u."honorificSuffix"`),
  nickName: text(`u."nickName"`),
  profileUrl: text(`u."profileUrl"`),
  title: text(`u."title"`),
  userType: text(`u."userType"`),
  preferredLanguage: text(`u."preferredLanguage"`),
  locale: text(`u."locale"`),
  timezone: text(`u."timezone"`),
  active: {
    kind: "column",
    sql: `u."state"`,
    type: "boolean",
    caseExact: true,
    booleanExpression: (value) => (value ? `u."state" = 'active'` : `u."state" <> 'active'`),
  },
  emails: {
    kind: "multi",
    outer: `u."id"`,
    key: `e."userId"`,
    table: `"UserEmail" e`,
    subAttributes: {
      value: text(`e."valueNorm"`, { lowercased: true }),
      type: text(`e."type"`),
      primary: { kind: "column", sql: `e."primary"`, type: "boolean", caseExact: true },
      display: text(`e."display"`),
    },
    defaultSub: "value",
    sortSql: `u."emailNorm"`,
  },
  groups: {
    kind: "multi",
    outer: `u."id"`,
    key: `gm."userId"`,
    table: `"GroupMembership" gm JOIN "Group" g ON g."id" = gm."groupId"`,
    subAttributes: { value: text(`gm."groupId"`, { caseExact: true }), display: text(`g."displayNameNorm"`, { lowercased: true }), type: text(`'direct'`) },
    defaultSub: "value",
  },
  "meta.created": date(`i."createdAt"`),
  "meta.lastModified": date(`i."updatedAt"`),
  employeeNumber: text(`u."employeeNumber"`),
  costCenter: text(`u."costCenter"`),
  organization: text(`u."organization"`),
  division: text(`u."division"`),
  department: text(`u."department"`),
  "manager.value": text(`u."managerId"`),
  "manager.displayName": text(`u."managerName"`),
};

export const scimUserColumns: ColumnMap = (canonical) => MAPPINGS[canonical] ?? null;
