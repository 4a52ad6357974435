import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Provider } from "./provider";

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsDir(provider: Provider, root = process.cwd()): string {
  return path.join(root, "prisma", provider, "migrations");
}

/** The migration history of one provider, in the order Prisma Migrate names them (timestamp prefix). */
export function readMigrations(provider: Provider, root?: string): Migration[] {
  const dir = migrationsDir(provider, root);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}
