import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A plain GET form: filters live in the URL, so they work without JavaScript, survive a reload and can be shared.
 * Submitting drops `page`, so a new filter starts on its first page.
 */
export function FilterForm({ action, label, active, children }: { action: string; label: string; active: boolean; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="mb-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        {children}
        <div className="flex items-center gap-3">
          <Button type="submit">Apply filters</Button>
          {active && (
            <Link href={action} className="rounded-sm text-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300">
              Clear filters
            </Link>
          )}
        </div>
      </div>
    </form>
  );
}
