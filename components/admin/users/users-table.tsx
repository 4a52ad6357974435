"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Time } from "@/components/ui/format-time";
import { tableWrap } from "@/components/ui/table-styles";
import type { UserRow } from "@/lib/users/list-users-admin";
import { StateBadge } from "./state-badge";

const column = createColumnHelper<UserRow>();

const columns = [
  column.accessor("username", {
    id: "username",
    header: "Username",
    cell: (c) => (
      <Link href={`/admin/users/${c.row.original.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("name", { id: "name", header: "Name" }),
  column.accessor("email", { id: "email", header: "Email", cell: (c) => c.getValue() ?? <span className="text-zinc-500 dark:text-zinc-400">—</span> }),
  column.accessor("state", { id: "state", header: "State", enableSorting: false, cell: (c) => <StateBadge state={c.getValue()} /> }),
  column.accessor("externalId", {
    id: "identity",
    header: "SCIM identity",
    enableSorting: false,
    cell: (c) =>
      c.row.original.provisioned ? (c.getValue() ?? <span className="text-zinc-500">no externalId</span>) : <span className="text-zinc-500 dark:text-zinc-400">not provisioned</span>,
  }),
  column.accessor("createdAt", { id: "created", header: "Created", cell: (c) => <Time value={c.getValue()} /> }),
  column.accessor("changedAt", { id: "changed", header: "Last provisioning change", cell: (c) => <Time value={c.getValue()} /> }),
];

/**
 * The Users table: TanStack Table in manual mode — the server pages, sorts and searches; this component only
 * turns clicks and typing into URL changes, so links, reloads and the back button keep the view.
 */
export function UsersTable({ rows, sort, q }: { rows: UserRow[]; sort: string; q: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(q);
  const sorting: SortingState = [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }];

  function navigate(changes: Record<string, string | null>) {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    startTransition(() => router.push(`${pathname}?${params}`));
  }

  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => navigate({ q: search || null, page: null }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      navigate({ sort: first ? `${first.desc ? "-" : ""}${first.id}` : null, page: null });
    },
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-sm">
          <label htmlFor="user-search" className="block text-sm font-medium">
            Search users
          </label>
          <input
            id="user-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Username, name, email or externalId"
            className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        {pending && <span className="pb-2 text-sm text-zinc-500" role="status">Loading…</span>}
      </div>
      <div className={tableWrap}>
        <table aria-label="Users" className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-busy={pending}>
          <thead className="bg-zinc-50 dark:bg-zinc-900">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="whitespace-nowrap px-3 py-2 text-left font-medium text-zinc-600 dark:text-zinc-300"
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-white"
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
