import { Badge } from "@/components/ui/badge";

export type UserStateView = "active" | "blocked" | "reactivated";

/** Reactivated: active again after SCIM (or an admin) had deactivated the user's identity. */
export function userStateOf(user: { state: string; reactivatedAt: Date | null | undefined }): UserStateView {
  if (user.state !== "active") return "blocked";
  return user.reactivatedAt ? "reactivated" : "active";
}

const VIEW = {
  active: { tone: "green", label: "Active" },
  blocked: { tone: "red", label: "Blocked" },
  reactivated: { tone: "blue", label: "Reactivated" },
} as const;

export function UserStateBadge({ state, reactivatedAt }: { state: string; reactivatedAt: Date | null | undefined }) {
  const view = VIEW[userStateOf({ state, reactivatedAt })];
  return <Badge tone={view.tone}>{view.label}</Badge>;
}
