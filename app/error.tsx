"use client";

import { UnavailableNotice } from "@/components/unavailable-notice";

// A page that failed to render: the details stay in the server log (the digest finds them).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <UnavailableNotice>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
        Try again
      </button>
      {error.digest ? <p className="mt-4 text-xs text-zinc-600 dark:text-zinc-400">Reference for the server log: {error.digest}</p> : null}
    </UnavailableNotice>
  );
}
