import { TextField } from "@/components/ui/text-field";
import { ACTION_LABELS, AUDIT_ACTIONS } from "./action-labels";
import { FilterForm } from "./filter-form";
import { SelectField } from "./select-field";

export type AuditFilterValues = { action?: string; actor?: string; user?: string };

const actionOptions = [{ value: "", label: "All actions" }, ...AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }))];

export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <FilterForm action="/admin/audit" label="Filter the audit log" active={Boolean(values.action || values.actor || values.user)}>
      <SelectField label="Action" name="action" defaultValue={values.action ?? ""} options={actionOptions} />
      <TextField label="Actor" name="actor" defaultValue={values.actor ?? ""} hint="Part of the actor's name, or its id" autoComplete="off" />
      <TextField label="User" name="user" defaultValue={values.user ?? ""} hint="The target user's username or id" autoComplete="off" />
    </FilterForm>
  );
}
