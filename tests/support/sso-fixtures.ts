import crypto from "node:crypto";
import { createDb, type Db } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import type { Provider } from "../../lib/db/provider";
import { freshDatabase, type TestDatabase } from "./databases";

export type ServiceDatabase = { database: TestDatabase; db: Db; close: () => Promise<void> };

/** A fresh, migrated database and a client on it, for calling services directly (no server). */
export async function serviceDatabase(provider: Provider, label: string): Promise<ServiceDatabase> {
  const database = await freshDatabase(provider, label);
  await migrate(database.url);
  const db = createDb(database.url);
  return {
    database,
    db,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** A provisioned user as POST /Users leaves it: a user and an active SCIM identity. */
export async function provisionedUser(db: Db, options: { externalId?: string | null; email?: string; role?: string } = {}) {
  const hex = crypto.randomBytes(4).toString("hex");
  const email = options.email ?? `user.${hex}@example.com`;
  const externalId = options.externalId === undefined ? `00u${hex}` : options.externalId;
  const user = await db.user.create({
    data: {
      username: `user.${hex}`,
      usernameNorm: `user.${hex}`,
      email,
      emailNorm: email.toLowerCase(),
      name: `User ${hex}`,
      nameNorm: `user ${hex}`,
      role: options.role ?? "user",
      scimIdentity: { create: { userName: email, userNameNorm: email.toLowerCase(), externalId, externalIdNorm: externalId?.toLowerCase() ?? null } },
    },
  });
  return { user, email, externalId: externalId ?? "" };
}

/** A local account (made with the CLI): no SCIM identity. */
export async function localUser(db: Db, options: { email?: string; role?: string } = {}) {
  const hex = crypto.randomBytes(4).toString("hex");
  const email = options.email ?? `local.${hex}@example.com`;
  return db.user.create({
    data: { username: `local.${hex}`, usernameNorm: `local.${hex}`, email, emailNorm: email.toLowerCase(), name: "Local", nameNorm: "local", role: options.role ?? "user" },
  });
}
