import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/require-admin";
import { config } from "@/lib/env";
import { overviewCounts } from "@/lib/users/overview-counts";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireAdmin("/admin");
  const counts = await overviewCounts();
  const stats = [
    { label: "Users", value: counts.users },
    { label: "Active", value: counts.active },
    { label: "Blocked", value: counts.blocked },
    { label: "Provisioned by SCIM", value: counts.provisioned },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <dt className="text-sm text-zinc-500">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{s.value}</dd>
          </div>
        ))}
      </dl>
      <section className="rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h2 className="mb-2 font-medium">SCIM</h2>
        <p>
          Endpoint: <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{config().scimBaseUrl}</code>
        </p>
        <p className="mt-1">{counts.activeTokens > 0 ? "A SCIM token is active." : "No SCIM token yet."}</p>
      </section>
    </div>
  );
}
