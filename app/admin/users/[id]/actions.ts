"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/require-admin";
import { log } from "@/lib/log";
import { setUserBlockedByAdmin } from "@/lib/users/block-user";
import { DomainError } from "@/lib/users/errors";

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

const userId = z.string().min(1).max(200);
const blockInput = z.object({
  userId,
  reason: z.string().trim().min(1, "Give a reason for blocking this user.").max(500, "Keep the reason under 500 characters."),
});
const unblockInput = z.object({
  userId,
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

function pagePath(raw: unknown): string {
  const id = (raw as { userId?: unknown } | null)?.userId;
  return typeof id === "string" ? `/admin/users/${encodeURIComponent(id)}` : "/admin/users";
}

async function run(raw: unknown, blocked: boolean): Promise<ActionResult> {
  const admin = await requireAdmin(pagePath(raw));
  const parsed = (blocked ? blockInput : unblockInput).safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input." };
  const { userId, reason } = parsed.data;
  try {
    const { changed, username } = await setUserBlockedByAdmin({ userId, blocked, reason, admin });
    revalidatePath(`/admin/users/${userId}`);
    if (!changed) return { ok: true, message: `${username} was already ${blocked ? "blocked" : "active"}.` };
    return { ok: true, message: blocked ? `Blocked ${username}.` : `Unblocked ${username}.` };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.message };
    log.error("admin block/unblock failed", { userId, blocked, error: (error as Error).message });
    return { ok: false, error: "Something went wrong. Try again." };
  }
}

/** Blocks a user by hand: a reason is required. */
export async function blockUser(input: { userId: string; reason: string }): Promise<ActionResult> {
  return run(input, true);
}

/** Unblocks a user by hand, with an optional reason. */
export async function unblockUser(input: { userId: string; reason?: string }): Promise<ActionResult> {
  return run(input, false);
}
