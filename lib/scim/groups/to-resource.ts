import { weakEtag } from "../etag";
import { GROUP_SCHEMA_ID } from "../urns";
import { userLocation } from "../users/to-resource";
import type { ScimGroupRecord } from "./record";

export function groupLocation(baseUrl: string, id: string): string {
  return `${baseUrl}/Groups/${encodeURIComponent(id)}`;
}

export function toGroupResource(group: ScimGroupRecord, baseUrl: string): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA_ID],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    ...(group.members
      ? { members: group.members.map((m) => ({ value: m.id, $ref: userLocation(baseUrl, m.id), ...(m.display ? { display: m.display } : {}), type: "User" })) }
      : {}),
    meta: {
      resourceType: "Group",
      created: group.created.toISOString(),
      lastModified: group.lastModified.toISOString(),
      location: groupLocation(baseUrl, group.id),
      version: weakEtag(group.version),
    },
  };
}
