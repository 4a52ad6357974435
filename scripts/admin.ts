// The operators' CLI:  npm run --silent admin -- <command> [options]
import { parseArgs } from "node:util";
import { SYSTEM } from "../lib/audit/record-event";
import { generatePassword } from "../lib/auth/password";
import { db } from "../lib/db";
import { backupSqlite } from "../lib/db/backup-sqlite";
import { migrate } from "../lib/db/migrate";
import { ConfigError, config } from "../lib/env";
import { generateToken } from "../lib/scim-tokens/generate-token";
import { createLocalUser } from "../lib/users/create-local-user";
import { DomainError } from "../lib/users/errors";

const HELP = `Usage: npm run --silent admin -- <command> [options]

Commands:
  create-admin --email E [--password P]   Create an admin who signs in with a password. Without --password a
                                          strong one is generated and printed once.
  create-user --email E [--password P]    Create a local user without admin rights.
  scim-token generate [--expires-in-days N]
                                          Generate a SCIM token, print it alone on stdout, and revoke the
                                          previous one (as the Admin Area does).
  migrate                                 Apply pending database migrations.
  backup <file> [--force]                 Copy the SQLite database to <file> while the server runs: a
                                          consistent snapshot, restored by stopping the server and putting
                                          the file in place of the database. Refuses to overwrite <file>
                                          without --force. On PostgreSQL use pg_dump -Fc instead.
  --help                                  Show this help.

Configuration comes from the environment (DATABASE_URL, ...), as for the server.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP);
    return;
  }
  const c = config();
  switch (command) {
    case "migrate": {
      const result = await migrate(c.databaseUrl, { log: (msg) => console.error(msg) });
      console.error(result.applied.length ? `Applied ${result.applied.length} migration(s).` : "The database schema is already current.");
      return;
    }
    case "create-admin":
    case "create-user": {
      const { values } = parse(rest, { email: { type: "string" }, password: { type: "string" } });
      if (!values.email) throw new UsageError(`${command} needs --email`);
      await migrate(c.databaseUrl);
      const password = values.password ?? generatePassword();
      const role = command === "create-admin" ? "admin" : "user";
      const user = await createLocalUser({ email: values.email, password, role, actor: { type: "system", label: "cli" } });
      console.error(`Created ${role} ${user.email} (username ${user.username}).`);
      if (!values.password) console.log(`Password: ${password}`);
      console.error(`Sign in at ${c.appUrl}/login`);
      return;
    }
    case "scim-token": {
      const [sub, ...options] = rest;
      if (sub !== "generate") throw new UsageError(`unknown scim-token command "${sub ?? ""}"; did you mean "scim-token generate"?`);
      const { values } = parse(options, { "expires-in-days": { type: "string" } });
      const days = values["expires-in-days"] === undefined ? undefined : Number(values["expires-in-days"]);
      if (days !== undefined && !(Number.isInteger(days) && days > 0)) throw new UsageError("--expires-in-days must be a positive whole number");
      await migrate(c.databaseUrl);
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000) : undefined;
      const { token } = await generateToken({ actor: { ...SYSTEM, label: "cli" }, expiresAt });
      console.log(token);
      console.error(`SCIM API endpoint URL: ${c.scimBaseUrl}`);
      return;
    }
    case "backup": {
      const { values, positionals } = parseBackup(rest);
      if (positionals.length !== 1) throw new UsageError("backup needs exactly one <file>");
      const started = Date.now();
      const result = await backupSqlite({ databaseUrl: c.databaseUrl, file: positionals[0], force: values.force });
      console.error(`Backed up the database to ${result.file} (${result.bytes} bytes) in ${Date.now() - started} ms.`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse<T extends Record<string, { type: "string" }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseBackup(args: string[]) {
  try {
    return parseArgs({ args, options: { force: { type: "boolean" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

main(process.argv.slice(2))
  .then(() => db.$disconnect().catch(() => {}))
  .catch(async (error: unknown) => {
    if (error instanceof UsageError) console.error(`error: ${error.message}\n\n${HELP}`);
    else if (error instanceof ConfigError || error instanceof DomainError) console.error(`error: ${error.message}`);
    else console.error(`error: ${(error as Error).message ?? error}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
    await db.$disconnect().catch(() => {});
  });
