import { FilterForm } from "@/components/admin/audit/filter-form";
import { SelectField } from "@/components/admin/audit/select-field";
import { TextField } from "@/components/ui/text-field";

export type ScimLogFilterValues = { errors: boolean; method?: string; path?: string };

export function ScimLogFilters({ values, methods }: { values: ScimLogFilterValues; methods: readonly string[] }) {
  const options = [{ value: "", label: "All methods" }, ...methods.map((m) => ({ value: m, label: m }))];
  return (
    <FilterForm action="/admin/scim-log" label="Filter the SCIM log" active={Boolean(values.errors || values.method || values.path)}>
      <SelectField label="Method" name="method" defaultValue={values.method ?? ""} options={options} />
      <TextField label="Path starts with" name="path" defaultValue={values.path ?? ""} placeholder="/Users" autoComplete="off" />
      <div className="flex items-center gap-2 lg:pb-2">
        <input
          id="scim-log-errors"
          type="checkbox"
          name="errors"
          value="1"
          defaultChecked={values.errors}
          className="size-4 rounded border-zinc-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-700"
        />
        <label htmlFor="scim-log-errors" className="text-sm font-medium">
          Errors only (4xx and 5xx)
        </label>
      </div>
    </FilterForm>
  );
}
