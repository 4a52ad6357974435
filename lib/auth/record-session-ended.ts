import crypto from "node:crypto";
import { recordEvent } from "../audit/record-event";
import type { Tx } from "../db";
import { db } from "../db";
import type { SessionEndReason } from "./judge-session";

/**
 * Records "session ended by block" once per (user, session version), however many requests, browsers or
 * instances meet the ended session: the event's id is derived from that pair, so a second write finds the primary
 * key taken and writes nothing — atomically on both databases, with no lock and no extra column. Returns whether
 * this call wrote.
 */
export async function recordSessionEnded(
  options: { userId: string; tokenVersion: number; reason: SessionEndReason; username?: string; blockedReason?: string | null },
  client: Tx = db,
): Promise<boolean> {
  const { userId, tokenVersion, reason, username, blockedReason } = options;
  const id = eventId(`session_ended:${userId}:${tokenVersion}`);
  // Another request (or instance) may have written it first: then this writes nothing.
  return recordEvent(
    {
      id,
      actor: { type: "system", label: "session check" },
      action: "user.session_ended",
      target: { type: "user", id: userId, label: username },
      details: { reason, sessionVersion: tokenVersion, ...(blockedReason ? { blockedReason } : {}) },
    },
    client,
  );
}

/** A UUID-shaped id (version nibble 8: custom) derived from `key`, so it fits wherever audit ids are shown. */
function eventId(key: string): string {
  const hex = crypto.createHash("sha256").update(key).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
