import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testProviders, type TestDatabase } from "../../tests/support/databases";
import { connect, type Connection } from "../db";
import { Params, postgresql, sqlite, type Dialect } from "../scim/sql/dialect";
import { migrate } from "./migrate";
import type { Provider } from "./provider";
import { insertStatement, updateStatement } from "./sql-rows";
import { asOneStatement, executeTogether, type Statement } from "./statement";
import { isUniqueViolation } from "./unique-violation";

describe("several writes as one PostgreSQL statement", () => {
  it("makes each a WITH query, renumbering its placeholders after the ones before", () => {
    const one = asOneStatement(postgresql, [
      { text: `UPDATE "A" SET "x" = $1 WHERE "id" = $2`, params: [1, "a"] },
      { text: `INSERT INTO "B" ("y", "z") VALUES ($1, $2::timestamp(3)) RETURNING "y"`, params: [2, "t"], returning: true },
      { text: `DELETE FROM "C" WHERE "id" = $1 RETURNING "id"`, params: ["c"], returning: true },
    ]);
    expect(one.text).toBe(
      `WITH "s0" AS (UPDATE "A" SET "x" = $1 WHERE "id" = $2), "s1" AS (INSERT INTO "B" ("y", "z") VALUES ($3, $4::timestamp(3)) RETURNING "y"), ` +
        `"s2" AS (DELETE FROM "C" WHERE "id" = $5 RETURNING "id") SELECT (SELECT COALESCE(json_agg("s1"), '[]') FROM "s1") AS "r1", (SELECT COALESCE(json_agg("s2"), '[]') FROM "s2") AS "r2"`,
    );
    expect(one.params).toEqual([1, "a", 2, "t", "c"]);
  });

  it("selects a constant when no statement returns rows, and is PostgreSQL's only", () => {
    expect(asOneStatement(postgresql, [{ text: `DELETE FROM "A" WHERE "id" = $1`, params: [1] }]).text).toBe(`WITH "s0" AS (DELETE FROM "A" WHERE "id" = $1) SELECT 1`);
    expect(() => asOneStatement(sqlite, [])).toThrow(/PostgreSQL/);
  });
});

const providers = await testProviders();

describe.each(providers)("writes run together on %s", (provider: Provider) => {
  let database: TestDatabase;
  let connection: Connection;
  const now = new Date("2026-11-29T12:00:00.000Z");
  // A user with only its required columns (insertStatement's rows name every column).
  const user = (dialect: Dialect, id: string, username = id): Statement => {
    const p = new Params(dialect);
    const at = () => dialect.timestampParam(p.add(dialect.timestamp(now)));
    return {
      text: `INSERT INTO "User" ("id", "username", "usernameNorm", "name", "createdAt", "updatedAt") VALUES (${p.add(id)}, ${p.add(username)}, ${p.add(username.toLowerCase())}, ${p.add(username)}, ${at()}, ${at()})`,
      params: p.values,
    };
  };

  beforeAll(async () => {
    database = await freshDatabase(provider, "together");
    await migrate(database.url);
    connection = connect(database.url);
  });
  afterAll(async () => {
    await connection?.db.$disconnect();
    await database?.drop();
  });

  it("writes a row and the rows referring to it, and hands back what each RETURNING gave", async () => {
    const results = await connection.writer.transaction((sql) =>
      executeTogether(sql, [
        user(sql.dialect, "t1"),
        insertStatement(sql.dialect, "UserEmail", [
          { id: "e1", userId: "t1", value: "t1@example.com", valueNorm: "t1@example.com", type: "work", primary: true, display: null, position: 0 },
        ]),
        updateStatement(sql.dialect, "User", "t0-missing", { name: "nobody" }, ["id"]),
      ]),
    );
    expect(results).toEqual([[], [], []]);
    const [bumped] = await connection.writer.transaction((sql) => executeTogether(sql, [updateStatement(sql.dialect, "User", "t1", { name: "Tee One", updatedAt: now }, ["name"])]));
    expect(bumped).toEqual([{ name: "Tee One" }]);
    const emails = await connection.db.userEmail.findMany({ where: { userId: "t1" } });
    expect(emails.map((e) => e.value)).toEqual(["t1@example.com"]);
  });

  it("writes none of them when one fails, with the database's own error", async () => {
    const failure = await connection.writer
      .transaction((sql) => executeTogether(sql, [user(sql.dialect, "t2"), user(sql.dialect, "t3", "T1")]))
      .catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await connection.db.user.count({ where: { id: { in: ["t2", "t3"] } } })).toBe(0);
  });

  it("refuses a reference to a row that is not there", async () => {
    await expect(
      connection.writer.transaction((sql) =>
        executeTogether(sql, [
          insertStatement(sql.dialect, "UserEmail", [
            { id: "e9", userId: "nobody", value: "x@example.com", valueNorm: "x@example.com", type: null, primary: false, display: null, position: 0 },
          ]),
          user(sql.dialect, "t4"),
        ]),
      ),
    ).rejects.toThrow();
    expect(await connection.db.user.count({ where: { id: "t4" } })).toBe(0);
  });
});
