"use client";

import { useActionState, useEffect, useRef } from "react";
import { generateTokenAction, revokeTokenAction, type GenerateResult } from "@/app/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/format-time";
import { useToast } from "@/components/ui/toast";
import type { TokenSummary } from "@/lib/scim-tokens/list-tokens";
import { ReadOnlyField } from "./read-only-field";

function GenerateForm({ hasToken, action, pending }: { hasToken: boolean; action: (form: FormData) => void; pending: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const options = (
    <div className="grid gap-3 sm:grid-cols-2">
      {hasToken && (
        <div>
          <label htmlFor="grace" className="block text-sm font-medium">
            Keep the current token working for
          </label>
          <select id="grace" name="grace" defaultValue="none" className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950">
            <option value="none">No grace period: it stops now</option>
            <option value="1h">1 hour</option>
            <option value="24h">24 hours</option>
          </select>
        </div>
      )}
      <div>
        <label htmlFor="expiresInDays" className="block text-sm font-medium">
          New token expires after (days, optional)
        </label>
        <input id="expiresInDays" name="expiresInDays" type="number" min={1} max={3650} placeholder="Never" className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
      </div>
    </div>
  );
  if (!hasToken) {
    return (
      <form action={action} className="space-y-3">
        {options}
        <Button type="submit" disabled={pending}>
          {pending ? "Generating…" : "Generate a SCIM token"}
        </Button>
      </form>
    );
  }
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()}>
        Reset SCIM token
      </Button>
      <dialog ref={dialog} aria-labelledby="reset-title" className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-black/50 dark:bg-zinc-900 dark:text-zinc-100">
        <form action={(form) => { dialog.current?.close(); action(form); }} className="space-y-4 p-6">
          <h2 id="reset-title" className="text-lg font-semibold">Reset the SCIM token?</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Provisioning stops until the identity provider has the new token — unless you keep the current one working for a grace period
            while you update Okta or Entra.
          </p>
          {options}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger">
              Reset token
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function ScimTokenPanel({ tokens, endpointUrl }: { tokens: TokenSummary[]; endpointUrl: string }) {
  const [result, action, pending] = useActionState<GenerateResult, FormData>(generateTokenAction, null);
  const toast = useToast();
  useEffect(() => {
    if (result?.ok) toast("A new SCIM token was generated.");
    if (result && !result.ok) toast(result.error, "error");
  }, [result, toast]);
  const fresh = result?.ok ? result : null;

  return (
    <div className="space-y-5">
      <ReadOnlyField label="SCIM API endpoint URL" value={endpointUrl} hint="Okta: Base URL. Microsoft Entra ID: Tenant URL." />
      {fresh && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
          <ReadOnlyField
            label="Your SCIM token"
            value={fresh.token}
            hint="Copy it now: it will not be shown again. Okta: API Token. Microsoft Entra ID: Secret token."
          />
        </div>
      )}
      <GenerateForm hasToken={tokens.length > 0} action={action} pending={pending} />
      {tokens.length > 0 && (
        <div className="overflow-x-auto">
          <table aria-label="SCIM tokens" className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="py-2 pr-4 font-medium">Token</th>
                <th scope="col" className="py-2 pr-4 font-medium">Created</th>
                <th scope="col" className="py-2 pr-4 font-medium">Created by</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
                <th scope="col" className="py-2 pr-4 font-medium">Stops working</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {tokens.map((t, i) => (
                <tr key={t.id}>
                  <td className="py-2 pr-4 font-mono">{t.prefix}…{i === 0 && <span className="ml-2 font-sans text-xs text-zinc-500">(current)</span>}</td>
                  <td className="py-2 pr-4"><Time value={t.createdAt} /></td>
                  <td className="py-2 pr-4">{t.createdBy}</td>
                  <td className="py-2 pr-4">{t.lastUsedAt ? <Time value={t.lastUsedAt} /> : "Never"}</td>
                  <td className="py-2 pr-4">{t.expiresAt ? <Time value={t.expiresAt} /> : "Never"}</td>
                  <td className="py-2">
                    {i > 0 && (
                      <form action={revokeTokenAction}>
                        <input type="hidden" name="id" value={t.id} />
                        <Button type="submit" variant="secondary">Revoke now</Button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
