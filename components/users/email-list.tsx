import { Badge } from "@/components/ui/badge";

export type EmailItem = { id: string; value: string; type: string | null; primary: boolean };

/** A user's email addresses as provisioned, with type and primary marks; `fallback` when there are none. */
export function EmailList({ emails, fallback }: { emails: EmailItem[]; fallback: string | null }) {
  if (!emails.length) return <>{fallback}</>;
  return (
    <ul className="space-y-1">
      {emails.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-2">
          <span className="break-all">{e.value}</span>
          {e.type && <span className="text-xs text-zinc-600 dark:text-zinc-400">{e.type}</span>}
          {e.primary && <Badge>primary</Badge>}
        </li>
      ))}
    </ul>
  );
}

type NameParts = { honorificPrefix: string | null; givenName: string | null; middleName: string | null; familyName: string | null; honorificSuffix: string | null };

export function fullNameOf(user: NameParts): string {
  return [user.honorificPrefix, user.givenName, user.middleName, user.familyName, user.honorificSuffix].filter(Boolean).join(" ");
}
