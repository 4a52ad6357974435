import { EmailList, fullNameOf } from "@/components/users/email-list";
import { Time } from "@/components/ui/format-time";
import type { UserDetails } from "@/lib/users/get-user-details";
import { Fields } from "./fields";
import { Section } from "./section";

function jsonValues(text: string | null, pick: (item: Record<string, unknown>) => unknown): string | null {
  if (!text) return null;
  try {
    const items = JSON.parse(text) as unknown;
    if (!Array.isArray(items)) return null;
    const values = items.map((item) => pick((item ?? {}) as Record<string, unknown>)).filter((v): v is string => typeof v === "string" && v !== "");
    return values.length ? values.join(", ") : null;
  } catch {
    return null;
  }
}

function address(item: Record<string, unknown>): unknown {
  if (typeof item.formatted === "string") return item.formatted;
  return [item.streetAddress, item.locality, item.region, item.postalCode, item.country].filter((p) => typeof p === "string" && p).join(" ");
}

export function ProfileSection({ user, emails }: Pick<UserDetails, "user" | "emails">) {
  const fullName = fullNameOf(user);
  const emailList = emails.length ? <EmailList emails={emails} fallback={user.email} /> : user.email;
  return (
    <Section id="profile" title="Profile">
      <Fields
        fields={[
          { label: "Username", value: user.username, always: true },
          { label: "Name", value: user.name, always: true },
          { label: "Emails", value: emailList, always: true },
          { label: "Role", value: user.role === "admin" ? "Administrator" : "User", always: true },
          { label: "Created", value: <Time value={user.createdAt} />, always: true },
          { label: "Last sign-in", value: <Time value={user.lastSignInAt} />, always: true },
          { label: "Display name", value: user.displayName },
          { label: "Full name", value: fullName || user.formattedName },
          { label: "Nickname", value: user.nickName },
          { label: "Title", value: user.title },
          { label: "User type", value: user.userType },
          { label: "Department", value: user.department },
          { label: "Division", value: user.division },
          { label: "Organization", value: user.organization },
          { label: "Cost center", value: user.costCenter },
          { label: "Employee number", value: user.employeeNumber },
          { label: "Manager", value: user.managerName ?? user.managerId },
          { label: "Phone numbers", value: jsonValues(user.phoneNumbers, (p) => p.value) },
          { label: "Addresses", value: jsonValues(user.addresses, address) },
          { label: "Locale", value: user.locale },
          { label: "Preferred language", value: user.preferredLanguage },
          { label: "Time zone", value: user.timezone },
          { label: "Profile URL", value: user.profileUrl },
        ]}
      />
    </Section>
  );
}
