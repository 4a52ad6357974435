import { vi } from "vitest";
import type { Db } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase, type TestDatabase } from "./databases";

// Services run on the process-wide `db`, which reads DATABASE_URL once: a test of a service gets a fresh, migrated
// database, the environment pointed at it, and fresh copies of the modules (and of the connection on globalThis).

/** Points this test process at a new migrated database; import the services and `lib/db` afterwards. */
export async function pointProcessAtFreshDatabase(provider: Provider, name: string): Promise<TestDatabase> {
  const database = await freshDatabase(provider, name);
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "process-database-test-secret-0123456789";
  forgetProcessDb();
  vi.resetModules();
  return database;
}

/** Disconnects the process-wide client and drops the database. */
export async function dropProcessDatabase(database: TestDatabase | undefined, db: Db | undefined): Promise<void> {
  await db?.$disconnect();
  forgetProcessDb();
  await database?.drop();
}

function forgetProcessDb() {
  delete (globalThis as { dbConnection?: unknown }).dbConnection;
}
