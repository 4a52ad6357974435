// After the fuzzing: the database read directly (libsql or pg, not through the app), and compared with what the
// app serves.
import { createClient } from "@libsql/client";
import pg from "pg";
import { providerOf } from "../../lib/db/provider";

type Row = Record<string, unknown>;
export type Check = { name: string; ok: boolean; detail: string };

async function connect(url: string): Promise<{ all: (sql: string) => Promise<Row[]>; close: () => Promise<void> }> {
  if (providerOf(url) === "sqlite") {
    const client = createClient({ url });
    return { all: async (sql) => (await client.execute(sql)).rows as unknown as Row[], close: async () => client.close() };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { all: async (sql) => (await client.query(sql)).rows, close: () => client.end() };
}

/** Queries that must return no rows. */
const EMPTY: Record<string, string> = {
  "no duplicate User.usernameNorm": `SELECT "usernameNorm", COUNT(*) AS n FROM "User" GROUP BY "usernameNorm" HAVING COUNT(*) > 1`,
  "no duplicate User.emailNorm": `SELECT "emailNorm", COUNT(*) AS n FROM "User" WHERE "emailNorm" IS NOT NULL GROUP BY "emailNorm" HAVING COUNT(*) > 1`,
  "no duplicate ScimIdentity.userNameNorm or externalIdNorm": `SELECT "userNameNorm" AS v FROM "ScimIdentity" GROUP BY "userNameNorm" HAVING COUNT(*) > 1 UNION ALL SELECT "externalIdNorm" FROM "ScimIdentity" WHERE "externalIdNorm" IS NOT NULL GROUP BY "externalIdNorm" HAVING COUNT(*) > 1`,
  "every ScimIdentity points at an existing user": `SELECT i."id" FROM "ScimIdentity" i LEFT JOIN "User" u ON u."id" = i."userId" WHERE u."id" IS NULL`,
  "every membership references an existing user and group": `SELECT m."groupId", m."userId" FROM "GroupMembership" m LEFT JOIN "User" u ON u."id" = m."userId" LEFT JOIN "Group" g ON g."id" = m."groupId" WHERE u."id" IS NULL OR g."id" IS NULL`,
  "every email belongs to an existing user": `SELECT e."id" FROM "UserEmail" e LEFT JOIN "User" u ON u."id" = e."userId" WHERE u."id" IS NULL`,
  "at most one primary email per user": `SELECT "userId" FROM "UserEmail" WHERE "primary" = TRUE GROUP BY "userId" HAVING COUNT(*) > 1`,
  "SCIM active matches the user's state, deleted identities are inactive": `SELECT i."id" FROM "ScimIdentity" i JOIN "User" u ON u."id" = i."userId" WHERE (i."active" = TRUE) <> (u."state" = 'active') OR (i."deletedAt" IS NOT NULL AND i."active" = TRUE)`,
  "group displayNameNorm is unique": `SELECT "displayNameNorm" FROM "Group" GROUP BY "displayNameNorm" HAVING COUNT(*) > 1`,
};

/** Walks a SCIM list with the largest page and returns the ids it served and the totalResults it claimed. */
async function walk(baseUrl: string, token: string, resource: "Users" | "Groups"): Promise<{ ids: string[]; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let start = 1; ; start += 1000) {
    const res = await fetch(`${baseUrl}/api/scim/v2/${resource}?startIndex=${start}&count=1000&attributes=id`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET /${resource} page at ${start}: ${res.status}`);
    const page = (await res.json()) as { totalResults: number; Resources?: { id: string }[] };
    totals.add(page.totalResults);
    ids.push(...(page.Resources ?? []).map((r) => r.id));
    if (!page.Resources?.length || start + 1000 > page.totalResults) return { ids, totals };
  }
}

export async function checkConsistency(url: string, baseUrl: string, token: string): Promise<Check[]> {
  const db = await connect(url);
  const checks: Check[] = [];
  const count = async (sql: string) => Number((await db.all(sql))[0].n);
  try {
    for (const [name, sql] of Object.entries(EMPTY)) {
      const rows = await db.all(sql);
      checks.push({ name, ok: rows.length === 0, detail: rows.length ? `${rows.length} rows, first ${JSON.stringify(rows[0])}` : "0 rows" });
    }
    if (providerOf(url) === "sqlite") {
      const integrity = (await db.all("PRAGMA integrity_check")).map((r) => Object.values(r)[0]).join("; ");
      checks.push({ name: "SQLite PRAGMA integrity_check", ok: integrity === "ok", detail: integrity });
      const fk = await db.all("PRAGMA foreign_key_check");
      checks.push({ name: "SQLite PRAGMA foreign_key_check", ok: fk.length === 0, detail: `${fk.length} rows` });
    }
    const liveUsers = await count(`SELECT COUNT(*) AS n FROM "ScimIdentity" WHERE "deletedAt" IS NULL`);
    const users = await walk(baseUrl, token, "Users");
    const usersOk = users.ids.length === liveUsers && new Set(users.ids).size === liveUsers && users.totals.size === 1 && users.totals.has(liveUsers);
    checks.push({ name: "GET /Users paging serves every live identity once", ok: usersOk, detail: `served ${users.ids.length} (${new Set(users.ids).size} distinct, totalResults ${[...users.totals].join("/")}), database ${liveUsers}` });
    const groups = await count(`SELECT COUNT(*) AS n FROM "Group"`);
    const served = await walk(baseUrl, token, "Groups");
    const groupsOk = served.ids.length === groups && new Set(served.ids).size === groups && served.totals.has(groups) && served.totals.size === 1;
    checks.push({ name: "GET /Groups paging serves every group once", ok: groupsOk, detail: `served ${served.ids.length} (totalResults ${[...served.totals].join("/")}), database ${groups}` });
    const tally = await db.all(`SELECT (SELECT COUNT(*) FROM "User") AS users, (SELECT COUNT(*) FROM "ScimIdentity") AS identities, (SELECT COUNT(*) FROM "Group") AS groups, (SELECT COUNT(*) FROM "GroupMembership") AS memberships, (SELECT COUNT(*) FROM "AuditEvent") AS events`);
    checks.push({ name: "rows", ok: true, detail: JSON.stringify(tally[0], (_k, v) => (typeof v === "bigint" ? Number(v) : v)) });
  } finally {
    await db.close();
  }
  return checks;
}
