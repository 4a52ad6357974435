/** Text links inside the log tables: visible focus ring, readable in both colour schemes. */
export const linkClass =
  "rounded-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300";
