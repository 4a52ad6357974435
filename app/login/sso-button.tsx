"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SsoButton({ name, callbackPath }: { name: string; callbackPath: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl: callbackPath });
      }}
    >
      {pending ? `Redirecting to ${name}…` : `Sign in with ${name}`}
    </Button>
  );
}
