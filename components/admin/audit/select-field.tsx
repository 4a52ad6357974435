import { useId, type SelectHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

export type SelectOption = { value: string; label: string };

/** A labelled native select (works without JavaScript inside a GET form). */
export function SelectField({ label, options, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: SelectOption[] }) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <select id={id} className={controlClass} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
