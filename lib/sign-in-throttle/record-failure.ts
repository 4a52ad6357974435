import { recordEvent, type Target } from "../audit/record-event";
import { db, type Tx } from "../db";
import { dialectOf } from "../db/dialect-of";
import { Params } from "../scim/sql/dialect";
import { config } from "../env";
import { findLockout } from "./find-lockout";
import { lockoutSeconds, nextLevel, type LockoutScope } from "./lockout";
import { pruneSignInAttempts } from "./prune-attempts";

type Attempt = { account: string; address: string | null; target?: Target; now: Date };

/**
 * Counts a failed password sign-in against its account and its address, locks whichever went over its bound
 * within the window, and returns the lockout that now applies to this account or address, if any.
 */
export async function recordSignInFailure(options: { account: string; address: string | null; target?: Target; now?: Date }): Promise<{ until: Date } | null> {
  const attempt: Attempt = { ...options, now: options.now ?? new Date() };
  const { maxFailures, maxFailuresPerAddress } = config().signInThrottle;
  await db.signInFailure.createMany({
    data: [
      { at: attempt.now, scope: "account", key: attempt.account },
      ...(attempt.address ? [{ at: attempt.now, scope: "address", key: attempt.address }] : []),
    ],
  });
  if (maxFailures > 0) await lockIfOver("account", attempt.account, maxFailures, attempt);
  if (attempt.address && maxFailuresPerAddress > 0) await lockIfOver("address", attempt.address, maxFailuresPerAddress, attempt);
  await pruneSignInAttempts(attempt.now);
  return findLockout(attempt);
}

async function lockIfOver(scope: LockoutScope, key: string, max: number, attempt: Attempt): Promise<void> {
  const { windowSeconds } = config().signInThrottle;
  const now = attempt.now.getTime();
  const counted = await db.signInFailure.findMany({
    where: { scope, key, at: { gt: new Date(now - windowSeconds * 1000) } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: max,
    select: { id: true },
  });
  if (counted.length < max) return;
  const previous = await db.signInLockout.findUnique({ where: { scope_key: { scope, key } } });
  if (previous && previous.until > attempt.now) return;
  const level = nextLevel(previous, attempt.now);
  const until = new Date(now + lockoutSeconds(level, windowSeconds) * 1000);
  const lockout = { startedAt: attempt.now, until, level };
  await db.$transaction(async (tx) => {
    // A compare-and-set on the key's one row: of instances locking it at once, exactly one changes it (or creates
    // it; the others meet the primary key), and only that one writes the audit event.
    const changed = previous
      ? (await tx.signInLockout.updateMany({ where: { scope, key, level: previous.level }, data: lockout })).count
      : await insertLockout(tx, { scope, key, ...lockout });
    if (changed === 0) return;
    await recordEvent(
      {
        actor: { type: "system", label: "sign-in" },
        action: "admin.sign_in_locked",
        target: scope === "account" ? attempt.target : undefined,
        details: { scope, account: attempt.account, address: attempt.address, failures: max, windowSeconds, level, until: until.toISOString() },
      },
      tx,
    );
  });
}

/** INSERT … ON CONFLICT DO NOTHING (Prisma's createMany cannot skip duplicates on SQLite): 1 if this call created it. */
function insertLockout(tx: Tx, row: { scope: string; key: string; startedAt: Date; until: Date; level: number }): Promise<number> {
  const params = new Params(dialectOf(tx));
  const at = (date: Date) => params.dialect.timestampParam(params.add(params.dialect.timestamp(date)));
  const values = [params.add(row.scope), params.add(row.key), at(row.startedAt), at(row.until), params.add(row.level)];
  return tx.$executeRawUnsafe(
    `INSERT INTO "SignInLockout" ("scope", "key", "startedAt", "until", "level") VALUES (${values.join(", ")}) ON CONFLICT ("scope", "key") DO NOTHING`,
    ...params.values,
  );
}
