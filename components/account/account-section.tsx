import type { ReactNode } from "react";

/** A card whose heading names it as a region. */
export function AccountSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`${id}-heading`} className="mb-3 font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Label/value pairs; empty values are left out. */
export function AccountFields({ fields }: { fields: [label: string, value: ReactNode][] }) {
  const shown = fields.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
          <dd className="-mt-2 break-words sm:mt-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
