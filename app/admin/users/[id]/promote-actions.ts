"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/require-admin";
import { log } from "@/lib/log";
import { DomainError } from "@/lib/users/errors";
import { promoteUser } from "@/lib/users/promote-user";

export type PromoteResult = { ok: true; message: string } | { ok: false; error: string };

const input = z.object({ userId: z.string().min(1).max(200) });

/** Makes a user an admin (audit-logged as "user.promoted"). */
export async function promoteToAdmin(raw: { userId: string }): Promise<PromoteResult> {
  const id = typeof raw?.userId === "string" ? raw.userId : "";
  const admin = await requireAdmin(id ? `/admin/users/${encodeURIComponent(id)}` : "/admin/users");
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "Invalid input." };
  const { userId } = parsed.data;
  try {
    const { changed, username } = await promoteUser({ userId, admin });
    revalidatePath(`/admin/users/${userId}`);
    return { ok: true, message: changed ? `${username} is now an admin.` : `${username} was already an admin.` };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.message };
    log.error("promote to admin failed", { userId, error: (error as Error).message });
    return { ok: false, error: "Something went wrong. Try again." };
  }
}
