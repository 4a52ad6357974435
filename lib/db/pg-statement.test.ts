import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable, type TestDatabase } from "../../tests/support/databases";
import { postgresReader } from "./direct-reader";
import { postgresWriter } from "./direct-writer";
import { preparedQuery, unnamedQuery } from "./pg-statement";

describe("naming a statement after its text", () => {
  it("gives one text one name, and different texts different names", () => {
    const a = preparedQuery(`SELECT 1 WHERE $1::int = 1`, [1]);
    expect(preparedQuery(`SELECT 1 WHERE $1::int = 1`, [2])).toEqual({ ...a, values: [2] });
    expect(a.name).toMatch(/^scim_[\w-]{24}$/);
    expect(preparedQuery(`SELECT 2 WHERE $1::int = 1`, [1]).name).not.toBe(a.name);
    expect(unnamedQuery(`SELECT 1`, [])).toEqual({ text: `SELECT 1`, values: [] });
  });
});

// PostgreSQL parses and plans an unnamed statement every time; a named one once per connection.
describe.runIf(await postgresAvailable())("prepared statements on PostgreSQL", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const preparedHere = async () => (await pool.query<{ statement: string }>(`SELECT "statement" FROM pg_prepared_statements`)).rows.map((r) => r.statement);

  beforeAll(async () => {
    database = await freshDatabase("postgresql", "prepared");
    // One connection, so what the reader and the writer prepared is what the check sees.
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("prepares each text once on a connection and answers from it again", async () => {
    const reader = postgresReader(pool, preparedQuery);
    const text = `SELECT $1::int + 1 AS "n"`;
    expect(await reader.query(text, [1])).toEqual([{ n: 2 }]);
    expect(await reader.query(text, [41])).toEqual([{ n: 42 }]);
    const written = await postgresWriter(pool, preparedQuery).transaction((sql) => sql.query<{ n: number }>(`SELECT $1::int * 2 AS "n"`, [21]));
    expect(written).toEqual([{ n: 42 }]);
    expect(await preparedHere()).toEqual(expect.arrayContaining([`SELECT $1::int + 1 AS "n"`, `SELECT $1::int * 2 AS "n"`]));
  });

  it("prepares nothing when turned off", async () => {
    const reader = postgresReader(pool, unnamedQuery);
    expect(await reader.query(`SELECT $1::int - 1 AS "n"`, [1])).toEqual([{ n: 0 }]);
    expect(await preparedHere()).not.toContain(`SELECT $1::int - 1 AS "n"`);
  });
});
