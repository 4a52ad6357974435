const MAX_VALUE = 200;

function text(value: unknown): string {
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX_VALUE ? `${shown.slice(0, MAX_VALUE)}…` : shown;
}

/** An event's details (JSON text) as key–value pairs; anything that is not a JSON object is shown as it is. */
export function EventDetails({ details }: { details: string | null }) {
  if (!details) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return <span className="break-all">{text(details)}</span>;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return <span className="break-all">{text(parsed)}</span>;
  const entries = Object.entries(parsed).filter(([, value]) => value !== null && value !== undefined);
  if (!entries.length) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500">{key}</dt>
          <dd className="max-w-xs font-mono [overflow-wrap:anywhere]">{text(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
