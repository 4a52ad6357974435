import { LIST_RESPONSE_MESSAGE_ID } from "./urns";

/** RFC 7644 §3.4.2: the paging numbers are integers; Resources is present even when empty. */
export function listResponse(resources: unknown[], totalResults: number, startIndex: number) {
  return {
    schemas: [LIST_RESPONSE_MESSAGE_ID],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
