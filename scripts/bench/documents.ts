import { connect } from "../../lib/db";
import { refreshDocuments } from "../../lib/users/refresh-documents";
import { BENCH_APP_URL } from "./server";

/** Renders the documents of seeded users for the benchmark server's SCIM base URL; returns how many it stored. */
export async function refreshUserDocuments(databaseUrl: string): Promise<number> {
  const connection = connect(databaseUrl, { poolSize: 2 });
  try {
    return await refreshDocuments(connection.reader, (work) => connection.writer.transaction(work), `${BENCH_APP_URL}/api/scim/v2`, { concurrency: 32 });
  } finally {
    await connection.db.$disconnect();
  }
}
