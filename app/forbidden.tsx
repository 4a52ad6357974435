import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold">You need to be an administrator</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">Your account does not have access to the Admin Area.</p>
        <div className="mt-6 flex justify-center gap-6 text-sm font-medium">
          <Link href="/account" className="text-indigo-700 hover:underline dark:text-indigo-300">
            Go to your account
          </Link>
          <Link href="/api/auth/signout" className="text-indigo-700 hover:underline dark:text-indigo-300">
            Sign in as someone else
          </Link>
        </div>
      </div>
    </main>
  );
}
