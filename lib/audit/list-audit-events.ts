import { db, type AuditEvent } from "../db";
import { listIds } from "../db/list-ids";
import { config } from "../env";
import { dialectFor, Params } from "../scim/sql/dialect";

export type AuditEventPage = { total: number; events: AuditEvent[] };

export type ListAuditEventsOptions = {
  /** An action name (`user.created`); only events of that action. */
  action?: string;
  /** The actor's id exactly, or part of its label, case-insensitively ("alice", "scim_AbC", "system"). */
  actor?: string;
  /** A user's id or username: events whose target is that user. */
  user?: string;
  /** 1-based. */
  page: number;
  perPage: number;
};

const FROM = `"AuditEvent" a`;

/**
 * The audit log, newest first, filtered and paged in the database.
 *
 * The actor filter needs a case-insensitive substring match on `actorLabel`, which has no lowercase copy.
 * Prisma's `contains` is case-insensitive on SQLite (LIKE) but not on PostgreSQL, and `mode: "insensitive"`
 * exists only on PostgreSQL, so the query is plain SQL that means the same on both: `lower(label)` contains the
 * lowercased text (labels are usernames and token prefixes, i.e. ASCII, which both databases fold alike).
 */
export async function listAuditEvents(options: ListAuditEventsOptions): Promise<AuditEventPage> {
  const sql = new Params(dialectFor(config().provider));
  const where: string[] = [];
  if (options.action) where.push(`a."action" = ${sql.add(options.action)}`);
  const actor = options.actor?.trim();
  if (actor) {
    // Placeholders are added in the order they appear in the SQL: SQLite's `?` are positional.
    const idMatch = `a."actorId" = ${sql.add(actor)}`;
    where.push(`(${idMatch} OR ${sql.dialect.contains(`lower(a."actorLabel")`, sql.add(actor.toLowerCase()))})`);
  }
  const user = options.user?.trim();
  if (user) {
    const byName = await db.user.findUnique({ where: { usernameNorm: user.toLowerCase() }, select: { id: true } });
    where.push(`a."targetType" = 'user' AND a."targetId" = ${sql.add(byName?.id ?? user)}`);
  }

  const { total, ids } = await listIds({
    from: FROM,
    idColumn: `a."id"`,
    where: where.length ? where.join(" AND ") : "1 = 1",
    order: `a."at" DESC, a."id" DESC`,
    params: sql,
    startIndex: (options.page - 1) * options.perPage + 1,
    count: options.perPage,
  });
  const rows = await db.auditEvent.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total, events: ids.flatMap((id) => byId.get(id) ?? []) };
}
