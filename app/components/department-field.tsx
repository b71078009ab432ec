/**
 * The department of an activity, picked in a <select> (full form, new activity, template start and pick,
 * guided step 1). One copy, so the empty option, `required` and the aria wiring stay the same everywhere.
 */
import type { ReactNode } from "react";
import { ErrorList, type AnyField } from "~/components/forms.tsx";
import { useT } from "~/utils/use-i18n.ts";

export type DepartmentOption = { id: string; name: string };

/** The <select> alone, for a field shell of its own (the guided steps'). */
export function DepartmentSelect({
  field,
  departments,
  required,
  emptyLabel,
  id = field.id,
  describedBy,
}: {
  field: AnyField;
  departments: DepartmentOption[];
  required: boolean;
  /** Label of the empty option ("No department", "Choose…"); null: no empty option. */
  emptyLabel: string | null;
  id?: string;
  describedBy: string | undefined;
}) {
  return (
    <select
      id={id}
      name={field.name}
      defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
      key={field.key}
      required={required}
      aria-invalid={field.errors?.length ? true : undefined}
      aria-describedby={describedBy}
    >
      {emptyLabel === null ? null : <option value="">{emptyLabel}</option>}
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </select>
  );
}

/**
 * A filter menu of departments (the register, the templates): "All" first, then one option each, read by the
 * page's GET form as `department`. Not a field of a record, so no required mark, hint or errors.
 */
export function DepartmentFilter({ label, value, options }: { label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  const { t } = useT();
  return (
    <label>
      {label}
      <select name="department" defaultValue={value ?? ""}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Label (starred when a department is required), hint, select and errors. An editor must pick one of their
 * departments; whoever may leave it empty (`allowNone`) gets a "No department" option.
 */
export function DepartmentField({
  field,
  departments,
  allowNone,
  hint,
  emptyLabel,
  id = field.id,
}: {
  field: AnyField;
  departments: DepartmentOption[];
  allowNone: boolean;
  hint: ReactNode;
  /** Defaults to "No department" when allowed, else "Choose…". */
  emptyLabel?: string | null;
  id?: string;
}) {
  const { t } = useT();
  const hintId = `${id}-hint`;
  const empty = emptyLabel !== undefined ? emptyLabel : allowNone ? t("activityForm.department.none") : t("activityForm.choose");
  return (
    <div className="field">
      <label htmlFor={id}>
        {t("activityForm.field.departmentId")}
        {allowNone ? null : <span aria-hidden="true"> *</span>}
      </label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <DepartmentSelect
        field={field}
        departments={departments}
        required={!allowNone}
        emptyLabel={empty}
        id={id}
        describedBy={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
