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

// Under load a transaction first queues for a connection (the pool's, or SQLite's one). Prisma's default 2 s wait
// turned a burst of IdP traffic on two instances into 500s although every request would have been served a moment
// later; the IdP's own HTTP timeout (tens of seconds) is the real bound. `timeout` caps how long one transaction may
// hold its connection and row locks.
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

/** A client of its own (tests and tools pass their database); `poolSize` caps its PostgreSQL connections. */
export function createDb(databaseUrl: string, poolSize = 10): Db {
  if (databaseUrl.startsWith("file:")) {
    return new SqliteClient({ adapter: new SingleConnectionLibSQL({ url: databaseUrl }), transactionOptions });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { db?: Db };

function instance(): Db {
  globalForDb.db ??= createDb(config().databaseUrl, config().databasePoolSize);
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
