import { config } from "../env";
import { dialectFor, type Dialect } from "../scim/sql/dialect";
import type { Tx } from "../db";

/**
 * The SQL dialect of the database a client (or transaction) talks to. Raw SQL must follow the client it runs on,
 * not the process's DATABASE_URL: tests and tools pass clients of their own.
 */
export function dialectOf(client: Tx): Dialect {
  const provider = (client as unknown as { _activeProvider?: string })._activeProvider;
  if (provider === "postgresql" || provider === "sqlite") return dialectFor(provider);
  return dialectFor(config().provider);
}
