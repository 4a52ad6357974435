import { useId, type TextareaHTMLAttributes } from "react";
import { controlClass, Field } from "@/components/ui/field";

/** A labelled multi-line text field named "reason". */
export function ReasonField({ label, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string }) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <textarea id={id} name="reason" rows={3} className={controlClass} {...props} />
    </Field>
  );
}
