import { AccountSection } from "./account-section";

export function AccountGroups({ groups }: { groups: { id: string; displayName: string }[] }) {
  return (
    <AccountSection id="groups" title="Groups">
      {groups.length ? (
        <ul className="flex flex-wrap gap-2">
          {groups.map((g) => (
            <li key={g.id} className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700">
              {g.displayName}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">You are not a member of any group.</p>
      )}
    </AccountSection>
  );
}
