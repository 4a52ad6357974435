"use client";

import { useState, useTransition } from "react";
import { promoteToAdmin } from "@/app/admin/users/[id]/promote-actions";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/**
 * "Make admin" with a confirmation step, for the Admin Area's user page. Renders nothing for an admin; disabled
 * (with why) for a blocked user.
 */
export function PromoteButton({ userId, username, role, state }: { userId: string; username: string; role: string; state: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  if (role === "admin") return null;
  const blocked = state !== "active";

  function promote() {
    startTransition(async () => {
      const result = await promoteToAdmin({ userId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setConfirming(false);
      toast(result.message);
    });
  }

  return (
    <div className="space-y-2">
      {!confirming ? (
        <Button variant="secondary" disabled={blocked} onClick={() => setConfirming(true)} aria-describedby={blocked ? `promote-${userId}-why` : undefined}>
          Make admin
        </Button>
      ) : (
        <div role="group" aria-label="Confirm making this user an admin" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p>
            Give <strong>{username}</strong> full access to the Admin Area? They can then manage users, groups and the SCIM token.
          </p>
          <div className="flex gap-2">
            <Button onClick={promote} disabled={pending}>
              {pending ? "Promoting…" : "Promote to admin"}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {blocked && (
        <p id={`promote-${userId}-why`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Unblock this user before making them an admin.
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
