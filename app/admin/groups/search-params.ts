import { z } from "zod";

export const PER_PAGE = 50;

// A repeated parameter (?page=1&page=2) counts by its first value; anything unusable falls back to the default.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1);
export const queryParam = z.preprocess(first, z.string().trim().max(200).optional()).catch(undefined);
export const idParam = z.string().min(1).max(200);

export const groupsSearchSchema = z.object({ q: queryParam, page: pageParam });
export const groupMembersSearchSchema = z.object({ page: pageParam });

export type RawSearchParams = Record<string, string | string[] | undefined>;
