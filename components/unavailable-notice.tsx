import type { ReactNode } from "react";

/** What an admin sees when a page cannot be served, most often because the database cannot be reached. */
export function UnavailableNotice({ children }: { children?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md text-center" role="alert">
        <p className="text-sm font-semibold text-red-700 dark:text-red-400">Temporarily unavailable</p>
        <h1 className="mt-2 text-2xl font-semibold">This page could not be loaded</h1>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">
          The database may be unreachable for a moment. Nothing you saved is lost, and the Admin Area works again by
          itself as soon as the database is back.
        </p>
        {children}
      </div>
    </main>
  );
}
