import { db } from "../db";

/**
 * After a successful sign-in: the account's failures and past lockouts no longer count. The address's failures
 * are rows of their own and stay, so signing in to one account cannot reset what an address spent guessing others.
 */
export async function clearAccountFailures(account: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { scope: "account", key: account } });
  await db.signInLockout.deleteMany({ where: { scope: "account", key: account } });
}
