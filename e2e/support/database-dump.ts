import fs from "node:fs";
import { createClient } from "@libsql/client";
import pg from "pg";
import { providerOf } from "../../lib/db/provider";

export type Dump = { text: string; tables: number; rows: number; columns: number };

/** Binary values as the bytes they hold (latin1 keeps every byte), so a secret stored in one is still found. */
function cell(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("latin1");
  if (Buffer.isBuffer(value)) return value.toString("latin1");
  if (typeof value === "bigint") return String(value);
  return value;
}

function render(table: string, rows: Record<string, unknown>[]): string {
  return rows.map((row) => `${table}\t${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)])))}\n`).join("");
}

/**
 * Every row of every table, every column, as text; for SQLite also the database file and its WAL byte for byte,
 * so rows deleted or rewritten but still on disk are searched too.
 */
export async function dumpDatabase(databaseUrl: string): Promise<Dump> {
  const dump: Dump = { text: "", tables: 0, rows: 0, columns: 0 };
  if (providerOf(databaseUrl) === "sqlite") {
    const client = createClient({ url: databaseUrl });
    try {
      const tables = (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map((r) => String(r.name));
      for (const table of tables) {
        const result = await client.execute(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
        dump.tables++;
        dump.rows += result.rows.length;
        dump.columns += result.columns.length;
        const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
        dump.text += render(table, rows);
      }
    } finally {
      client.close();
    }
    const file = databaseUrl.replace(/^file:/, "");
    for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) dump.text += fs.readFileSync(f).toString("latin1");
    return dump;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { schema, name } of tables.rows) {
      const result = await client.query(`SELECT * FROM "${schema}"."${name.replaceAll('"', '""')}"`);
      dump.tables++;
      dump.rows += result.rows.length;
      dump.columns += result.fields.length;
      dump.text += render(`${schema}.${name}`, result.rows);
    }
  } finally {
    await client.end();
  }
  return dump;
}
