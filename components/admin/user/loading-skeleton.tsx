/** A placeholder while an admin page loads, with its purpose in text for screen readers. */
export function LoadingSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="space-y-6">
      <p className="sr-only">{label}</p>
      <div className="h-8 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-32 animate-pulse rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" />
      ))}
    </div>
  );
}
