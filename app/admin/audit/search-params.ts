import { z } from "zod";
import { isAuditAction } from "@/components/admin/audit/action-labels";

export const AUDIT_PER_PAGE = 50;

type Raw = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = z.preprocess(first, z.string().trim().max(200).optional().catch(undefined)).transform((v) => v || undefined);

/** The audit log's URL filters; anything malformed is ignored rather than an error (these are typed-in URLs). */
const schema = z.object({
  action: text.transform((v) => (v && isAuditAction(v) ? v : undefined)),
  actor: text,
  user: text,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1)).default(1),
});

export type AuditSearch = z.infer<typeof schema>;

export function parseAuditSearch(raw: Raw): AuditSearch {
  return schema.parse(raw);
}

/** The filters as URL parameters (for pagination links and the sign-in redirect). */
export function auditParams(search: AuditSearch): Record<string, string | undefined> {
  return { action: search.action, actor: search.actor, user: search.user };
}
