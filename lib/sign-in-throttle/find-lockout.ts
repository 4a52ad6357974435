import { db } from "../db";

/** The lockout that ends last among those on this account or this address, if any is still running. */
export async function findLockout(options: { account: string; address: string | null; now?: Date }): Promise<{ until: Date } | null> {
  const keys = [{ scope: "account", key: options.account }, ...(options.address ? [{ scope: "address", key: options.address }] : [])];
  return db.signInLockout.findFirst({
    where: { until: { gt: options.now ?? new Date() }, OR: keys },
    orderBy: { until: "desc" },
    select: { until: true },
  });
}
