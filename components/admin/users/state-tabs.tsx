import Link from "next/link";
import type { UserStateFilter } from "@/lib/users/list-users-admin";

const LABELS: Record<UserStateFilter, string> = { all: "All", active: "Active", blocked: "Blocked", reactivated: "Reactivated" };

export function StateTabs({ current, counts, params }: { current: UserStateFilter; counts: Record<UserStateFilter, number>; params: Record<string, string | undefined> }) {
  return (
    <nav aria-label="User state" className="mb-4 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
      {(Object.keys(LABELS) as UserStateFilter[]).map((state) => {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(params)) if (value && key !== "page" && key !== "state") search.set(key, value);
        if (state !== "all") search.set("state", state);
        const active = state === current;
        return (
          <Link
            key={state}
            href={`/admin/users${search.size ? `?${search}` : ""}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm ${active ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"}`}
          >
            {LABELS[state]} <span className="ml-1 rounded-full bg-zinc-100 px-2 py-0.5 text-xs tabular-nums dark:bg-zinc-800">{counts[state].toLocaleString("en")}</span>
          </Link>
        );
      })}
    </nav>
  );
}
