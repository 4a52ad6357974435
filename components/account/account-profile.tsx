import { EmailList, fullNameOf } from "@/components/users/email-list";
import { Time } from "@/components/ui/format-time";
import type { Account } from "@/lib/users/get-account";
import { AccountFields, AccountSection } from "./account-section";

export function AccountProfile({ account }: { account: Account }) {
  const { user, identity, emails } = account;
  const fullName = fullNameOf(user);
  const emailList = emails.length ? <EmailList emails={emails} fallback={user.email} /> : user.email;
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
