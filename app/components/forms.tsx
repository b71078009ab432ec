import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useId } from "react";
import { useT } from "~/utils/use-i18n.ts";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | undefined }) {
  const { msg } = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{msg(e)}</li>
      ))}
    </ul>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform infers `unknown` for preprocessed Zod fields.
export type AnyField = FieldMetadata<any, any, string[]>;
type Common = { label: string; hint?: string; field: AnyField };

/** Label, hint and translated errors wired with aria-describedby. */
export function TextField({
  label,
  hint,
  field,
  type = "text",
  autoComplete,
  required,
}: Common & { type?: "text" | "email" | "password" | "tel" | "date" | "datetime-local" | "url"; autoComplete?: string; required?: boolean }) {
  const hintId = useId();
  const props = getInputProps(field, { type, ariaAttributes: true });
  const describedBy = [hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} autoComplete={autoComplete} required={required} aria-describedby={describedBy} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({ label, hint, field, rows = 3 }: Common & { rows?: number }) {
  const hintId = useId();
  const props = getTextareaProps(field, { ariaAttributes: true });
  const describedBy = [hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ label, hint, field, options }: Common & { options: { value: string; label: string }[] }) {
  const hintId = useId();
  const props = getSelectProps(field, { ariaAttributes: true });
  const describedBy = [hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select {...props} key={props.key} aria-describedby={describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Form-level errors (wrong password, stale data…) announced to screen readers. */
export function FormErrors({ errors, id }: { errors?: string[] | undefined; id?: string }) {
  const { msg } = useT();
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{msg(e)}</p>
      ))}
    </div>
  );
}
