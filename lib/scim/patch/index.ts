export { applyPatch } from "./apply-patch";
export { DEFAULT_MAX_OPERATIONS, parsePatchBody, type PatchOpName, type PatchOperation } from "./parse-body";
export type { PatchOptions, PatchResult, ScimResource } from "./types";
