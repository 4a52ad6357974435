import { ERROR_MESSAGE_ID } from "./urns";

/** The `scimType` error keywords of RFC 7644 §3.12, Table 9. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** RFC 7644 §3.12 error response body. `status` is a string in the spec's JSON examples. */
export type ScimErrorBody = {
  schemas: [typeof ERROR_MESSAGE_ID];
  status: string;
  scimType?: ScimType;
  detail: string;
};

export class ScimError extends Error {
  readonly status: number;
  readonly scimType?: ScimType;
  readonly detail: string;

  constructor(status: number, detail: string, scimType?: ScimType) {
    super(detail);
    this.name = "ScimError";
    this.status = status;
    this.detail = detail;
    if (scimType !== undefined) this.scimType = scimType;
  }
}

export function isScimError(err: unknown): err is ScimError {
  return err instanceof ScimError;
}

// 400 with a scimType keyword (RFC 7644 §3.12, Table 9).
export const invalidFilter = (detail: string) => new ScimError(400, detail, "invalidFilter");
export const tooMany = (detail: string) => new ScimError(400, detail, "tooMany");
export const mutability = (detail: string) => new ScimError(400, detail, "mutability");
export const invalidSyntax = (detail: string) => new ScimError(400, detail, "invalidSyntax");
export const invalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
export const noTarget = (detail: string) => new ScimError(400, detail, "noTarget");
export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const invalidVers = (detail: string) => new ScimError(400, detail, "invalidVers");
// Table 9 lists uniqueness under 409 and sensitive under 403.
export const uniqueness = (detail: string) => new ScimError(409, detail, "uniqueness");
export const sensitive = (detail: string) => new ScimError(403, detail, "sensitive");

// Plain HTTP errors without a scimType.
export const badRequest = (detail: string) => new ScimError(400, detail);
export const unauthorized = (detail: string) => new ScimError(401, detail);
export const forbidden = (detail: string) => new ScimError(403, detail);
export const notFound = (detail: string) => new ScimError(404, detail);
export const methodNotAllowed = (detail: string) => new ScimError(405, detail);
export const conflict = (detail: string) => new ScimError(409, detail);
export const preconditionFailed = (detail: string) => new ScimError(412, detail);
export const payloadTooLarge = (detail: string) => new ScimError(413, detail);
export const unsupportedMediaType = (detail: string) => new ScimError(415, detail);
export const internalError = (detail: string) => new ScimError(500, detail);
export const notImplemented = (detail: string) => new ScimError(501, detail);

export function errorBody(err: ScimError): ScimErrorBody {
  const body: ScimErrorBody = { schemas: [ERROR_MESSAGE_ID], status: String(err.status), detail: err.detail };
  if (err.scimType !== undefined) body.scimType = err.scimType;
  return body;
}
