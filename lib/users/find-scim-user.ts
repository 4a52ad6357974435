import { reader, type Tx } from "../db";
import { readerOf, type SqlReader } from "../db/reader";
import { notFound } from "../scim/errors";
import { selectScimUsers, type StoredScimUser } from "./scim-user-query";

/**
 * A provisioned user visible to SCIM (deprovisioned ones are not), or 404 — one query. Inside a transaction pass
 * it (the read then sees the transaction's writes and takes part in it); outside, it goes straight to the driver.
 */
export async function findScimUser(id: string, tx?: SqlReader | Tx): Promise<StoredScimUser> {
  const source = tx ? readerOf(tx) : reader();
  const [user] = await selectScimUsers(source, { where: `u."id" = ${source.dialect.placeholder(1)} AND i."deletedAt" IS NULL`, params: [id] });
  if (!user) throw notFound(`User "${id}" not found.`);
  return user;
}
