import type { ReactNode } from "react";

/** `always`: shown with a dash when empty; other empty fields are left out. */
export type Field = { label: string; value: ReactNode; always?: boolean };

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === "";

/** Label/value pairs as one description list, so that every value lines up in one column. */
export function Fields({ fields, keepEmpty = false }: { fields: Field[]; keepEmpty?: boolean }) {
  const shown = fields.filter((f) => keepEmpty || f.always || !isEmpty(f.value));
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {shown.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{f.label}</dt>
          <dd className="-mt-2 break-words sm:mt-0">{isEmpty(f.value) ? <span className="text-zinc-500 dark:text-zinc-400">—</span> : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
