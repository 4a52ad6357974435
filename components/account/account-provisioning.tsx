import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/format-time";
import type { Account } from "@/lib/users/get-account";
import { AccountFields, AccountSection } from "./account-section";

export function AccountProvisioning({ identity }: { identity: Account["identity"] }) {
  return (
    <AccountSection id="provisioning" title="Provisioning">
      {identity ? (
        <AccountFields
          fields={[
            ["Managed by", "Your identity provider (SCIM)"],
            ["State", identity.active ? <Badge tone="green">Active</Badge> : <Badge tone="red">Deactivated</Badge>],
            ["First provisioned", <Time key="c" value={identity.createdAt} />],
            ["Last provisioned", <Time key="u" value={identity.updatedAt} />],
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">A local account: your identity provider does not manage it.</p>
      )}
    </AccountSection>
  );
}
