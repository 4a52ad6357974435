"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ReasonField } from "@/components/admin/user/reason-field";
import { unblockUser } from "./actions";

export function UnblockUserForm({ userId }: { userId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = String(new FormData(form).get("reason") ?? "");
    startTransition(async () => {
      const result = await unblockUser({ userId, reason: reason || undefined });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      form.reset();
      toast(result.message);
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Unblock user" className="w-full space-y-3">
      <ReasonField label="Reason for unblocking (optional)" maxLength={500} rows={2} />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Unblocking…" : "Unblock"}
      </Button>
    </form>
  );
}
