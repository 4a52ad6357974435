import { Time } from "@/components/ui/format-time";
import type { ScimIdentity } from "@/lib/db";
import { Fields } from "./fields";
import { Section } from "./section";

export function ScimIdentitySection({ identity }: { identity: ScimIdentity | null }) {
  return (
    <Section id="scim-identity" title="SCIM identity">
      {identity ? (
        <Fields
          keepEmpty
          fields={[
            { label: "userName", value: <span className="break-all font-mono">{identity.userName}</span> },
            { label: "externalId", value: identity.externalId ? <span className="break-all font-mono">{identity.externalId}</span> : null },
            { label: "Active", value: identity.active ? "Yes" : "No" },
            { label: "Provisioned", value: <Time value={identity.createdAt} /> },
            { label: "Last changed", value: <Time value={identity.updatedAt} /> },
            { label: "Deactivated", value: <Time value={identity.deactivatedAt} /> },
            { label: "Reactivated", value: <Time value={identity.reactivatedAt} /> },
            ...(identity.deletedAt ? [{ label: "Deleted by the identity provider", value: <Time value={identity.deletedAt} /> }] : []),
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Not provisioned: this user was created locally, not by SCIM.</p>
      )}
    </Section>
  );
}
