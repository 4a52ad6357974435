import type { Metadata } from "next";
import Link from "next/link";
import { config } from "@/lib/env";

export const metadata: Metadata = { title: "Sign-in refused" };

type Props = { searchParams: Promise<{ reason?: string }> };

type Explanation = { title: string; body: string[] };

function explain(reason: string | undefined, idp: string, idClaim: string, jit: boolean): Explanation {
  switch (reason) {
    case "blocked":
      return {
        title: "Your account is blocked",
        body: [
          `${idp} confirmed who you are, but your account on this instance is blocked: it was deactivated or removed by your identity provider, or blocked by an administrator.`,
          "Blocked accounts cannot sign in. Ask your administrator to restore your access; once your account is active again you can sign in as usual.",
        ],
      };
    case "missing_claim":
      return {
        title: "Your sign-in could not be matched",
        body: [
          `${idp} did not send the "${idClaim}" claim that this instance uses to find your account.`,
          "Ask your administrator to check the sign-in configuration (OIDC_ID_CLAIM and the scopes of the application in the identity provider).",
        ],
      };
    case "account_conflict":
      return {
        title: "Your account could not be created",
        body: [
          `${idp} confirmed who you are, but an account with your email or username already exists here and is not linked to you.`,
          "Ask your administrator to provision you through SCIM, which links the existing account.",
        ],
      };
    default:
      return {
        title: "Your account has not been provisioned",
        body: [
          `${idp} confirmed who you are, but no account on this instance belongs to you.`,
          jit
            ? "Accounts are created at first sign-in here, but yours could not be. Ask your administrator."
            : "Only people your identity provider has provisioned to this application (SCIM) can sign in: accounts are not created at sign-in (just-in-time creation is switched off). Ask your administrator to assign you to the application, then sign in again.",
        ],
      };
  }
}

/** Where a refused single sign-on lands (the signIn callback redirects here): why, in plain words. */
export default async function SignInRefusedPage({ searchParams }: Props) {
  const { reason } = await searchParams;
  const oidc = config().oidc;
  const { title, body } = explain(reason, oidc?.name ?? "Your identity provider", oidc?.idClaim ?? "sub", oidc?.jit ?? false);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-sm font-semibold text-red-700 dark:text-red-400">Sign-in refused</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        <div className="mt-3 space-y-3 text-sm text-zinc-700 dark:text-zinc-300">
          {body.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
        <Link href="/login" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Back to sign-in
        </Link>
      </div>
    </main>
  );
}
