import type { Metadata } from "next";
import Link from "next/link";
import { ActivityChart } from "@/components/admin/activity-chart";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/require-admin";
import { config } from "@/lib/env";
import { overview } from "@/lib/users/overview";

export const metadata: Metadata = { title: "Overview" };

const card = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";

export default async function OverviewPage() {
  await requireAdmin("/admin");
  const o = await overview();
  const stats = [
    { label: "Users", value: o.counts.all, href: "/admin/users" },
    { label: "Active", value: o.counts.active, href: "/admin/users?state=active" },
    { label: "Blocked", value: o.counts.blocked, href: "/admin/users?state=blocked" },
    { label: "Reactivated", value: o.counts.reactivated, href: "/admin/users?state=reactivated" },
    { label: "Provisioned by SCIM", value: o.counts.provisioned, href: "/admin/users" },
    { label: "Groups", value: o.counts.groups, href: "/admin/groups" },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" />
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        {stats.map((s) => (
          // The link covers the whole card (after:inset-0) while the list stays a valid <dt>/<dd> structure.
          <div key={s.label} className={`${card} relative hover:border-indigo-300`}>
            <dt className="text-sm text-zinc-500">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">
              <Link href={s.href} className="after:absolute after:inset-0 focus-visible:outline-2 focus-visible:outline-indigo-600">
                {s.value.toLocaleString("en")}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="scim-status" className={`${card} space-y-2 text-sm`}>
          <h2 id="scim-status" className="font-medium">SCIM</h2>
          <p className="break-all">
            Endpoint: <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{config().scimBaseUrl}</code>
          </p>
          <p>
            {o.activeTokens > 0 ? (
              <>Token last used: {o.tokenLastUsedAt ? <Time value={o.tokenLastUsedAt} /> : "never"}</>
            ) : (
              <>No SCIM token yet. <Link href="/admin/settings" className="text-indigo-600 underline">Generate one</Link></>
            )}
          </p>
          <div>
            Last request:{" "}
            {o.lastRequest ? (
              <span>
                <Badge tone={o.lastRequest.status < 400 ? "green" : o.lastRequest.status < 500 ? "amber" : "red"}>{o.lastRequest.status}</Badge>{" "}
                <code>{o.lastRequest.method} {o.lastRequest.path}</code> · <Time value={o.lastRequest.at} />
                {o.lastRequest.detail && <span className="block text-zinc-600 dark:text-zinc-400">{o.lastRequest.detail}</span>}
              </span>
            ) : (
              "none yet"
            )}
          </div>
        </section>
        <section aria-labelledby="activity" className={`${card} lg:col-span-2`}>
          <h2 id="activity" className="mb-2 text-sm font-medium">Provisioning activity, last 30 days</h2>
          <ActivityChart days={o.activity} />
        </section>
      </div>
    </div>
  );
}
