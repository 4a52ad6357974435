import crypto from "node:crypto";
import { createClient } from "@libsql/client";
import pg from "pg";
import { providerOf } from "../../lib/db/provider";

/** Stores a SCIM token's hash directly (the benchmark's database has no admin to generate one). */
export async function insertToken(url: string, token: { hash: string; prefix: string }): Promise<void> {
  const id = crypto.randomUUID();
  if (providerOf(url) === "sqlite") {
    const client = createClient({ url });
    await client.execute({ sql: `INSERT INTO "ScimToken" ("id", "hash", "prefix") VALUES (?, ?, ?)`, args: [id, token.hash, token.prefix] });
    client.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO "ScimToken" ("id", "hash", "prefix") VALUES ($1, $2, $3)`, [id, token.hash, token.prefix]);
  await client.end();
}
