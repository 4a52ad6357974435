export default function Loading() {
  return (
    <div role="status" aria-label="Loading the SCIM request" className="space-y-3">
      <div className="h-8 w-64 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-48 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
