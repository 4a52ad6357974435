import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/format-time";
import type { Account } from "@/lib/users/get-account";
import { AccountFields, AccountSection } from "./account-section";

export function AccountProfile({ account }: { account: Account }) {
  const { user, identity, emails } = account;
  const fullName = [user.honorificPrefix, user.givenName, user.middleName, user.familyName, user.honorificSuffix].filter(Boolean).join(" ");
  const emailList = emails.length ? (
    <ul className="space-y-1">
      {emails.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-2">
          <span className="break-all">{e.value}</span>
          {e.type && <span className="text-xs text-zinc-600 dark:text-zinc-400">{e.type}</span>}
          {e.primary && <Badge>primary</Badge>}
        </li>
      ))}
    </ul>
  ) : (
    user.email
  );
  const manager = user.managerName ?? user.managerId;
  return (
    <AccountSection id="profile" title="Profile">
      <AccountFields
        fields={[
          ["Username", user.username],
          ["Name", user.name],
          ["Full name", (fullName || user.formattedName) === user.name ? null : fullName || user.formattedName],
          ["Emails", emailList],
          ["Title", user.title],
          ["Department", user.department],
          ["Division", user.division],
          ["Organization", user.organization],
          ["Cost center", user.costCenter],
          ["Employee number", user.employeeNumber],
          ["Manager", manager],
          ["Locale", user.locale],
          ["Time zone", user.timezone],
          ["Role", user.role === "admin" ? "Administrator" : "User"],
          ["Last sign-in", <Time key="s" value={user.lastSignInAt} />],
          ["Identity provider username", identity?.userName],
        ]}
      />
    </AccountSection>
  );
}
