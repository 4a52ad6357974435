import type { ReactNode } from "react";
import { Time } from "@/components/ui/format-time";
import type { UserDetails } from "@/lib/users/get-user-details";
import { Fields } from "./fields";
import { Section } from "./section";
import { UserStateBadge } from "./user-state-badge";

export function StatusSection({ user, scimIdentity, children }: Pick<UserDetails, "user" | "scimIdentity"> & { children?: ReactNode }) {
  const blocked = user.state !== "active";
  return (
    <Section id="status" title="Status">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <Fields
          keepEmpty
          fields={[
            { label: "State", value: <UserStateBadge state={user.state} reactivatedAt={scimIdentity?.reactivatedAt} /> },
            ...(blocked
              ? [
                  { label: "Blocked at", value: <Time value={user.blockedAt} /> },
                  { label: "Reason", value: user.blockedReason },
                ]
              : []),
          ]}
        />
        {children && <div className="sm:flex sm:max-w-xs sm:flex-1 sm:justify-end">{children}</div>}
      </div>
    </Section>
  );
}
