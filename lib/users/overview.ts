import { db } from "../db";
import { config } from "../env";
import { dialectFor, Params } from "../scim/sql/dialect";

export type DayActivity = { day: string; created: number; deactivated: number; reactivated: number };

export type Overview = {
  counts: { all: number; active: number; blocked: number; reactivated: number; provisioned: number; groups: number };
  lastRequest: { at: string; method: string; path: string; status: number; detail: string | null } | null;
  tokenLastUsedAt: string | null;
  activeTokens: number;
  activity: DayActivity[];
};

const DAYS = 30;
const ACTIVITY: Record<string, keyof Omit<DayActivity, "day">> = {
  "user.created": "created",
  "user.linked": "created",
  "user.deactivated": "deactivated",
  "user.deprovisioned": "deactivated",
  "user.reactivated": "reactivated",
};

/** Provisioning activity per day over the last 30 days, counted in the database (never loading the events). */
async function activity(now: Date): Promise<DayActivity[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (DAYS - 1)));
  const params = new Params(dialectFor(config().provider));
  const day = params.dialect.name === "sqlite" ? `substr("at", 1, 10)` : `to_char("at", 'YYYY-MM-DD')`;
  const since = params.dialect.timestampParam(params.add(params.dialect.timestamp(start)));
  const actions = Object.keys(ACTIVITY).map((a) => params.add(a)).join(", ");
  const rows = await db.$queryRawUnsafe<{ day: string; action: string; n: number | bigint }[]>(
    `SELECT ${day} AS day, "action" AS action, COUNT(*) AS n FROM "AuditEvent" WHERE "at" >= ${since} AND "action" IN (${actions}) GROUP BY 1, 2`,
    ...params.values,
  );
  const days: DayActivity[] = Array.from({ length: DAYS }, (_, i) => ({
    day: new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    created: 0,
    deactivated: 0,
    reactivated: 0,
  }));
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (entry) entry[ACTIVITY[row.action]] += Number(row.n);
  }
  return days;
}

export async function overview(now = new Date()): Promise<Overview> {
  const [all, blocked, reactivated, provisioned, groups, lastRequest, tokens, days] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { state: "blocked" } }),
    db.user.count({ where: { state: "active", scimIdentity: { reactivatedAt: { not: null } } } }),
    db.scimIdentity.count({ where: { deletedAt: null } }),
    db.group.count(),
    db.scimRequestLog.findFirst({ orderBy: [{ at: "desc" }, { id: "desc" }] }),
    db.scimToken.findMany({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { lastUsedAt: true } }),
    activity(now),
  ]);
  const lastUsed = tokens.map((t) => t.lastUsedAt).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    counts: { all, active: all - blocked - reactivated, blocked, reactivated, provisioned, groups },
    lastRequest: lastRequest && { at: lastRequest.at.toISOString(), method: lastRequest.method, path: lastRequest.path, status: lastRequest.status, detail: lastRequest.detail },
    tokenLastUsedAt: lastUsed?.toISOString() ?? null,
    activeTokens: tokens.length,
    activity: days,
  };
}
