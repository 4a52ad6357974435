import { SYSTEM } from "./audit/record-event";
import { db } from "./db";
import { migrate } from "./db/migrate";
import { startCheckpointer } from "./db/sqlite-checkpointer";
import { sqliteFile } from "./db/sqlite-connection";
import { config } from "./env";
import { log } from "./log";
import { createLocalUser } from "./users/create-local-user";

/**
 * Runs once per server process before it serves anything (from instrumentation.ts): applies pending migrations
 * under a lock, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, says how to sign in, and on SQLite
 * starts the background checkpointer (lib/db/sqlite-checkpointer.ts).
 */
export async function startup(): Promise<void> {
  const c = config();
  const result = await migrate(c.databaseUrl, { log: (msg) => log.info(msg) });
  log.info("database schema is current", { provider: c.provider, migrations: result.total, applied: result.applied.length });
  if (c.admin) await ensureAdmin(c.admin.email, c.admin.password);
  await announceSignIn(c.appUrl);
  if (c.provider === "sqlite" && c.sqliteBackgroundCheckpoint) startCheckpointer(sqliteFile(c.databaseUrl));
}

async function ensureAdmin(email: string, password: string): Promise<void> {
  const existing = await db.user.findUnique({ where: { emailNorm: email.toLowerCase() }, select: { id: true } });
  if (existing) return;
  try {
    await createLocalUser({ email, password, role: "admin", actor: SYSTEM });
    log.info("created the first admin from ADMIN_EMAIL", { email });
  } catch (error) {
    // Another instance starting at the same moment may have created it.
    if (!(await db.user.findUnique({ where: { emailNorm: email.toLowerCase() } }))) throw error;
  }
}

async function announceSignIn(appUrl: string): Promise<void> {
  const admins = await db.user.count({ where: { role: "admin", state: "active" } });
  if (admins > 0) {
    log.info(`Sign in at ${appUrl}/login`);
    return;
  }
  log.warn(
    `No admin yet. Create one with:  npm run --silent admin -- create-admin --email you@example.com   then sign in at ${appUrl}/login`,
  );
}

/** A server that cannot migrate must not serve at all. */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
  } catch (error) {
    log.error(`Start-up failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
