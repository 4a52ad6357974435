// Shared by the server (which refuses) and the sign-in form (which explains): no server-only imports here.

const PREFIX = "TooManyAttempts:";

/** next-auth hands a thrown error's message to the client as the sign-in `error`: it carries the wait in seconds. */
export function throttledErrorCode(retryAfterSeconds: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds when `code` says sign-in is throttled; undefined for any other error. */
export function throttledRetryAfter(code: string | null | undefined): number | undefined {
  if (!code?.startsWith(PREFIX)) return undefined;
  const seconds = Number(code.slice(PREFIX.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}

export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed attempts, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
