import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossingLocks } from "../../tests/support/crossing-locks";
import { freshDatabase, testProviders, type TestDatabase } from "../../tests/support/databases";
import { createDb, type Db } from "../db";
import { migrate } from "./migrate";
import type { Provider } from "./provider";
import { increment, insertRows, updateRow } from "./sql-rows";
import { isUniqueViolation } from "./unique-violation";
import { isWriteConflict } from "./write-conflict";

// Plain-SQL writes must leave rows the ORM reads exactly as if it had written them: same timestamps (format and
// precision), booleans, nulls; and a unique violation from plain SQL must be recognised as one (→ 409).

const providers = await testProviders();
const at = new Date(Date.UTC(2026, 10, 29, 8, 30, 15, 123));

function userRow(id: string, username: string) {
  return {
    id, username, usernameNorm: username.toLowerCase(), email: null, emailNorm: null, name: username, givenName: "Ada", familyName: null,
    middleName: null, honorificPrefix: null, honorificSuffix: null, formattedName: null, displayName: null, nickName: null, title: null,
    userType: null, locale: null, preferredLanguage: null, timezone: null, profileUrl: null, phoneNumbers: null, addresses: null,
    employeeNumber: null, costCenter: null, organization: null, division: null, department: null, managerId: null, managerName: null,
    passwordHash: null, blockedAt: null, blockedReason: null, lastSignInAt: null, createdAt: at, updatedAt: at,
  };
}

describe.each(providers)("plain-SQL rows on %s", (provider: Provider) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await freshDatabase(provider, "sqlrows");
    await migrate(database.url);
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("inserts rows the ORM reads back as written, database defaults included", async () => {
    await insertRows(db, "User", [userRow("u1", "Ada"), userRow("u2", "Bob")]);
    await insertRows(db, "UserEmail", [
      { id: "e1", userId: "u1", position: 0, value: "A@x.org", valueNorm: "a@x.org", type: "work", primary: true, display: null },
      { id: "e2", userId: "u1", position: 1, value: "b@x.org", valueNorm: "b@x.org", type: null, primary: false, display: "B" },
    ]);
    await insertRows(db, "ScimIdentity", [
      { id: "i1", userId: "u1", userName: "Ada", userNameNorm: "ada", externalId: null, externalIdNorm: null, deletedAt: null, createdAt: at, updatedAt: at, deactivatedAt: null, reactivatedAt: null, document: null, documentKey: null },
    ]);
    const user = await db.user.findUniqueOrThrow({ where: { id: "u1" }, include: { emails: { orderBy: { position: "asc" } }, scimIdentity: true } });
    expect(user).toMatchObject({ username: "Ada", givenName: "Ada", familyName: null, state: "active", role: "user", sessionVersion: 0, nameNorm: "", createdAt: at, updatedAt: at });
    expect(user.emails.map((e) => [e.value, e.primary, e.type, e.display])).toEqual([["A@x.org", true, "work", null], ["b@x.org", false, null, "B"]]);
    expect(user.scimIdentity).toMatchObject({ active: true, version: 1, deletedAt: null, createdAt: at });
    // Range queries on timestamps compare as the ORM's own rows do.
    expect(await db.user.count({ where: { createdAt: { gte: at, lte: at } } })).toBe(2);
  });

  it("updates one row by id, with increments, and returns the columns as stored", async () => {
    const later = new Date(at.getTime() + 60_000);
    const row = await updateRow(db, "ScimIdentity", "i1", { active: false, version: increment(1), deactivatedAt: later, updatedAt: later }, ["version", "active"]);
    expect(Number(row?.version)).toBe(2);
    expect(row?.active === false || row?.active === 0).toBe(true);
    expect(await db.scimIdentity.findUniqueOrThrow({ where: { id: "i1" } })).toMatchObject({ active: false, version: 2, deactivatedAt: later, updatedAt: later });
    expect(await updateRow(db, "ScimIdentity", "missing", { version: increment(1) }, ["version"])).toBeNull();
  });

  it("reports a unique violation from plain SQL as one, and other errors as not", async () => {
    const duplicate = await insertRows(db, "User", [userRow("u3", "ADA")]).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const ormDuplicate = await db.user.create({ data: { ...userRow("u4", "bob"), createdAt: undefined, updatedAt: undefined } }).catch((error: unknown) => error);
    expect(isUniqueViolation(ormDuplicate)).toBe(true);
    const missingParent = await insertRows(db, "UserEmail", [{ id: "e9", userId: "nobody", position: 0, value: "x", valueNorm: "x", type: null, primary: false, display: null }]).catch((e: unknown) => e);
    expect(missingParent).toBeInstanceOf(Error);
    expect(isUniqueViolation(missingParent)).toBe(false);
  });

  // SQLite runs one writing transaction at a time: it cannot deadlock.
  if (provider === "postgresql") it("reports a deadlock between two transactions as a write conflict (503, retry), not a failure", async () => {
    const lock = (tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], id: string) => tx.$queryRawUnsafe(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, id);
    const failures = await crossingLocks(
      (first, second, meet) =>
        db.$transaction(async (tx) => {
          await lock(tx, first);
          await meet();
          await lock(tx, second);
        }),
      ["u1", "u2"],
    );
    expect(failures).toHaveLength(1);
    expect(isWriteConflict(failures[0])).toBe(true);
    expect(isUniqueViolation(failures[0])).toBe(false);
  });
});
