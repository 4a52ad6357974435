import { SingleConnectionLibSQL } from "./db/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client";
import { config } from "./env";

// One build serves both databases: the client and driver adapter are picked from DATABASE_URL at run time. The
// two generated clients come from the same models file, so the SQLite one (the stricter of the two: no
// insensitive modes, no skipDuplicates) is the type the code is written against.
export type Db = SqliteClient;
/** What a service accepts so that callers can compose it into their own transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type { Prisma } from "./generated/prisma-sqlite/client";
export type { AuditEvent, ScimIdentity, ScimToken, User, UserEmail } from "./generated/prisma-sqlite/client";

// Prisma gives up on a transaction that waited 2 s for a connection (PostgreSQL pool) or for the one SQLite
// connection: a burst of 30 concurrent creates on a busy 2-core machine answered 20 of them 500 (P2028). Waiting
// in line is what a burst should do; an IdP's own request timeout is far longer. `timeout` bounds a transaction
// once started (5 s by default), which a 2,500-member group PATCH on a loaded machine can need.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    return new SqliteClient({ adapter: new SingleConnectionLibSQL({ url: databaseUrl }), transactionOptions });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { db?: Db };

function instance(): Db {
  globalForDb.db ??= createDb(config().databaseUrl);
  return globalForDb.db;
}

/**
 * The one Prisma client of this process, created on first use (not at import, so `next build` never needs a
 * database) and kept on globalThis so dev-mode reloads do not open new pools.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = instance();
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
