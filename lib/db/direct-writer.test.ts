import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingLocks } from "../../tests/support/crossing-locks";
import { freshDatabase, testProviders, type TestDatabase } from "../../tests/support/databases";
import { connect, type Connection } from "../db";
import { migrate } from "./migrate";
import type { Provider } from "./provider";
import { Params } from "../scim/sql/dialect";
import type { Sql } from "./reader";
import { isUniqueViolation } from "./unique-violation";
import { isWriteConflict } from "./write-conflict";

// The driver-level writer carries the provisioning hot paths: it must commit all or nothing, report the errors
// the services map to 409 and 503 like Prisma's, and (SQLite) take turns with Prisma's own transactions.

const providers = await testProviders();
const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

async function addUser(sql: Sql, id: string, username = id) {
  const p = new Params(sql.dialect);
  const now = () => sql.dialect.timestampParam(p.add(sql.dialect.timestamp(new Date())));
  await sql.execute(
    `INSERT INTO "User" ("id", "username", "usernameNorm", "name", "createdAt", "updatedAt") VALUES (${p.add(id)}, ${p.add(username)}, ${p.add(username.toLowerCase())}, ${p.add(username)}, ${now()}, ${now()})`,
    p.values,
  );
}

describe.each(providers)("transactions straight on the driver on %s", (provider: Provider) => {
  let database: TestDatabase;
  let connection: Connection;
  const usernames = async () => (await connection.db.user.findMany({ select: { username: true }, orderBy: { username: "asc" } })).map((u) => u.username);

  beforeAll(async () => {
    database = await freshDatabase(provider, "writer");
    await migrate(database.url);
    connection = connect(database.url);
  });
  afterAll(async () => {
    await connection?.db.$disconnect();
    await database?.drop();
  });

  it("commits what the work wrote, and returns its result", async () => {
    const result = await connection.writer.transaction(async (sql) => {
      await addUser(sql, "c1");
      return (await sql.query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "User"`, [])).map((r) => Number(r.n));
    });
    expect(result).toEqual([1]);
    expect(await usernames()).toEqual(["c1"]);
  });

  it("writes nothing when the work throws, and hands the error on", async () => {
    const failure = new Error("changed my mind");
    await expect(
      connection.writer.transaction(async (sql) => {
        await addUser(sql, "r1");
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await usernames()).toEqual(["c1"]);
  });

  it("reports a unique violation as one (→ 409), with the whole transaction undone", async () => {
    const error = await connection.writer
      .transaction(async (sql) => {
        await addUser(sql, "u1", "fresh");
        await addUser(sql, "u2", "C1");
      })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isWriteConflict(error)).toBe(false);
    expect(await usernames()).toEqual(["c1"]);
  });

  it("takes turns with Prisma's transactions: none overlaps another, none fails", async () => {
    let inside = 0;
    let overlaps = 0;
    const turn = async (write: () => Promise<unknown>) => {
      if (++inside > 1) overlaps++;
      await pause();
      await write();
      await pause();
      inside--;
    };
    const direct = (n: number) => connection.writer.transaction((sql) => turn(() => addUser(sql, `d${n}`)));
    const prisma = (n: number) =>
      connection.db.$transaction((tx) => turn(() => tx.user.create({ data: { id: `p${n}`, username: `p${n}`, usernameNorm: `p${n}`, name: `p${n}` } })));
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => (n % 2 ? direct(n) : prisma(n))));
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    // SQLite has one writer at a time; on PostgreSQL the transactions do run side by side.
    if (provider === "sqlite") expect(overlaps).toBe(0);
    expect(await usernames()).toHaveLength(21);
  });

  // SQLite runs one writing transaction at a time: it cannot deadlock.
  if (provider === "postgresql") it("reports a deadlock between two of its transactions as a write conflict (503, retry)", async () => {
    const lock = (sql: Sql, id: string) => sql.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [id]);
    const failures = await crossingLocks(
      (first, second, meet) =>
        connection.writer.transaction(async (sql) => {
          await lock(sql, first);
          await meet();
          await lock(sql, second);
        }),
      ["c1", "d1"],
    );
    expect(failures).toHaveLength(1);
    expect(isWriteConflict(failures[0])).toBe(true);
  });
});
