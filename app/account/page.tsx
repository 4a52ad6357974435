import type { Metadata } from "next";
import Link from "next/link";
import { AccountGroups } from "@/components/account/account-groups";
import { AccountProfile } from "@/components/account/account-profile";
import { AccountProvisioning } from "@/components/account/account-provisioning";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { requireUser } from "@/lib/auth/require-user";
import { getAccount } from "@/lib/users/get-account";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requireUser("/account");
  const account = await getAccount({ userId: me.id });
  if (!account) return null; // deleted between the two reads: the next request ends the session
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-white px-4 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-semibold">SCIM Provisioning</span>
        <div className="flex items-center gap-3">
          {me.role === "admin" && (
            <Link href="/admin" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Admin Area
            </Link>
          )}
          <span aria-label="Signed in as">{me.email ?? me.username}</span>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 p-4 md:p-8">
        <div>
          <h1 className="text-2xl font-semibold">Your account</h1>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Your profile as your organization provisioned it. Changes are made in your identity provider.
          </p>
        </div>
        <AccountProfile account={account} />
        <div className="grid gap-6 md:grid-cols-2">
          <AccountProvisioning identity={account.identity} />
          <AccountGroups groups={account.groups} />
        </div>
      </main>
    </div>
  );
}
