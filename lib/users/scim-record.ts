import type { Prisma, ScimIdentity, User, UserEmail } from "../db";
import type { ScimUserRecord } from "../scim/users/record";

export const scimUserInclude = {
  scimIdentity: true,
  emails: { orderBy: { position: "asc" } },
  groupMemberships: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.UserInclude;

export type UserWithIdentity = User & {
  scimIdentity: ScimIdentity | null;
  emails: UserEmail[];
  groupMemberships: { group: { id: string; displayName: string } }[];
};

function jsonList(text: string | null): Record<string, unknown>[] | null {
  if (!text) return null;
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : null;
}

/** A stored user and its identity as the SCIM layer sees them. */
export function toScimRecord(user: UserWithIdentity): ScimUserRecord {
  const identity = user.scimIdentity;
  if (!identity) throw new Error(`user ${user.id} has no SCIM identity`);
  return {
    id: user.id,
    userName: identity.userName,
    externalId: identity.externalId,
    active: user.state === "active",
    version: identity.version,
    created: identity.createdAt,
    lastModified: identity.updatedAt,
    name: {
      formatted: user.formattedName,
      familyName: user.familyName,
      givenName: user.givenName,
      middleName: user.middleName,
      honorificPrefix: user.honorificPrefix,
      honorificSuffix: user.honorificSuffix,
    },
    displayName: user.displayName,
    nickName: user.nickName,
    profileUrl: user.profileUrl,
    title: user.title,
    userType: user.userType,
    preferredLanguage: user.preferredLanguage,
    locale: user.locale,
    timezone: user.timezone,
    emails: user.emails.map((e) => ({ value: e.value, type: e.type, primary: e.primary, display: e.display })),
    phoneNumbers: jsonList(user.phoneNumbers),
    addresses: jsonList(user.addresses),
    enterprise: {
      employeeNumber: user.employeeNumber,
      costCenter: user.costCenter,
      organization: user.organization,
      division: user.division,
      department: user.department,
      managerId: user.managerId,
      managerName: user.managerName,
    },
    groups: user.groupMemberships.map((m) => m.group),
  };
}
