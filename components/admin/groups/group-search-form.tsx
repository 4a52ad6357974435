import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** A GET form: the search lives in the URL (?q=), so it survives reloads and the back button; a new search starts at page 1. */
export function GroupSearchForm({ q }: { q?: string }) {
  return (
    <Form action="/admin/groups" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <TextField label="Search groups" name="q" type="search" defaultValue={q ?? ""} placeholder="Group name" maxLength={200} />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {q && (
        <Link href="/admin/groups" className="px-2 py-2 text-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-300">
          Clear search
        </Link>
      )}
    </Form>
  );
}
