export type GroupMember = { id: string; display: string | null };

/** A stored group as the SCIM layer sees it. `members` is undefined when they were not loaded (not asked for). */
export type ScimGroupRecord = {
  id: string;
  displayName: string;
  externalId: string | null;
  version: number;
  created: Date;
  lastModified: Date;
  members?: GroupMember[];
};

/** What a POST or PUT body says about a group. `members` is undefined when the body did not list them. */
export type GroupInput = { displayName: string; externalId: string | null; members: string[] | undefined };
