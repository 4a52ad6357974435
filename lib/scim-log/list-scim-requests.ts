import { db, type Prisma } from "../db";
import { listIds } from "../db/list-ids";
import { config } from "../env";
import { dialectFor, Params } from "../scim/sql/dialect";

/** A logged SCIM request with everything but its body (the list never needs up to 16 kB per row). */
const summary = {
  id: true,
  at: true,
  method: true,
  path: true,
  status: true,
  durationMs: true,
  tokenPrefix: true,
  scimType: true,
  detail: true,
} satisfies Prisma.ScimRequestLogSelect;

export type ScimRequestSummary = Prisma.ScimRequestLogGetPayload<{ select: typeof summary }>;
export type ScimRequest = Prisma.ScimRequestLogGetPayload<object>;

export type ListScimRequestsOptions = {
  /** Only responses with status 400 or above. */
  errorsOnly?: boolean;
  /** GET, POST, PUT, PATCH or DELETE. */
  method?: string;
  /** The start of the path below the SCIM base (`/Users`), case-insensitively. */
  path?: string;
  /** 1-based. */
  page: number;
  perPage: number;
};

const FROM = `"ScimRequestLog" r`;

/**
 * The SCIM request log, newest first, filtered and paged in the database. The path match is plain SQL that
 * means the same on SQLite and PostgreSQL (Prisma's `startsWith` is LIKE: case-insensitive on one, not the
 * other, with `%` and `_` as wildcards); stored paths are URL-encoded, hence ASCII, which both fold alike.
 */
export async function listScimRequests(options: ListScimRequestsOptions): Promise<{ total: number; requests: ScimRequestSummary[] }> {
  const sql = new Params(dialectFor(config().provider));
  const where: string[] = [];
  if (options.errorsOnly) where.push(`r."status" >= 400`);
  if (options.method) where.push(`r."method" = ${sql.add(options.method.toUpperCase())}`);
  const path = options.path?.trim().toLowerCase();
  if (path) where.push(sql.dialect.startsWith(`lower(r."path")`, sql.add(path), path.length));

  const { total, ids } = await listIds({
    from: FROM,
    idColumn: `r."id"`,
    where: where.length ? where.join(" AND ") : "1 = 1",
    order: `r."at" DESC, r."id" DESC`,
    params: sql,
    startIndex: (options.page - 1) * options.perPage + 1,
    count: options.perPage,
  });
  const rows = await db.scimRequestLog.findMany({ where: { id: { in: ids } }, select: summary });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total, requests: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** One logged request in full, or null when there is none (or it was pruned). */
export async function findScimRequest(options: { id: string }): Promise<ScimRequest | null> {
  return db.scimRequestLog.findUnique({ where: { id: options.id } });
}
