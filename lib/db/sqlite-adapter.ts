import type { Client, Config, Transaction, TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { Mutex } from "./mutex";

// libsql's local client hands its connection to every transaction and opens a new one for what follows, so each
// Prisma transaction paid for opening the database file again and lost the connection's pragmas. Prisma's libsql
// adapter already serialises all work behind one lock, held by a transaction until it commits or rolls back, so
// one connection can serve both: this client begins, commits and rolls back on the connection it already has.
//
// The driver-level writer (lib/db/direct-writer.ts) writes on a connection of its own: `lock` makes the two take
// turns, held here for each statement outside a transaction and from BEGIN to COMMIT or ROLLBACK.

/** Every writing connection's settings. */
export const WRITER_PRAGMAS = [
  // Wait for another process (the admin CLI, a second instance) instead of failing at once.
  "PRAGMA busy_timeout = 5000",
  // With WAL, NORMAL keeps the database consistent across crashes; only the last commits may roll back on power loss.
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA temp_store = MEMORY",
];

const BEGIN: Record<TransactionMode, string> = { write: "BEGIN IMMEDIATE", read: "BEGIN DEFERRED", deferred: "BEGIN DEFERRED" };

function sameConnectionTransaction(client: Client, mode: TransactionMode, release: () => void): Promise<Transaction> {
  let closed = false;
  const end = async (sql: string) => {
    if (closed) return;
    closed = true;
    try {
      await client.execute(sql);
    } finally {
      release();
    }
  };
  return client.execute(BEGIN[mode]).then(
    (): Transaction => ({
      execute: (stmt: Parameters<Client["execute"]>[0]) => client.execute(stmt as never),
      batch: (stmts: Parameters<Client["batch"]>[0]) => Promise.all(stmts.map((s) => client.execute(s as never))),
      executeMultiple: (sql: string) => client.executeMultiple(sql),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
      close: () => {
        if (!closed) void end("ROLLBACK").catch(() => {});
      },
      get closed() {
        return closed;
      },
    }) as Transaction,
  );
}

export class SingleConnectionLibSQL extends PrismaLibSQL {
  constructor(
    config: Config,
    readonly lock = new Mutex(),
  ) {
    super(config);
  }

  override createClient(config: Config): Client {
    const client = super.createClient(config);
    const lock = this.lock;
    const ready = (async () => {
      for (const pragma of WRITER_PRAGMAS) await client.execute(pragma);
    })();
    const locked = async <T>(work: () => Promise<T>): Promise<T> => {
      const release = await lock.acquire();
      try {
        return await work();
      } finally {
        release();
      }
    };
    return new Proxy(client, {
      get(target, prop) {
        if (prop === "transaction") return async (mode: TransactionMode = "write") => {
          await ready;
          const release = await lock.acquire();
          return sameConnectionTransaction(target, mode, release).catch((error) => {
            release();
            throw error;
          });
        };
        if (prop === "execute") return async (...args: Parameters<Client["execute"]>) => {
          await ready;
          return locked(() => target.execute(...args));
        };
        if (prop === "batch" || prop === "executeMultiple") return async (...args: unknown[]) => {
          await ready;
          return locked(() => (target[prop] as (...a: unknown[]) => Promise<unknown>)(...args));
        };
        // The client keeps its state in private fields: call through the real object, never the proxy.
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
