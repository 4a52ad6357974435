// Usage: npm run --silent migration:new -- <name>
// Writes the same-named migration for SQLite and PostgreSQL from the change to prisma/models.prisma since the last
// migration, so the two histories move together. Review both SQL files before committing.
import fs from "node:fs";
import path from "node:path";
import { SNAPSHOT_FILE, diffModels, readModels, readSnapshot } from "./lib/schema-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run --silent migration:new -- <name in snake_case>");
  process.exit(2);
}
const snapshot = readSnapshot();
const sql = {
  sqlite: await diffModels("sqlite", snapshot),
  postgresql: await diffModels("postgresql", snapshot),
};
if (!sql.sqlite && !sql.postgresql) {
  console.log("prisma/models.prisma has not changed since the last migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const provider of ["sqlite", "postgresql"] as const) {
  const dir = path.join("prisma", provider, "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), `${sql[provider]}\n`);
  console.log(`wrote ${dir}/migration.sql`);
}
fs.writeFileSync(SNAPSHOT_FILE, readModels());
console.log(`updated ${SNAPSHOT_FILE}`);
