import { Time } from "@/components/ui/format-time";
import type { AdminGroupPage } from "@/lib/groups/list-group-members";

export function GroupDetails({ group, memberCount }: { group: AdminGroupPage["group"]; memberCount: number }) {
  const fields = [
    { label: "External ID", value: group.externalId ? <span className="break-all font-mono">{group.externalId}</span> : <span className="text-zinc-500 dark:text-zinc-400">—</span> },
    { label: "SCIM id", value: <span className="break-all font-mono">{group.id}</span> },
    { label: "Members", value: <span className="tabular-nums">{memberCount.toLocaleString("en")}</span> },
    { label: "Created", value: <Time value={group.createdAt} /> },
    { label: "Updated", value: <Time value={group.updatedAt} /> },
  ];
  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="details-heading" className="mb-3 font-medium">
        Details
      </h2>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {fields.map((f) => (
          <div key={f.label}>
            <dt className="text-zinc-500 dark:text-zinc-400">{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
