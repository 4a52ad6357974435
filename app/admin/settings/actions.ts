"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/require-admin";
import { generateToken, GRACE_PERIODS, type GracePeriod } from "@/lib/scim-tokens/generate-token";
import { revokeToken } from "@/lib/scim-tokens/revoke-token";
import { clearTokenCache } from "@/lib/scim-tokens/verify-token";

export type GenerateResult = { ok: true; token: string; prefix: string } | { ok: false; error: string } | null;

const generateInput = z.object({
  grace: z.enum(Object.keys(GRACE_PERIODS) as [GracePeriod, ...GracePeriod[]]).default("none"),
  expiresInDays: z.union([z.literal(""), z.coerce.number().int().min(1).max(3650)]).default(""),
});

/** Generates (or resets) the SCIM token. The token is returned to the page once and never stored. */
export async function generateTokenAction(_previous: GenerateResult, form: FormData): Promise<GenerateResult> {
  const admin = await requireAdmin("/admin/settings");
  const parsed = generateInput.safeParse({ grace: form.get("grace") ?? undefined, expiresInDays: form.get("expiresInDays") ?? "" });
  if (!parsed.success) return { ok: false, error: "Choose a grace period and an expiry of 1 to 3650 days." };
  const { grace, expiresInDays } = parsed.data;
  const expiresAt = expiresInDays === "" ? undefined : new Date(Date.now() + expiresInDays * 86_400_000);
  const { token, prefix } = await generateToken({ actor: { type: "user", id: admin.id, label: admin.username }, grace, expiresAt });
  clearTokenCache();
  revalidatePath("/admin/settings");
  return { ok: true, token, prefix };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const admin = await requireAdmin("/admin/settings");
  const id = z.uuid().parse(form.get("id"));
  await revokeToken({ id, actor: { type: "user", id: admin.id, label: admin.username } });
  revalidatePath("/admin/settings");
}
