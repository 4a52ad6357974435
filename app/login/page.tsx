import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { checkSession, sessionEndedPath } from "@/lib/auth/check-session";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { config } from "@/lib/env";
import { LoginForm } from "./login-form";
import { ENDED_MESSAGES, signInErrorMessage } from "./messages";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; ended?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error, ended } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const state = await checkSession();
  // `ended` set means /session-ended has already been through: never bounce back to it.
  if (state.status === "ended" && !ended) redirect(sessionEndedPath());
  if (state.status === "active") {
    if (state.user.role === "admin") redirect(target);
    if (!callbackUrl) redirect("/account");
  }
  const oidc = config().oidc;
  const notice = ended ? (ENDED_MESSAGES[ended] ?? ENDED_MESSAGES.blocked) : error ? signInErrorMessage(error, oidc?.name) : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">SCIM Provisioning</p>
        {notice && (
          <p role="status" className="mb-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {notice}
          </p>
        )}
        {oidc && (
          <div className="mb-6 space-y-4">
            {/* After single sign-on, "/" sends admins to the Admin Area and everyone else to their account. */}
            <SsoButton name={oidc.name} callbackPath={callbackUrl ? target : "/"} />
            <p className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
              <span aria-hidden="true" className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
              or, for local administrators
              <span aria-hidden="true" className="h-px flex-1 bg-zinc-200 dark:bg-zinc-700" />
            </p>
          </div>
        )}
        <LoginForm callbackPath={target} />
      </div>
    </main>
  );
}
