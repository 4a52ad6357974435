/** The body as it was logged (already redacted): pretty-printed when it is complete JSON, verbatim otherwise. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Truncated bodies and non-JSON bodies are shown as stored.
    return body;
  }
}

export function RequestBody({ body }: { body: string | null }) {
  if (!body) return <p className="text-sm text-zinc-500">No request body.</p>;
  return (
    <pre
      tabIndex={0}
      className="max-h-[32rem] overflow-auto rounded-md bg-zinc-100 p-4 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-zinc-950"
    >
      {pretty(body)}
    </pre>
  );
}
