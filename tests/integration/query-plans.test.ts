// The SCIM hot paths must stay flat from 10,000 to 1,000,000 users: every statement they send is looked up
// through an index, never a scan of a table, and pages come in index order (no sort of every row). This runs the
// real services against a seeded database (ANALYZEd on PostgreSQL, so the planner has real statistics), records
// every statement they send, and checks each one's plan with EXPLAIN on both databases.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { seedUsers } from "../../scripts/bench/seed";
import { createDb, type Db } from "../../lib/db";
import { postgresReader, sqliteReader } from "../../lib/db/direct-reader";
import { migrate } from "../../lib/db/migrate";
import type { Provider } from "../../lib/db/provider";
import type { SqlReader } from "../../lib/db/reader";
import { listParamsFromQuery } from "../../lib/scim/list-params";
import { PAGING } from "../../lib/scim-http/request-params";
import { ANCHOR_SPACING } from "../../lib/scim/page-anchors";
import { listedPage, settledAnchors } from "../../lib/users/listed-page";
import { listScimUsers } from "../../lib/users/list-scim-users";
import { findScimUser } from "../../lib/users/find-scim-user";
import { pickUsername } from "../../lib/users/pick-username";
import { readClaims } from "../../lib/users/read-claims";
import { assertUnclaimed } from "../../lib/users/scim-profile";
import { userFromResource } from "../../lib/scim/users/from-resource";
import { freshDatabase, testProviders, type TestDatabase } from "../support/databases";

const USERS = 20_000;
const providers = await testProviders();
type Statement = { sql: string; params: unknown[] };

/** A reader that runs each statement for real and keeps it for EXPLAIN. */
function recording(inner: SqlReader, into: Statement[]): SqlReader {
  return { dialect: inner.dialect, query: (sql, params) => (into.push({ sql, params }), inner.query(sql, params)) };
}

describe.each(providers)("query plans of the SCIM hot paths on %s", (provider: Provider) => {
  let database: TestDatabase;
  let db: Db;
  let reader: SqlReader;
  let explain: (statement: Statement) => Promise<string[]>;
  let close: () => Promise<void>;
  let seeded: { ids: string[]; userNames: string[] };

  beforeAll(async () => {
    database = await freshDatabase(provider, "plans");
    await migrate(database.url);
    seeded = await seedUsers(database.url, USERS, () => {});
    db = createDb(database.url);
    await seedGroups(db, seeded.ids);
    if (provider === "sqlite") {
      reader = sqliteReader(database.url);
      const client = createClient({ url: database.url });
      await client.execute("ANALYZE");
      // Each step indented by its depth, as the sqlite3 shell shows the tree: a sort inside a subquery is not the page's.
      explain = async ({ sql, params }) => {
        const rows = (await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as never })).rows;
        const depth = new Map<number, number>([[0, -1]]);
        return rows.map((r) => {
          const level = (depth.get(Number(r.parent)) ?? -1) + 1;
          depth.set(Number(r.id), level);
          return `${"  ".repeat(level)}${String(r.detail)}`;
        });
      };
      close = async () => client.close();
    } else {
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      reader = postgresReader(pool);
      // What autovacuum does on a live database: statistics, and the visibility map that index-only scans need.
      await pool.query("VACUUM ANALYZE");
      explain = async ({ sql, params }) => (await pool.query(`EXPLAIN ${sql}`, params)).rows.map((r) => String(r["QUERY PLAN"]));
      close = () => pool.end();
    }
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await db?.$disconnect();
    await database?.drop();
  });

  /** Runs `work` with a recording reader; returns the plans of what it sent, one string per statement. */
  async function plansOf(work: (reader: SqlReader) => Promise<unknown>): Promise<string[]> {
    const statements: Statement[] = [];
    await work(recording(reader, statements));
    expect(statements.length).toBeGreaterThan(0);
    return Promise.all(statements.map(async (s) => (await explain(s)).join("\n")));
  }

  /**
   * No full scan of a table that grows with the users. Sorts are allowed only over what an index lookup already
   * bounded (one user's emails, the rows of one page); the paging test checks separately that a page is chosen by
   * walking the index in order.
   */
  function expectIndexed(plan: string) {
    if (provider === "sqlite") {
      // "SCAN x" without an index reads every row of x; scans of the page or of a per-user subquery are bounded, and
      // the tally has one row per shard whatever the number of users.
      const fullScans = plan.split("\n").filter((line) => /\bSCAN\b/.test(line) && !/USING (COVERING )?INDEX|SCAN CONSTANT ROW|SCAN [ptxk]( LEFT-JOIN)?$|SCAN \(subquery-\d+\)|SCAN ScimIdentityTally$/.test(line));
      expect(fullScans, plan).toEqual([]);
    } else {
      expect(plan, plan).not.toMatch(/Seq Scan on "?(User|ScimIdentity|UserEmail|GroupMembership)"?\s/);
    }
  }

  /** The part of the plan that picks the page's rows (before their columns and children are read). */
  function pageSelection(plan: string): string {
    if (provider === "sqlite") {
      // A filtered page is picked in a subquery (p); the unfiltered one is read straight from the index, at the
      // statement's top level. Sorts inside a user's own subqueries (its groups) are not the page's.
      if (plan.includes("CO-ROUTINE p")) return plan.slice(plan.indexOf("CO-ROUTINE p"), plan.indexOf("SCAN p"));
      return plan.split("\n").filter((line) => !line.startsWith(" ")).join("\n");
    }
    // PostgreSQL: the Limit node and what it reads from, up to the join back to the page's own rows. A lookup by a
    // unique attribute has no page to pick: the whole plan is its selection.
    const start = plan.search(/->\s+Limit/);
    if (start === -1) return plan;
    const end = plan.indexOf('"ScimIdentity_pkey"', start);
    return plan.slice(start, end === -1 ? undefined : end);
  }

  const list = (query: Record<string, string>) => (source: SqlReader) => listScimUsers(listParamsFromQuery(new URLSearchParams(query), PAGING), source);

  it("GET /Users?filter=userName eq — a unique-index lookup", async () => {
    const plans = await plansOf(list({ filter: `userName eq "${seeded.userNames[12_345]}"` }));
    plans.forEach(expectIndexed);
    expect(pageSelection(plans[0])).toMatch(/ScimIdentity_userNameNorm_key/);
  });

  it("GET /Users?filter=externalId eq and Entra's emails[type eq \"work\"].value eq", async () => {
    const byExternalId = await plansOf(list({ filter: `externalId eq "ext-777"` }));
    byExternalId.forEach(expectIndexed);
    expect(pageSelection(byExternalId[0])).toMatch(/ScimIdentity_externalIdNorm_key/);
    // The address finds its user through the email index: the users are not walked to test each one's emails.
    const byEmail = await plansOf(list({ filter: `emails[type eq "work"].value eq "${seeded.userNames[777]}"` }));
    byEmail.forEach(expectIndexed);
    expect(pageSelection(byEmail[0])).toMatch(/UserEmail_valueNorm_idx/);
    expect(pageSelection(byEmail[0])).not.toMatch(/ScimIdentity_deletedAt_createdAt_id_idx/);
  });

  it("GET /Users?startIndex=…&count=100 deep in the list: one statement seeking from an anchor, total from the tally", async () => {
    const statements: Statement[] = [];
    const source = recording(reader, statements);
    const deep = list({ startIndex: String(USERS - 500), count: "100" });
    // The first deep page walks from the top (as before) and finds the anchors meanwhile: a seek and a skip of one
    // spacing per anchor, never a sort, never the users.
    await deep(source);
    await settledAnchors(source);
    const walk = statements.splice(0).slice(1);
    expect((await settledAnchors(source)).keys).toHaveLength(Math.floor((USERS - 1) / ANCHOR_SPACING));
    for (const statement of walk) {
      const plan = (await explain(statement)).join("\n");
      expectIndexed(plan);
      if (!/"ScimIdentity" i\b/.test(statement.sql)) continue;
      expect(plan).toMatch(provider === "sqlite" ? /SEARCH i USING COVERING INDEX ScimIdentity_deletedAt_createdAt_id_idx/ : /Index Only Scan using "ScimIdentity_deletedAt_createdAt_id_idx"/);
      // The keys are read in index order; only the batch's few keys are ordered afterwards (PostgreSQL numbers the
      // rows of one index range).
      const keys = provider === "sqlite" ? plan.slice(plan.indexOf("MATERIALIZE k"), plan.indexOf("SCAN t")) : plan.slice(plan.indexOf("Limit"));
      expect(keys, plan).toMatch(/ScimIdentity_deletedAt_createdAt_id_idx/);
      expect(keys, plan).not.toMatch(/TEMP B-TREE|Sort/);
    }
    // Then a deep page is one statement: the page from its anchor, the tally, and the check of the anchors (a
    // count from the last anchor on). Both reads of the identities seek to a key in the index.
    await deep(source);
    expect(statements.length).toBe(1);
    const plan = (await explain(statements[0])).join("\n");
    expectIndexed(plan);
    const seek = provider === "sqlite" ? /ScimIdentity_deletedAt_createdAt_id_idx \(deletedAt=\? AND \(createdAt,id\)>\(\?,\?\)\)/g : /Index Only Scan using "ScimIdentity_deletedAt_createdAt_id_idx"[^\n]*\n\s*Index Cond: \(\("deletedAt" IS NULL\) AND \(ROW\("createdAt", id\) >= ROW\(/g;
    expect(plan.match(seek), plan).toHaveLength(2);
    expect(pageSelection(plan), plan).not.toMatch(/TEMP B-TREE|Sort/);
  });

  it("a page served from stored documents: the page reads documents only, users without a current one by their id", async () => {
    // The seeded users have no documents yet: every user of the page is built by the second statement.
    const statements: Statement[] = [];
    const page = await listedPage(recording(reader, statements), 200, 100, true);
    expect(page.users).toHaveLength(100);
    expect(page.users.every((user) => "record" in user)).toBe(true);
    expect(statements).toHaveLength(2);
    expect(statements[0].sql).not.toMatch(/FROM "User"/);
    for (const statement of statements) expectIndexed((await explain(statement)).join("\n"));
    // The documents are read as the index is walked, in its order: no sort, no join back to the page's rows.
    const pagePlan = (await explain(statements[0])).join("\n");
    expect(pagePlan, pagePlan).toMatch(provider === "sqlite" ? /SEARCH i USING INDEX ScimIdentity_deletedAt_createdAt_id_idx/ : /Index Scan using "ScimIdentity_deletedAt_createdAt_id_idx"/);
    expect(pagePlan, pagePlan).not.toMatch(/TEMP B-TREE|Sort|ScimIdentity_pkey|sqlite_autoindex_ScimIdentity/);
    const byId = (await explain(statements[1])).join("\n");
    expect(byId, byId).toMatch(provider === "sqlite" ? /SEARCH u USING INDEX sqlite_autoindex_User_1 \(id=\?\)/ : /(Index Scan using|Bitmap Index Scan on) "User_pkey"/);
  });

  it("GET /Users?count=0 and the first page: the total from the tally, not a count of the identities", async () => {
    for (const query of [{ count: "0" }, { count: "100" }]) {
      const plans = await plansOf(list(query));
      expect(plans.length).toBe(1);
      plans.forEach(expectIndexed);
      // The identities are read for the page only (count=0 reads none).
      expect(plans[0].match(/ScimIdentity_deletedAt_createdAt_id_idx/g) ?? []).toHaveLength(query.count === "0" ? 0 : 1);
    }
  });

  it("GET /Users/{id}, and the lookup a POST makes before it writes", async () => {
    (await plansOf((source) => findScimUser(seeded.ids[4242], source))).forEach(expectIndexed);
    const statements: Statement[] = [];
    const claims = await readClaims(recording(reader, statements), { userNameNorm: seeded.userNames[9].toLowerCase(), externalIdNorm: "ext-9", emailNorm: seeded.userNames[9], usernameNorm: "user9" });
    expect(claims.identities).toHaveLength(1);
    expect(claims.usernameTaken).toBe(true);
    expect(claims.emailOwner).toMatchObject({ id: seeded.ids[9], username: "user9", state: "active" });
    expect(claims.emailOwner?.identityId).toBeTruthy();
    for (const s of statements) expectIndexed((await explain(s)).join("\n"));
  });

  it("the uniqueness check a PUT or PATCH makes before it writes, and the username a create picks when its own is taken", async () => {
    const input = userFromResource({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: seeded.userNames[77],
      externalId: "ext-77",
      emails: [{ value: seeded.userNames[78], primary: true }],
    });
    const plans = await plansOf(async (source) => {
      // User 78 owns the email: 409, after the one statement whose plan matters here.
      await expect(assertUnclaimed(source, input, seeded.ids[77])).rejects.toMatchObject({ status: 409 });
      expect(await pickUsername("user5", source)).not.toBe("user5");
    });
    expect(plans).toHaveLength(3);
    plans.forEach(expectIndexed);
  });
});

/** 40 groups of 500 members each: membership lookups must use their index, not scan. */
async function seedGroups(db: Db, userIds: string[]) {
  const at = new Date(Date.UTC(2025, 0, 1));
  for (let g = 0; g < 40; g++) {
    const group = await db.group.create({ data: { displayName: `Plan group ${g}`, displayNameNorm: `plan group ${g}` } });
    const members = userIds.slice(g * 500, g * 500 + 500).map((userId) => ({ groupId: group.id, userId, createdAt: at }));
    for (let i = 0; i < members.length; i += 200) await db.groupMembership.createMany({ data: members.slice(i, i + 200) });
  }
}
