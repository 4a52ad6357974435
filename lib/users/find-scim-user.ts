import { db, type Tx } from "../db";
import { notFound } from "../scim/errors";
import { dialectOf } from "../db/dialect-of";
import { selectScimUsers, type StoredScimUser } from "./scim-user-query";

/** A provisioned user visible to SCIM (deprovisioned ones are not), or 404 — one query. */
export async function findScimUser(id: string, tx: Tx = db): Promise<StoredScimUser> {
  const dialect = dialectOf(tx);
  const [user] = await selectScimUsers(tx, dialect, { where: `u."id" = ${dialect.placeholder(1)} AND i."deletedAt" IS NULL`, params: [id] });
  if (!user) throw notFound(`User "${id}" not found.`);
  return user;
}
