/** A timestamp as UTC text with a machine-readable datetime, identical on server and client (no hydration drift). */
export function Time({ value }: { value: Date | string | null | undefined }) {
  if (!value) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  const text = `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return <time dateTime={date.toISOString()}>{text}</time>;
}
