import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { clearAccountFailures } from "../sign-in-throttle/clear-failures";
import { findLockout } from "../sign-in-throttle/find-lockout";
import { recordSignInFailure } from "../sign-in-throttle/record-failure";
import { throttledErrorCode } from "../sign-in-throttle/throttled-error";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

/** Thrown from next-auth's authorize(): its message reaches the sign-in form, which says how long to wait. */
export class SignInThrottled extends Error {
  constructor(until: Date) {
    super(throttledErrorCode((until.getTime() - Date.now()) / 1000));
  }
}

/**
 * Email-and-password sign-in. A locked account or address is refused before the password is looked at, so a
 * lockout answers the same whether the guess was right, and costs no bcrypt work.
 */
export async function signInWithPassword(options: { email: string; password: string; address: string | null }): Promise<SessionUser | null> {
  const { email, password, address } = options;
  const account = email.trim().toLowerCase();
  const locked = await findLockout({ account, address });
  if (locked) throw new SignInThrottled(locked.until);

  const user = await db.user.findUnique({ where: { emailNorm: account } });
  // Compare against a dummy hash when there is no such account, so timing does not tell which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || user.state !== "active") {
    const target = user ? { type: "user" as const, id: user.id, label: user.username } : undefined;
    await recordEvent({
      actor: { type: "system", label: "sign-in" },
      action: "admin.sign_in_failed",
      target,
      details: { email, address, reason: !user ? "unknown account" : user.state !== "active" ? "blocked" : "wrong password" },
    });
    const lockout = await recordSignInFailure({ account, address, target });
    if (lockout) throw new SignInThrottled(lockout.until);
    return null;
  }
  await clearAccountFailures(account);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordEvent({
    actor: { type: "user", id: user.id, label: user.username },
    action: "admin.signed_in",
    target: { type: "user", id: user.id, label: user.username },
  });
  return { id: user.id, email: user.email ?? "", name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
