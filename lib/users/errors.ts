/** A domain rule was broken; `code` tells the HTTP layer which status to use. */
export class DomainError extends Error {
  constructor(
    readonly code: "conflict" | "not_found" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
