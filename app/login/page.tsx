import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/require-admin";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const user = await currentUser();
  if (user?.role === "admin") redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">SCIM Provisioning · Admin Area</p>
        <LoginForm callbackPath={target} />
      </div>
    </main>
  );
}
