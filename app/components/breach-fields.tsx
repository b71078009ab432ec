/** The facts of a breach (report and edit forms). Plain inputs: the form works without JavaScript. */
import { BREACH_NATURES } from "~/schemas/breach.ts";
import { DATA_CATEGORIES, DATA_SUBJECT_CATEGORIES } from "~/reference/vocabularies.ts";
import { useT } from "~/utils/use-i18n.ts";
import { ErrorList, SelectField, TextAreaField, TextField, type AnyField } from "./forms.tsx";

export function DateTimeField({ label, field, required, hint }: { label: string; field: AnyField; required?: boolean; hint?: string }) {
  return <TextField label={label} field={field} type="datetime-local" required={required} hint={hint} />;
}

function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  errors,
  errorId,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; note?: string }[];
  selected: readonly string[];
  errors?: string[];
  errorId?: string;
}) {
  return (
    <fieldset className="field checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} /> {o.label}
          {o.note ? <span className="muted"> — {o.note}</span> : null}
        </label>
      ))}
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

export type FactsDefaults = {
  nature: string[];
  activityIds: string[];
  vendorIds: string[];
  dataCategories: string[];
  subjects: { category: string; count: number | null }[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's field map of a preprocessed schema.
type Fields = Record<string, any>;

export function BreachFactsFields({
  fields,
  defaults,
  departments,
  activities,
  vendors,
  canChooseAnyDepartment,
}: {
  fields: Fields;
  defaults: FactsDefaults;
  departments: { id: string; name: string }[];
  activities: { id: string; ref: string; name: string; note?: string }[];
  vendors: { id: string; name: string }[];
  canChooseAnyDepartment: boolean;
}) {
  const { t } = useT();
  const counts = new Map(defaults.subjects.map((s) => [s.category, s.count]));
  return (
    <>
      <TextField label={t("breaches.field.title")} field={fields.title} required />
      <SelectField
        label={t("breaches.field.department")}
        hint={t("breaches.hint.department")}
        field={fields.departmentId}
        options={[
          ...(canChooseAnyDepartment ? [{ value: "", label: t("breaches.noDepartment") }] : []),
          ...departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <fieldset className="field">
        <legend>{t("breaches.section.dates")}</legend>
        <p className="hint">{t("breaches.hint.parisTime")}</p>
        <DateTimeField label={t("breaches.field.discoveredAt")} field={fields.discoveredAt} required />
        <DateTimeField label={t("breaches.field.awareAt")} field={fields.awareAt} required hint={t("breaches.hint.awareAt")} />
        <DateTimeField label={t("breaches.field.startedAt")} field={fields.startedAt} />
        <DateTimeField label={t("breaches.field.endedAt")} field={fields.endedAt} />
      </fieldset>
      <CheckboxGroup
        legend={t("breaches.field.nature")}
        name="nature"
        options={BREACH_NATURES.map((n) => ({ value: n, label: t(`breaches.nature.${n}`) }))}
        selected={defaults.nature}
        errors={fields.nature.errors}
        errorId={fields.nature.errorId}
      />
      <TextAreaField label={t("breaches.field.description")} field={fields.description} rows={4} />
      <TextAreaField label={t("breaches.field.cause")} field={fields.cause} />
      <TextAreaField label={t("breaches.field.discoveryMeans")} field={fields.discoveryMeans} />
      {activities.length ? (
        <CheckboxGroup
          legend={t("breaches.field.activities")}
          name="activityIds"
          options={activities.map((a) => ({ value: a.id, label: `${a.ref} — ${a.name}`, note: a.note }))}
          selected={defaults.activityIds}
        />
      ) : (
        <p className="muted">{t("breaches.noActivities")}</p>
      )}
      {vendors.length ? (
        <CheckboxGroup
          legend={t("breaches.field.vendors")}
          name="vendorIds"
          options={vendors.map((v) => ({ value: v.id, label: v.name }))}
          selected={defaults.vendorIds}
        />
      ) : null}
      <CheckboxGroup
        legend={t("breaches.field.dataCategories")}
        name="dataCategories"
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`vocab.dataCategory.${c}`) }))}
        selected={defaults.dataCategories}
      />
      <fieldset className="field">
        <legend>{t("breaches.field.subjects")}</legend>
        <p className="hint">{t("breaches.hint.subjects")}</p>
        <table className="subjects-table">
          <thead>
            <tr>
              <th scope="col">{t("breaches.subjects.category")}</th>
              <th scope="col">{t("breaches.subjects.count")}</th>
            </tr>
          </thead>
          <tbody>
            {DATA_SUBJECT_CATEGORIES.map((c) => (
              <tr key={c}>
                <td>
                  <label className="checkbox">
                    <input type="checkbox" name="subjects" value={c} defaultChecked={counts.has(c)} /> {t(`vocab.dataSubject.${c}`)}
                  </label>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    name={`counts.${c}`}
                    defaultValue={counts.get(c) ?? ""}
                    aria-label={t("breaches.subjects.countOf", { category: t(`vocab.dataSubject.${c}`) })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <TextField label={t("breaches.field.approxPeople")} field={fields.approxPeople} hint={t("breaches.hint.approxPeople")} />
      <TextField label={t("breaches.field.approxRecords")} field={fields.approxRecords} />
      <TextAreaField label={t("breaches.field.consequences")} field={fields.consequences} />
      <TextAreaField label={t("breaches.field.measures")} field={fields.measures} />
      <TextAreaField label={t("breaches.field.crossBorder")} field={fields.crossBorder} />
    </>
  );
}
