import Link from "next/link";
import { Section } from "./section";

export function GroupsSection({ groups }: { groups: { id: string; displayName: string }[] }) {
  return (
    <Section id="groups" title="Groups">
      {groups.length ? (
        <ul className="flex flex-wrap gap-2">
          {groups.map((g) => (
            <li key={g.id}>
              <Link
                href={`/admin/groups/${g.id}`}
                className="inline-block rounded-md border border-zinc-300 px-2 py-1 text-sm text-indigo-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:text-indigo-300 dark:hover:bg-zinc-800"
              >
                {g.displayName}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Not a member of any group.</p>
      )}
    </Section>
  );
}
