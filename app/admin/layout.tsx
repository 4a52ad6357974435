import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { ToastProvider } from "@/components/ui/toast";
import { UnavailableNotice } from "@/components/unavailable-notice";
import { requireAdmin } from "@/lib/auth/require-admin";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  let admin: Awaited<ReturnType<typeof requireAdmin>>;
  try {
    admin = await requireAdmin();
  } catch (error) {
    // Rendered here, on the server, so the admin reads it even before (or without) JavaScript; any other error,
    // including requireAdmin's redirects, goes on as thrown.
    if (isDatabaseUnavailable(error)) return <UnavailableNotice />;
    throw error;
  }
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="border-b border-zinc-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900">
        <div className="px-4 py-4 text-sm font-semibold">Admin Area</div>
        <AdminNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-zinc-200 bg-white px-4 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <span aria-label="Signed in as">
            {admin.name} <span className="text-zinc-500">({admin.email})</span>
          </span>
          <SignOutButton />
        </header>
        <main className="flex-1 p-4 md:p-8">
          <ToastProvider>{children}</ToastProvider>
        </main>
      </div>
    </div>
  );
}
