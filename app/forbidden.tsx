import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold">You need to be an administrator</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">Your account does not have access to the Admin Area.</p>
        <Link href="/api/auth/signout" className="mt-6 inline-block text-sm font-medium text-indigo-600 hover:underline">
          Sign in as someone else
        </Link>
      </div>
    </main>
  );
}
