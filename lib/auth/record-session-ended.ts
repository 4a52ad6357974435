import crypto from "node:crypto";
import { recordEvent } from "../audit/record-event";
import type { Tx } from "../db";
import { db } from "../db";
import type { SessionEndReason } from "./judge-session";

/**
 * Records "session ended by block" once per (user, session version), however many requests, browsers or
 * instances meet the ended session: the event's id is derived from that pair, so a second write fails on the
 * primary key — atomically on both databases, with no lock and no extra column. Returns whether this call wrote.
 */
export async function recordSessionEnded(
  options: { userId: string; tokenVersion: number; reason: SessionEndReason; username?: string; blockedReason?: string | null },
  client: Tx = db,
): Promise<boolean> {
  const { userId, tokenVersion, reason, username, blockedReason } = options;
  const id = eventId(`session_ended:${userId}:${tokenVersion}`);
  if (await client.auditEvent.findUnique({ where: { id }, select: { id: true } })) return false;
  try {
    await recordEvent(
      {
        id,
        actor: { type: "system", label: "session check" },
        action: "user.session_ended",
        target: { type: "user", id: userId, label: username },
        details: { reason, sessionVersion: tokenVersion, ...(blockedReason ? { blockedReason } : {}) },
      },
      client,
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // another request wrote it first
    throw error;
  }
}

/** A UUID-shaped id (version nibble 8: custom) derived from `key`, so it fits wherever audit ids are shown. */
function eventId(key: string): string {
  const hex = crypto.createHash("sha256").update(key).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
