import { createClient } from "@libsql/client";
import pg from "pg";
import type { Provider } from "../../lib/db/provider";

export type Structure = {
  tables: Record<string, { columns: Record<string, { type: string; nullable: boolean; default: string | null }>; indexes: Record<string, { unique: boolean; columns: string[] }> }>;
};

const IGNORED = new Set(["_prisma_migrations"]);

/** Tables, columns and indexes of a database, in a form two databases of the same provider can be compared by. */
export async function introspect(provider: Provider, url: string): Promise<Structure> {
  return provider === "sqlite" ? introspectSqlite(url) : introspectPostgres(url);
}

async function introspectSqlite(url: string): Promise<Structure> {
  const client = createClient({ url });
  try {
    const structure: Structure = { tables: {} };
    const tables = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    for (const row of tables.rows) {
      const table = String(row.name);
      if (IGNORED.has(table)) continue;
      const columns = await client.execute(`PRAGMA table_info("${table}")`);
      const indexes = await client.execute(`PRAGMA index_list("${table}")`);
      structure.tables[table] = { columns: {}, indexes: {} };
      for (const c of columns.rows) {
        structure.tables[table].columns[String(c.name)] = { type: String(c.type), nullable: !Number(c.notnull) && !Number(c.pk), default: c.dflt_value === null ? null : String(c.dflt_value) };
      }
      for (const i of indexes.rows) {
        const cols = await client.execute(`PRAGMA index_info("${String(i.name)}")`);
        structure.tables[table].indexes[String(i.name)] = { unique: Boolean(Number(i.unique)), columns: cols.rows.map((c) => String(c.name)) };
      }
    }
    return structure;
  } finally {
    client.close();
  }
}

async function introspectPostgres(url: string): Promise<Structure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const structure: Structure = { tables: {} };
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    for (const c of columns.rows) {
      if (IGNORED.has(c.table_name)) continue;
      structure.tables[c.table_name] ??= { columns: {}, indexes: {} };
      structure.tables[c.table_name].columns[c.column_name] = { type: c.data_type, nullable: c.is_nullable === "YES", default: c.column_default };
    }
    const indexes = await client.query(
      `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS unique,
              array_to_string(array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n), ',') AS columns
         FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`,
    );
    for (const i of indexes.rows) {
      if (IGNORED.has(i.table_name)) continue;
      structure.tables[i.table_name].indexes[i.index_name] = { unique: i.unique, columns: String(i.columns).split(",") };
    }
    return structure;
  } finally {
    await client.end();
  }
}
