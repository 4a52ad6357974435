import Link from "next/link";

/**
 * Previous/next links that keep every other search parameter, so paging works with filters, reloads and the back
 * button.
 */
export function Pagination({
  page,
  perPage,
  total,
  basePath,
  params,
}: {
  page: number;
  perPage: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    search.set("page", String(p));
    return `${basePath}?${search}`;
  };
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
  const disabled = "rounded-md border border-zinc-200 px-3 py-1.5 text-sm text-zinc-500 dark:text-zinc-400 dark:border-zinc-800";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2 py-3 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {total === 0 ? "No results" : `${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">Previous</Link> : <span className={disabled} aria-disabled="true">Previous</span>}
        {page < pages ? <Link className={link} href={href(page + 1)} rel="next">Next</Link> : <span className={disabled} aria-disabled="true">Next</span>}
      </div>
    </nav>
  );
}
