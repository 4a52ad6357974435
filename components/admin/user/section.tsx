import type { ReactNode } from "react";

/** A card with a heading that also names it as a landmark region (for screen readers and `getByRole("region")`). */
export function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-heading`} className="font-medium">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
