import { useId, type InputHTMLAttributes } from "react";
import { controlClass, Field } from "./field";

export function TextField({ label, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={controlClass} {...props} />
    </Field>
  );
}
