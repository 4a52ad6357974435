import { readerOf, type SqlReader } from "../db/reader";
import type { Tx } from "../db";
import { Params } from "../scim/sql/dialect";
import { uniqueness } from "../scim/errors";
import type { EmailInput, UserInput } from "../scim/users/record";

/** The address the instance uses for the user: the primary one, else the first work one, else the first. */
export function primaryEmail(emails: EmailInput[]): string | null {
  return (emails.find((e) => e.primary) ?? emails.find((e) => e.type?.toLowerCase() === "work") ?? emails[0])?.value ?? null;
}

/** The name the Admin Area shows. */
export function displayNameOf(input: UserInput): string {
  const parts = [input.name.givenName, input.name.familyName].filter(Boolean).join(" ");
  return input.displayName ?? input.name.formatted ?? (parts || input.userName);
}

/** The User columns a SCIM resource sets. */
export function profileColumns(input: UserInput) {
  const email = primaryEmail(input.emails);
  const name = displayNameOf(input);
  return {
    name,
    nameNorm: name.toLowerCase(),
    email,
    emailNorm: email?.toLowerCase() ?? null,
    givenName: input.name.givenName,
    familyName: input.name.familyName,
    middleName: input.name.middleName,
    honorificPrefix: input.name.honorificPrefix,
    honorificSuffix: input.name.honorificSuffix,
    formattedName: input.name.formatted,
    displayName: input.displayName,
    nickName: input.nickName,
    profileUrl: input.profileUrl,
    title: input.title,
    userType: input.userType,
    preferredLanguage: input.preferredLanguage,
    locale: input.locale,
    timezone: input.timezone,
    phoneNumbers: input.phoneNumbers ? JSON.stringify(input.phoneNumbers) : null,
    addresses: input.addresses ? JSON.stringify(input.addresses) : null,
    employeeNumber: input.enterprise.employeeNumber,
    costCenter: input.enterprise.costCenter,
    organization: input.enterprise.organization,
    division: input.enterprise.division,
    department: input.enterprise.department,
    managerId: input.enterprise.managerId,
    managerName: input.enterprise.managerName,
  };
}

export function emailRows(emails: EmailInput[]) {
  return emails.map((e, position) => ({ position, value: e.value, valueNorm: e.value.toLowerCase(), type: e.type, primary: e.primary, display: e.display }));
}

export function identityColumns(input: UserInput) {
  return {
    userName: input.userName,
    userNameNorm: input.userName.toLowerCase(),
    externalId: input.externalId,
    externalIdNorm: input.externalId?.toLowerCase() ?? null,
  };
}

/**
 * 409 uniqueness when the userName, externalId or email is already another user's. Checked up front for a clear
 * message; the unique indexes still decide under concurrency (a violation there also maps to 409).
 */
export async function assertUnclaimed(tx: SqlReader | Tx, input: UserInput, userId: string): Promise<void> {
  const sql = readerOf(tx);
  const { userNameNorm, externalIdNorm } = identityColumns(input);
  const email = primaryEmail(input.emails);
  const p = new Params(sql.dialect);
  // SQLite's placeholders are positional: the user id is bound once per use.
  const byUserName = `SELECT i."userNameNorm" AS "norm" FROM "ScimIdentity" i WHERE i."userNameNorm" = ${p.add(userNameNorm)} AND i."userId" <> ${p.add(userId)}`;
  const byExternalId = externalIdNorm ? ` UNION ALL SELECT i."userNameNorm" FROM "ScimIdentity" i WHERE i."externalIdNorm" = ${p.add(externalIdNorm)} AND i."userId" <> ${p.add(userId)}` : "";
  const emailTaken = email ? `EXISTS (SELECT 1 FROM "User" u WHERE u."emailNorm" = ${p.add(email.toLowerCase())} AND u."id" <> ${p.add(userId)})` : "FALSE";
  // One statement, each part a unique-index lookup.
  const [row] = await sql.query<{ clash: string | null; emailTaken: unknown }>(
    `SELECT (SELECT c."norm" FROM (${byUserName}${byExternalId}) c LIMIT 1) AS "clash", ${emailTaken} AS "emailTaken"`,
    p.values,
  );
  if (row.clash !== null && row.clash !== undefined) {
    throw uniqueness(row.clash === userNameNorm ? `userName "${input.userName}" is already taken.` : `externalId "${input.externalId}" is already taken.`);
  }
  if (row.emailTaken === true || row.emailTaken === 1) throw uniqueness(`The email "${email}" belongs to another user.`);
}
