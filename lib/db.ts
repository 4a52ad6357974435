import { SingleConnectionLibSQL } from "./db/sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { postgresReader, sqliteReader } from "./db/direct-reader";
import { postgresWriter, type SqlWriter } from "./db/direct-writer";
import { preparedQuery, unnamedQuery } from "./db/pg-statement";
import { sqliteWriter } from "./db/sqlite-writer";
import type { Sql, SqlReader } from "./db/reader";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/prisma-sqlite/client";
import { config } from "./env";
import { log } from "./log";

// One build serves both databases: the client and driver adapter are picked from DATABASE_URL at run time. The
// two generated clients come from the same models file, so the SQLite one (the stricter of the two: no
// insensitive modes, no skipDuplicates) is the type the code is written against.
export type Db = SqliteClient;
/** What a service accepts so that callers can compose it into their own transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type { Prisma } from "./generated/prisma-sqlite/client";
export type { AuditEvent, ScimIdentity, ScimRequestLog, ScimToken, User, UserEmail } from "./generated/prisma-sqlite/client";

// Under load a transaction first queues for a connection (the pool's, or SQLite's one). Prisma's default 2 s wait
// turned a burst of IdP traffic on two instances into 500s although every request would have been served a moment
// later; the IdP's own HTTP timeout (tens of seconds) is the real bound. `timeout` caps how long one transaction may
// hold its connection and row locks.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

/** A client of its own (tests and tools pass their database); `poolSize` caps its PostgreSQL connections. */
export function createDb(databaseUrl: string, poolSize = 10): Db {
  return connect(databaseUrl, { poolSize }).db;
}

export type ConnectOptions = {
  /** PostgreSQL connections this process may open. */
  poolSize?: number;
  /** Whether PostgreSQL keeps the hot paths' statements prepared on each connection (lib/db/pg-statement.ts). */
  preparedStatements?: boolean;
};

export type Connection = { db: Db; reader: SqlReader; writer: SqlWriter };

/** A Prisma client, and a reader and a writer straight on the same database's driver (on PostgreSQL, the same pool). */
export function connect(databaseUrl: string, { poolSize = 10, preparedStatements = true }: ConnectOptions = {}): Connection {
  if (databaseUrl.startsWith("file:")) {
    const adapter = new SingleConnectionLibSQL({ url: databaseUrl });
    return {
      db: new SqliteClient({ adapter, transactionOptions }),
      reader: sqliteReader(databaseUrl),
      writer: sqliteWriter(databaseUrl, adapter.lock),
    };
  }
  // A request waits for a connection as long as a Prisma transaction does (maxWait), then answers 503.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: transactionOptions.maxWait });
  // An idle connection the server ends (a restart, a failover) must not take the process down; the next query
  // opens a new one, and a request meanwhile answers 503 (lib/db/unavailable.ts).
  pool.on("error", (error) => log.warn("database connection lost", { error: error.message }));
  const db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions }) as unknown as Db;
  const queryOf = preparedStatements ? preparedQuery : unnamedQuery;
  return { db, reader: postgresReader(pool, queryOf), writer: postgresWriter(pool, queryOf) };
}

const globalForDb = globalThis as unknown as { dbConnection?: Connection };

function instance(): Connection {
  // Tests that point the process at another database delete it (tests/support/process-database.ts); it is made anew.
  return (globalForDb.dbConnection ??= connect(config().databaseUrl, { poolSize: config().databasePoolSize, preparedStatements: config().databasePreparedStatements }));
}

/**
 * Reads of committed data outside any transaction, straight on the driver (see lib/db/direct-reader.ts). Inside
 * a transaction, read through the transaction (`readerOf(tx)`) to see its own writes.
 */
export function reader(): SqlReader {
  return instance().reader;
}

/**
 * A transaction straight on the driver (see lib/db/direct-writer.ts): for the provisioning hot paths, whose work
 * is plain SQL throughout. It must not call Prisma inside.
 */
export function writeTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  return instance().writer.transaction(work);
}

/**
 * The one Prisma client of this process, created on first use (not at import, so `next build` never needs a
 * database) and kept on globalThis so dev-mode reloads do not open new pools.
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = instance().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
