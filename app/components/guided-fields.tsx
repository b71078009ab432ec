/**
 * Fields of the guided declaration: each one shows its label, a plain-language help and an example,
 * all three wired to the control (label, aria-describedby), plus its translated errors.
 * Repeatable lists use Conform list intents: "add" and "remove" are real submit buttons, so they work
 * without JavaScript (the server replies with the row added or removed; the #fragment brings the
 * browser back to the list).
 */
import { DepartmentSelect } from "~/components/department-field.tsx";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { ErrorList, type AnyField } from "~/components/forms.tsx";
import { useT } from "~/utils/use-i18n.ts";

export type FieldText = { label: string; help: string; example: string };
/** Field metadata of a nested object or list (the steps' shapes differ, so they are read loosely). */
export type LooseField = AnyField & { getFieldset: () => Record<NestedKey, LooseField>; getFieldList: () => LooseField[] };
/** Keys of the content's nested objects and list rows. */
type NestedKey =
  | "main"
  | "sub"
  | "category"
  | "description"
  | "source"
  | "estimatedCount"
  | "retention"
  | "activePeriod"
  | "intermediatePeriod"
  | "finalFate"
  | "rule"
  | "basis"
  | "text"
  | "purpose"
  | "condition"
  | "type"
  | "name"
  | "country"
  | "recipient"
  | "safeguard"
  | "documentationUrl"
  | "measure"
  | "details";
export type Option = { value: string; label: string };

function describedBy(field: AnyField): string {
  return [`${field.id}-help`, `${field.id}-example`, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ");
}

/** Help then example, both referenced by the control's aria-describedby. */
function HelpAndExample({ id, help, example }: { id: string; help: string; example: string }) {
  const { t } = useT();
  return (
    <>
      <p id={`${id}-help`} className="hint">
        {help}
      </p>
      <p id={`${id}-example`} className="guided-example">
        <span className="guided-example-label">{t("guided.exampleLabel")}</span> {example}
      </p>
    </>
  );
}

function Shell({ field, text, children, required }: { field: AnyField; text: FieldText; children: ReactNode; required?: boolean }) {
  return (
    <div className="field guided-field">
      <label htmlFor={field.id}>
        {text.label}
        {required || field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <HelpAndExample id={field.id} help={text.help} example={text.example} />
      {children}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function GuidedInput({ field, text, kind = "text" }: { field: AnyField; text: FieldText; kind?: "text" | "date" | "url" | "number" | "code" }) {
  const props = getInputProps(field, { type: kind === "date" || kind === "url" ? kind : "text", ariaAttributes: true });
  const extra =
    kind === "number"
      ? { inputMode: "numeric" as const, className: "input-short", autoComplete: "off" }
      : kind === "code"
        ? { maxLength: 2, className: "input-code", autoComplete: "off", spellCheck: false, autoCapitalize: "characters" }
        : kind === "date"
          ? { className: "input-date" }
          : {};
  return (
    <Shell field={field} text={text}>
      <input {...props} key={props.key} {...extra} aria-describedby={describedBy(field)} />
    </Shell>
  );
}

export function GuidedArea({ field, text, rows = 3 }: { field: AnyField; text: FieldText; rows?: number }) {
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <Shell field={field} text={text}>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(field)} />
    </Shell>
  );
}

export function GuidedChoice({
  field,
  text,
  options,
  groups,
  placeholder,
}: {
  field: AnyField;
  text: FieldText;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <Shell field={field} text={text}>
      <select {...props} key={props.key} aria-describedby={describedBy(field)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Shell>
  );
}

/** A department select (not a content field): same help and example layout. */
export function GuidedDepartment({
  field,
  text,
  departments,
  allowNone,
  noneLabel,
}: {
  field: AnyField;
  text: FieldText;
  departments: { id: string; name: string }[];
  allowNone: boolean;
  noneLabel: string;
}) {
  return (
    <Shell field={field} text={text} required={!allowNone}>
      <DepartmentSelect field={field} departments={departments} required={!allowNone} emptyLabel={noneLabel} describedBy={describedBy(field)} />
    </Shell>
  );
}

export function GuidedCheck({ field, text }: { field: AnyField; text: FieldText }) {
  const props = getInputProps(field, { type: "checkbox", ariaAttributes: true });
  return (
    <div className="check-field guided-check">
      <input {...props} key={props.key} aria-describedby={describedBy(field)} />
      <div>
        <label htmlFor={field.id}>{text.label}</label>
        <HelpAndExample id={field.id} help={text.help} example={text.example} />
        <ErrorList id={field.errorId} errors={field.errors} />
      </div>
    </div>
  );
}
