// The plain shape of a provisioned user as the SCIM layer sees it: what the domain services load and save.
// Kept free of Prisma types so the protocol code stays pure.

export type EmailInput = { value: string; type: string | null; primary: boolean; display: string | null };

export type UserName = {
  formatted: string | null;
  familyName: string | null;
  givenName: string | null;
  middleName: string | null;
  honorificPrefix: string | null;
  honorificSuffix: string | null;
};

export type Enterprise = {
  employeeNumber: string | null;
  costCenter: string | null;
  organization: string | null;
  division: string | null;
  department: string | null;
  managerId: string | null;
  managerName: string | null;
};

/** What a POST, PUT or patched resource says about a user; `null` means unassigned. */
export type UserInput = {
  userName: string;
  externalId: string | null;
  /** Undefined when the request did not say (PUT without `active` leaves the state as it is). */
  active: boolean | undefined;
  name: UserName;
  displayName: string | null;
  nickName: string | null;
  profileUrl: string | null;
  title: string | null;
  userType: string | null;
  preferredLanguage: string | null;
  locale: string | null;
  timezone: string | null;
  emails: EmailInput[];
  /** Multi-valued attributes returned as sent, never queried: kept as validated JSON values. */
  phoneNumbers: Record<string, unknown>[] | null;
  addresses: Record<string, unknown>[] | null;
  enterprise: Enterprise;
};

/** A stored user with its SCIM identity, ready to be serialized. */
export type ScimUserRecord = Omit<UserInput, "active"> & {
  id: string;
  active: boolean;
  version: number;
  created: Date;
  lastModified: Date;
  groups: { id: string; displayName: string }[];
};
