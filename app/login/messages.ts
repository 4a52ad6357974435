import { throttledMessage, throttledRetryAfter } from "@/lib/sign-in-throttle/throttled-error";

/** Why /session-ended sent someone back here (its `ended` parameter). */
export const ENDED_MESSAGES: Record<string, string> = {
  blocked: "You have been signed out: your account has been blocked. Ask your administrator if you think this is a mistake.",
  revoked: "You have been signed out because your account was blocked. It is active again: sign in once more.",
  deleted: "You have been signed out: your account no longer exists.",
};

/** next-auth's error codes (its `error` parameter) as a person would say them. */
export function signInErrorMessage(code: string, idpName: string | undefined): string {
  if (code === "CredentialsSignin") return "Invalid email or password.";
  const retryAfter = throttledRetryAfter(code);
  if (retryAfter) return throttledMessage(retryAfter);
  if (code === "SessionRequired") return "Sign in to continue.";
  const via = idpName ? ` with ${idpName}` : "";
  return `Sign-in${via} did not complete. Try again; if it keeps failing, ask your administrator to check the sign-in configuration.`;
}
