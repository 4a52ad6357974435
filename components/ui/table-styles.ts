// Shared by the Admin Area's tables, so they read the same in light and dark mode.
export const tableWrap = "overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";
export const table = "min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800";
export const th = "whitespace-nowrap px-3 py-2 text-left font-medium text-zinc-600 dark:text-zinc-300";
export const td = "px-3 py-2 align-top";
export const rowLink =
  "font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300";
