import { z } from "zod";

export const SCIM_LOG_PER_PAGE = 50;
export const SCIM_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Raw = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The SCIM log's URL filters; anything malformed is ignored rather than an error (these are typed-in URLs). */
const schema = z.object({
  errors: z.preprocess(first, z.string().optional().catch(undefined)).transform((v) => v === "1"),
  method: z.preprocess((v) => first(v)?.toString().toUpperCase() || undefined, z.enum(SCIM_METHODS).optional().catch(undefined)),
  path: z.preprocess(first, z.string().trim().max(500).optional().catch(undefined)).transform((v) => v || undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1)),
});

export type ScimLogSearch = z.infer<typeof schema>;

export function parseScimLogSearch(raw: Raw): ScimLogSearch {
  return schema.parse(raw);
}

/** The filters as URL parameters, without the page (for pagination links). */
export function scimLogParams(search: ScimLogSearch): Record<string, string | undefined> {
  return { errors: search.errors ? "1" : undefined, method: search.method, path: search.path };
}

/** `?…` of the filters and page, or "" — so the detail page can link back to the very same list. */
export function scimLogQuery(search: ScimLogSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(scimLogParams(search))) if (value) params.set(key, value);
  if (search.page > 1) params.set("page", String(search.page));
  return params.size ? `?${params}` : "";
}
