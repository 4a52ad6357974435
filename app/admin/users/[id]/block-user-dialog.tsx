"use client";

import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ReasonField } from "@/components/admin/user/reason-field";
import { blockUser } from "./actions";

/** "Block user" opens a modal confirmation that asks for the reason; nothing happens until it is confirmed. */
export function BlockUserDialog({ userId, username, disabledReason }: { userId: string; username: string; disabledReason?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const id = useId();

  function open() {
    setError(null);
    dialog.current?.showModal();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = String(new FormData(form).get("reason") ?? "");
    startTransition(async () => {
      const result = await blockUser({ userId, reason });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      form.reset();
      dialog.current?.close();
      toast(result.message);
    });
  }

  return (
    <>
      <div className="flex flex-col items-start gap-1 sm:items-end">
        <Button variant="danger" onClick={open} disabled={Boolean(disabledReason)} aria-describedby={disabledReason ? `${id}-why` : undefined}>
          Block user
        </Button>
        {disabledReason && (
          <p id={`${id}-why`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {disabledReason}
          </p>
        )}
      </div>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Block {username}?
          </h2>
          <p id={`${id}-desc`} className="text-sm text-zinc-600 dark:text-zinc-400">
            They are signed out everywhere and can no longer sign in. SCIM reports them as inactive until they are unblocked.
          </p>
          <ReasonField label="Reason" required maxLength={500} />
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
              {error}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Blocking…" : "Block"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
