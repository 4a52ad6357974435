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

/**
 * The same ListResponse as JSON text, from resources already serialized: what JSON.stringify(listResponse(…))
 * writes, since Resources is its last member.
 */
export function listResponseJson(resourcesJson: string[], totalResults: number, startIndex: number): string {
  const head = JSON.stringify({ ...listResponse([], totalResults, startIndex), itemsPerPage: resourcesJson.length });
  return `${head.slice(0, head.length - "[]}".length)}[${resourcesJson.join(",")}]}`;
}
