import { db, type Tx } from "../db";
import { notFound } from "../scim/errors";
import { scimUserInclude, type UserWithIdentity } from "./scim-record";

/** A provisioned user visible to SCIM (deprovisioned ones are not), or 404. */
export async function findScimUser(id: string, tx: Tx = db): Promise<UserWithIdentity> {
  const user = await tx.user.findUnique({ where: { id }, include: scimUserInclude });
  if (!user?.scimIdentity || user.scimIdentity.deletedAt) throw notFound(`User "${id}" not found.`);
  return user;
}
