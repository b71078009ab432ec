/**
 * The Art. 30 form of one processing activity. Field names follow ActivityContentSchema under `content.`,
 * plus `revision` (hidden, optimistic locking) and `departmentId`.
 *
 * Works without JavaScript: every button is a real submit. "Add"/"remove" buttons carry a Conform list
 * intent; without JS the server answers with `submission.reply()` and the page comes back with the row
 * added or removed (the button's formAction carries a #fragment so the browser scrolls back to the list).
 */
import { DepartmentField } from "~/components/department-field.tsx";
import { ListEditor, type ListEditorText } from "~/components/list-editor.tsx";
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";
import { ErrorList, FormErrors, type AnyField } from "~/components/forms.tsx";
import { confirmedFrom, PrefilledNotice } from "~/components/prefilled-notice.tsx";
import {
  ACTIVITY_ROLES,
  ACTIVITY_DOMAINS,
  ART9_CONDITIONS,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  isSensitiveCategory,
  LEGAL_BASES,
  OFFENCE_DATA_CATEGORY,
  ORDINARY_DATA_CATEGORIES,
  RECIPIENT_TYPES,
  REGIMES,
  RISK_FLAGS,
  SECURITY_MEASURES,
  SENSITIVE_DATA_CATEGORIES,
  TRANSFER_SAFEGUARDS,
} from "~/reference/vocabularies.ts";
import { ART49_POINTS, RECIPIENT_KINDS } from "~/analysis/sovereignty.ts";
import { ActivityContentSchema, DepartmentIdField, type ActivityContent } from "~/schemas/activity.ts";
import type { CompletenessItem } from "~/domain/activity-rules.ts";
import { pathParts, type DiffRow } from "~/domain/activity-diff.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { CONTENT_KEYS, type ContentKey } from "~/domain/prefilled.ts";
import { useT } from "~/utils/use-i18n.ts";
import { z } from "~/utils/validation.ts";

/* ------------------------------------------------------------------ */
/* Schema shared by the edit route's action and the client validation  */
/* ------------------------------------------------------------------ */

export { DepartmentIdField };

export const ActivityEditSchema = z.object({
  revision: z.coerce.number().int().min(1),
  departmentId: DepartmentIdField,
  content: ActivityContentSchema,
});
export type ActivityEditValue = z.output<typeof ActivityEditSchema>;

const constraint = getZodConstraint(ActivityEditSchema);

/* ------------------------------------------------------------------ */
/* Sections, shared with the page (table of contents, summary links)    */
/* ------------------------------------------------------------------ */

export const SECTIONS = [
  "identity",
  "regime",
  "purposes",
  "legal",
  "subjects",
  "data",
  "recipients",
  "transfers",
  "security",
  "rights",
  "risks",
  "review",
] as const;
export type Section = (typeof SECTIONS)[number];
export const sectionId = (s: Section) => `section-${s}`;

/** The content keys each section edits: a section shows the "prefilled" notice for those still unconfirmed. */
export const SECTION_CONTENT_KEYS: Record<Section, readonly ContentKey[]> = {
  identity: ["name", "description", "internalContact", "implementationDate"],
  regime: ["regime", "role", "domain", "jointControllers", "processorFor"],
  purposes: ["purposes"],
  legal: ["legalBases", "art9Conditions", "art10Basis", "ledLegalBasis", "ledProfiling"],
  subjects: ["dataSubjects"],
  data: ["dataCategories"],
  recipients: ["recipients"],
  transfers: ["transfers"],
  security: ["securityMeasures"],
  rights: ["rights"],
  risks: ["riskFlags"],
  review: ["nextReviewAt", "lastReviewAt"],
};

/** Where each completeness item is filled in, so the summary can link to it. */
export const COMPLETENESS_SECTION: Record<CompletenessItem, Section> = {
  department: "identity",
  purposes: "purposes",
  legalBases: "legal",
  art9Conditions: "legal",
  art10Basis: "legal",
  ledLegalBasis: "legal",
  jointControllers: "regime",
  processorFor: "regime",
  dataSubjects: "subjects",
  dataCategories: "data",
  retention: "data",
  recipients: "recipients",
  transfers: "transfers",
  securityMeasures: "security",
  rights: "rights",
  nextReview: "review",
};

/* ------------------------------------------------------------------ */
/* Field paths and their labels (also used by the conflict diff)        */
/* ------------------------------------------------------------------ */

type FieldPath =
  | "name"
  | "description"
  | "departmentId"
  | "internalContact"
  | "implementationDate"
  | "regime"
  | "role"
  | "jointControllers.name"
  | "jointControllers.contact"
  | "jointControllers.arrangement"
  | "processorFor.controller"
  | "processorFor.contact"
  | "processorFor.categories"
  | "purposes.main"
  | "legalBases.basis"
  | "legalBases.text"
  | "legalBases.purpose"
  | "art9Conditions.condition"
  | "art9Conditions.text"
  | "art10Basis"
  | "ledLegalBasis"
  | "ledProfiling"
  | "domain"
  | "dataSubjects.category"
  | "dataSubjects.description"
  | "dataSubjects.estimatedCount"
  | "dataCategories.category"
  | "dataCategories.description"
  | "dataCategories.source"
  | "dataCategories.retention.activePeriod"
  | "dataCategories.retention.intermediatePeriod"
  | "dataCategories.retention.finalFate"
  | "dataCategories.retention.rule"
  | "recipients.type"
  | "recipients.name"
  | "transfers.country"
  | "transfers.recipient"
  | "transfers.safeguard"
  | "transfers.documentationUrl"
  | "transfers.recipientKind"
  | "transfers.art49Point"
  | "securityMeasures.measure"
  | "securityMeasures.details"
  | "rights.exercise"
  | "rights.information"
  | "nextReviewAt"
  | "lastReviewAt";

type ListKey =
  | "jointControllers"
  | "processorFor"
  | "purposes.sub"
  | "legalBases"
  | "art9Conditions"
  | "dataSubjects"
  | "dataCategories"
  | "recipients"
  | "transfers"
  | "securityMeasures";

/** Top-level order of the form, used to sort the rows of the conflict diff like the form reads: the
 * content's keys, with the department (a column, not content) after the description. */
const FORM_ORDER: readonly string[] = [...CONTENT_KEYS.slice(0, 2), "departmentId", ...CONTENT_KEYS.slice(2)];

/** Stable sort of diff rows in the order of the form (diffContents sorts alphabetically). */
export function sortDiffLikeForm(rows: DiffRow[]): DiffRow[] {
  const rank = (r: DiffRow) => {
    const i = FORM_ORDER.indexOf(String(pathParts(r.path)[0]));
    return i === -1 ? FORM_ORDER.length : i;
  };
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** Codes in the diff are shown with their vocabulary labels. */
const VOCAB_PREFIX: Record<string, string> = {
  regime: "vocab.regime",
  role: "vocab.role",
  "legalBases.basis": "vocab.legalBasis",
  "art9Conditions.condition": "vocab.art9",
  "dataSubjects.category": "vocab.dataSubject",
  "dataCategories.category": "vocab.dataCategory",
  "dataCategories.retention.finalFate": "vocab.finalFate",
  "recipients.type": "vocab.recipientType",
  "transfers.safeguard": "vocab.safeguard",
  "transfers.recipientKind": "legal.transfer.recipientKind",
  "transfers.art49Point": "legal.transfer.art49Point",
  domain: "vocab.domain",
  "securityMeasures.measure": "vocab.security",
};
const DATE_PATHS = new Set(["implementationDate", "nextReviewAt", "lastReviewAt"]);

/** Label and formatter for the rows of diffContents (paths like "dataCategories[2].retention.rule"). */
export function useDiffLabels() {
  const { t, has, msg, date } = useT();
  const key = (k: string): string => (has(k) ? msg(k) : k);
  const label = (path: string): string => {
    const parts = pathParts(path);
    const out: string[] = [];
    const names: string[] = [];
    parts.forEach((p, i) => {
      if (typeof p === "number") {
        out.push(t("activityForm.itemLegend", { label: key(`activityForm.field.${names.join(".")}`), n: p }));
        return;
      }
      names.push(p);
      if (i !== parts.length - 1) return;
      if (names[0] === "riskFlags") out.push(key("activityForm.section.risks"), key(`vocab.riskFlag.${p}`));
      else {
        const leaf = key(`activityForm.field.${names.join(".")}`);
        // "Base légale n° 1 — Base légale" says the same thing twice.
        const list = names.length > 1 ? key(`activityForm.field.${names.slice(0, -1).join(".")}`) : null;
        if (leaf !== list) out.push(leaf);
      }
    });
    return out.join(" — ");
  };
  const value = (path: string, v: string | null): string => {
    if (v === null) return t("activityForm.conflict.empty");
    const normalized = pathParts(path)
      .filter((p) => typeof p === "string")
      .join(".");
    if (normalized.startsWith("riskFlags.")) return v === "true" ? t("activityForm.value.yes") : t("activityForm.value.no");
    const prefix = VOCAB_PREFIX[normalized];
    if (prefix && has(`${prefix}.${v}`)) return msg(`${prefix}.${v}`);
    if (DATE_PATHS.has(normalized) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v);
    return v;
  };
  return { label, value };
}

/* ------------------------------------------------------------------ */
/* Field components                                                     */
/* ------------------------------------------------------------------ */

function describedBy(field: AnyField, hint: boolean): string | undefined {
  return [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ field, label, hint, children }: { field: AnyField; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

type InputKind = "text" | "date" | "url" | "number" | "code";

function Input({ field, label, hint, kind = "text" }: { field: AnyField; label: string; hint?: string; kind?: InputKind }) {
  const type = kind === "date" || kind === "url" ? kind : "text";
  const props = getInputProps(field, { type, ariaAttributes: true });
  const extra =
    kind === "number"
      ? { inputMode: "numeric" as const, className: "input-short", autoComplete: "off" }
      : kind === "code"
        ? { maxLength: 2, className: "input-code", autoComplete: "off", spellCheck: false, autoCapitalize: "characters" }
        : kind === "date"
          ? { className: "input-date" }
          : {};
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <input {...props} key={props.key} {...extra} aria-describedby={describedBy(field, Boolean(hint))} />
    </FieldShell>
  );
}

function Area({ field, label, hint, rows = 3 }: { field: AnyField; label: string; hint?: string; rows?: number }) {
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(field, Boolean(hint))} />
    </FieldShell>
  );
}

type Option = { value: string; label: string };

function Choice({
  field,
  label,
  hint,
  options,
  groups,
  placeholder,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <FieldShell field={field} label={label} hint={hint}>
      <select {...props} key={props.key} aria-describedby={describedBy(field, Boolean(hint))}>
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
    </FieldShell>
  );
}

function Check({ field, label, hint }: { field: AnyField; label: string; hint: string }) {
  const props = getInputProps(field, { type: "checkbox", ariaAttributes: true });
  return (
    <div className="check-field">
      <input {...props} key={props.key} aria-describedby={describedBy(field, true)} />
      <div>
        <label htmlFor={field.id}>{label}</label>
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
        <ErrorList id={field.errorId} errors={field.errors} />
      </div>
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* Sections and repeatable lists                                        */
/* ------------------------------------------------------------------ */

/** Prefilled keys of the record not confirmed yet, and the confirmations of the last submission. */
const PrefilledContext = createContext<{ keys: readonly ContentKey[]; confirmed: readonly string[] }>({ keys: [], confirmed: [] });

function SectionBlock({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useT();
  const prefilled = useContext(PrefilledContext);
  const pending = SECTION_CONTENT_KEYS[section].filter((k) => prefilled.keys.includes(k));
  return (
    <fieldset className="form-section" id={sectionId(section)} aria-describedby={`${sectionId(section)}-intro`}>
      <legend>
        <h2>{t(`activityForm.section.${section}`)}</h2>
      </legend>
      <p className="section-intro" id={`${sectionId(section)}-intro`}>
        {t(`activityForm.section.${section}.intro`)}
      </p>
      <PrefilledNotice keys={pending} idPrefix={sectionId(section)} confirmed={prefilled.confirmed} />
      {children}
    </fieldset>
  );
}

type Shape = ActivityEditValue;
type Meta<T> = FieldMetadata<T, Shape, string[]>;

const listDomId = (k: ListKey) => `list-${k.replace(".", "-")}`;

function Repeat<T>({
  form,
  field,
  k,
  notice,
  item,
  simple = false,
}: {
  form: FormMetadata<Shape, string[]>;
  field: Meta<T[]>;
  k: ListKey;
  notice?: ReactNode;
  item: (row: Meta<T>, n: number) => ReactNode;
  /** One input per row (sub-purposes): no nested fieldset, the input's label names the row. */
  simple?: boolean;
}) {
  const { t } = useT();
  const listLabel = t(`activityForm.field.${k}`);
  const text: ListEditorText = {
    legend: t(`activityForm.list.${k}.legend`),
    hint: t(`activityForm.list.${k}.hint`),
    empty: t(`activityForm.list.${k}.empty`),
    add: t(`activityForm.list.${k}.add`),
    remove: (n) => t(`activityForm.list.${k}.remove`, { n }),
    itemLegend: (n) => t("activityForm.itemLegend", { label: listLabel, n }),
  };
  return <ListEditor form={form} field={field} domId={listDomId(k)} text={text} notice={notice} item={item} row={simple ? "simple" : "block"} />;
}

/* ------------------------------------------------------------------ */
/* The form                                                             */
/* ------------------------------------------------------------------ */

export type DepartmentOption = { id: string; name: string };

export type ActivityFormProps = {
  /** Changes whenever the saved record changes, so the form starts again from it. */
  id: string;
  /** The revision the next save expects (THEIR revision after a conflict). */
  revision: number;
  defaultValue: { departmentId: string | null; content: ActivityContent };
  lastResult?: SubmissionResult<string[]> | null;
  departments: DepartmentOption[];
  /** ADMIN and DPO may leave the department empty; EDITORs pick one of theirs. */
  allowNoDepartment: boolean;
  submitLabel: string;
  cancelHref: string;
  /** Content keys prefilled from a template and not confirmed yet: their sections ask for a confirmation. */
  prefilledPaths?: readonly ContentKey[];
};

function asRows(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>) : {})) : [];
}

export function ActivityForm({
  id,
  revision,
  defaultValue,
  lastResult,
  departments,
  allowNoDepartment,
  submitLabel,
  cancelHref,
  prefilledPaths = [],
}: ActivityFormProps) {
  const { t } = useT();
  const [form, fields] = useForm<Shape>({
    id,
    lastResult,
    constraint,
    defaultValue: { revision, departmentId: defaultValue.departmentId ?? "", content: defaultValue.content },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActivityEditSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const c = fields.content.getFieldset();
  const L = (p: FieldPath) => ({ label: t(`activityForm.field.${p}`), hint: t(`activityForm.hint.${p}`) });
  const vocab = <C extends string>(codes: readonly C[], label: (code: C) => string): Option[] => codes.map((code) => ({ value: code, label: label(code) }));
  const choose = t("activityForm.choose");

  // Live state of the form (from the DOM with JS; from the last server render without).
  const role = c.role.value;
  const dataCategories = asRows(c.dataCategories.value).map((r) => r.category);
  const hasSensitive = dataCategories.some((cat) => typeof cat === "string" && isSensitiveCategory(cat));
  const hasOffences = dataCategories.includes(OFFENCE_DATA_CATEGORY);
  const art9Count = c.art9Conditions.getFieldList().length;
  const art10Given = typeof c.art10Basis.value === "string" && c.art10Basis.value.trim() !== "";
  const thirdCountry = asRows(c.recipients.value).some((r) => r.type === "third_country");
  const transferCount = c.transfers.getFieldList().length;
  const jointCount = c.jointControllers.getFieldList().length;
  const processorCount = c.processorFor.getFieldList().length;

  const departmentField = fields.departmentId;
  const departmentHint = allowNoDepartment ? t("activityForm.hint.departmentId") : t("activityForm.hint.departmentIdEditor");

  const actions = (
    <div className="form-actions">
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
      <Link to={cancelHref} className="button">
        {t("activityForm.cancel")}
      </Link>
    </div>
  );

  const body = (
    <Form method="post" {...getFormProps(form)} className="activity-form">
      {/* The first submit button in the form is the one Enter triggers: keep "save" first, before any list button. */}
      {actions}
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="revision" value={revision} />

      <SectionBlock section="identity">
        <Input field={c.name} {...L("name")} />
        <Area field={c.description} {...L("description")} rows={4} />
        <DepartmentField
          field={departmentField}
          departments={departments}
          allowNone={allowNoDepartment}
          hint={departmentHint}
          emptyLabel={allowNoDepartment ? t("activityForm.department.none") : null}
        />
        <div className="field-grid">
          <Input field={c.internalContact} {...L("internalContact")} />
          <Input field={c.implementationDate} {...L("implementationDate")} kind="date" />
        </div>
      </SectionBlock>

      <SectionBlock section="regime">
        <div className="field-grid">
          <Choice field={c.regime} {...L("regime")} options={vocab(REGIMES, (r) => t(`vocab.regime.${r}`))} />
          <Choice field={c.role} {...L("role")} options={vocab(ACTIVITY_ROLES, (r) => t(`vocab.role.${r}`))} />
          <Choice field={c.domain} {...L("domain")} placeholder={choose} options={vocab(ACTIVITY_DOMAINS, (d) => t(`vocab.domain.${d}`))} />
        </div>
        {role === "JOINT_CONTROLLER" || jointCount > 0 ? (
          <Repeat
            form={form}
            field={c.jointControllers}
            k="jointControllers"
            notice={role !== "JOINT_CONTROLLER" ? <p className="callout warning">{t("activityForm.list.jointControllers.notApplicable")}</p> : null}
            item={(row) => {
              const f = row.getFieldset();
              return (
                <>
                  <div className="field-grid">
                    <Input field={f.name} {...L("jointControllers.name")} />
                    <Input field={f.contact} {...L("jointControllers.contact")} />
                  </div>
                  <Area field={f.arrangement} {...L("jointControllers.arrangement")} />
                </>
              );
            }}
          />
        ) : null}
        {role === "PROCESSOR" || processorCount > 0 ? (
          <Repeat
            form={form}
            field={c.processorFor}
            k="processorFor"
            notice={role !== "PROCESSOR" ? <p className="callout warning">{t("activityForm.list.processorFor.notApplicable")}</p> : null}
            item={(row) => {
              const f = row.getFieldset();
              return (
                <>
                  <div className="field-grid">
                    <Input field={f.controller} {...L("processorFor.controller")} />
                    <Input field={f.contact} {...L("processorFor.contact")} />
                  </div>
                  <Area field={f.categories} {...L("processorFor.categories")} />
                </>
              );
            }}
          />
        ) : null}
      </SectionBlock>

      <SectionBlock section="purposes">
        {(() => {
          const p = c.purposes.getFieldset();
          return (
            <>
              <Area field={p.main} {...L("purposes.main")} rows={2} />
              <Repeat
                form={form}
                field={p.sub}
                k="purposes.sub"
                simple
                item={(row, n) => <Input field={row} label={t("activityForm.itemLegend", { label: t("activityForm.field.purposes.sub"), n })} />}
              />
            </>
          );
        })()}
      </SectionBlock>

      <SectionBlock section="legal">
        <Repeat
          form={form}
          field={c.legalBases}
          k="legalBases"
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <Choice field={f.basis} {...L("legalBases.basis")} placeholder={choose} options={vocab(LEGAL_BASES, (b) => t(`vocab.legalBasis.${b}`))} />
                <div className="field-grid">
                  <Input field={f.text} {...L("legalBases.text")} />
                  <Input field={f.purpose} {...L("legalBases.purpose")} />
                </div>
              </>
            );
          }}
        />
        <Repeat
          form={form}
          field={c.art9Conditions}
          k="art9Conditions"
          notice={hasSensitive && art9Count === 0 ? <p className="callout warning">{t("activityForm.list.art9Conditions.needed")}</p> : null}
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <Choice
                  field={f.condition}
                  {...L("art9Conditions.condition")}
                  placeholder={choose}
                  options={vocab(ART9_CONDITIONS, (a) => t(`vocab.art9.${a}`))}
                />
                <Input field={f.text} {...L("art9Conditions.text")} />
              </>
            );
          }}
        />
        {hasOffences && !art10Given ? <p className="callout warning">{t("activityForm.art10Needed")}</p> : null}
        <Area field={c.art10Basis} {...L("art10Basis")} rows={2} />
        {/* Law-enforcement activities (Directive 2016/680): their own legal basis and profiling (art. 8 and 24). */}
        <Area field={c.ledLegalBasis} {...L("ledLegalBasis")} rows={2} />
        <Area field={c.ledProfiling} {...L("ledProfiling")} rows={2} />
      </SectionBlock>

      <SectionBlock section="subjects">
        <Repeat
          form={form}
          field={c.dataSubjects}
          k="dataSubjects"
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <div className="field-grid">
                  <Choice
                    field={f.category}
                    {...L("dataSubjects.category")}
                    placeholder={choose}
                    options={vocab(DATA_SUBJECT_CATEGORIES, (s) => t(`vocab.dataSubject.${s}`))}
                  />
                  <Input field={f.estimatedCount} {...L("dataSubjects.estimatedCount")} kind="number" />
                </div>
                <Input field={f.description} {...L("dataSubjects.description")} />
              </>
            );
          }}
        />
      </SectionBlock>

      <SectionBlock section="data">
        <Repeat
          form={form}
          field={c.dataCategories}
          k="dataCategories"
          item={(row) => {
            const f = row.getFieldset();
            const r = f.retention.getFieldset();
            return (
              <>
                <Choice
                  field={f.category}
                  {...L("dataCategories.category")}
                  placeholder={choose}
                  groups={[
                    { label: t("activityForm.dataCategory.group.ordinary"), options: vocab(ORDINARY_DATA_CATEGORIES, (d) => t(`vocab.dataCategory.${d}`)) },
                    { label: t("activityForm.dataCategory.group.sensitive"), options: vocab(SENSITIVE_DATA_CATEGORIES, (d) => t(`vocab.dataCategory.${d}`)) },
                    {
                      label: t("activityForm.dataCategory.group.offences"),
                      options: [{ value: OFFENCE_DATA_CATEGORY, label: t(`vocab.dataCategory.${OFFENCE_DATA_CATEGORY}`) }],
                    },
                  ]}
                />
                <div className="field-grid">
                  <Area field={f.description} {...L("dataCategories.description")} rows={2} />
                  <Area field={f.source} {...L("dataCategories.source")} rows={2} />
                </div>
                <fieldset className="subgroup">
                  <legend>{t("activityForm.field.dataCategories.retention")}</legend>
                  <div className="field-grid">
                    <Input field={r.activePeriod} {...L("dataCategories.retention.activePeriod")} />
                    <Input field={r.intermediatePeriod} {...L("dataCategories.retention.intermediatePeriod")} />
                    <Choice
                      field={r.finalFate}
                      {...L("dataCategories.retention.finalFate")}
                      placeholder={choose}
                      options={vocab(FINAL_FATES, (x) => t(`vocab.finalFate.${x}`))}
                    />
                    <Input field={r.rule} {...L("dataCategories.retention.rule")} />
                  </div>
                </fieldset>
              </>
            );
          }}
        />
      </SectionBlock>

      <SectionBlock section="recipients">
        <Repeat
          form={form}
          field={c.recipients}
          k="recipients"
          item={(row) => {
            const f = row.getFieldset();
            return (
              <div className="field-grid">
                <Choice field={f.type} {...L("recipients.type")} placeholder={choose} options={vocab(RECIPIENT_TYPES, (x) => t(`vocab.recipientType.${x}`))} />
                <Input field={f.name} {...L("recipients.name")} />
              </div>
            );
          }}
        />
      </SectionBlock>

      <SectionBlock section="transfers">
        <Repeat
          form={form}
          field={c.transfers}
          k="transfers"
          notice={thirdCountry && transferCount === 0 ? <p className="callout warning">{t("activityForm.list.transfers.needed")}</p> : null}
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <div className="field-grid">
                  <Input field={f.country} {...L("transfers.country")} kind="code" />
                  <Input field={f.recipient} {...L("transfers.recipient")} />
                </div>
                <Choice
                  field={f.safeguard}
                  {...L("transfers.safeguard")}
                  placeholder={choose}
                  options={vocab(TRANSFER_SAFEGUARDS, (x) => t(`vocab.safeguard.${x}`))}
                />
                <Input field={f.documentationUrl} {...L("transfers.documentationUrl")} kind="url" />
                <div className="field-grid">
                  <Choice
                    field={f.recipientKind}
                    {...L("transfers.recipientKind")}
                    placeholder={choose}
                    options={vocab(RECIPIENT_KINDS, (x) => t(`legal.transfer.recipientKind.${x}`))}
                  />
                  <Choice
                    field={f.art49Point}
                    {...L("transfers.art49Point")}
                    placeholder={choose}
                    options={vocab(ART49_POINTS, (x) => t(`legal.transfer.art49Point.${x}`))}
                  />
                </div>
                <div className="check-list">
                  <Check field={f.tiaDone} label={t("legal.transfer.tiaDone")} hint={t("activityForm.hint.transfers.tiaDone")} />
                  <Check field={f.dpfCertified} label={t("legal.transfer.dpfCertified")} hint={t("activityForm.hint.transfers.dpfCertified")} />
                </div>
              </>
            );
          }}
        />
      </SectionBlock>

      <SectionBlock section="security">
        <Repeat
          form={form}
          field={c.securityMeasures}
          k="securityMeasures"
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <Choice
                  field={f.measure}
                  {...L("securityMeasures.measure")}
                  placeholder={choose}
                  options={vocab(SECURITY_MEASURES, (x) => t(`vocab.security.${x}`))}
                />
                <Area field={f.details} {...L("securityMeasures.details")} rows={2} />
              </>
            );
          }}
        />
      </SectionBlock>

      <SectionBlock section="rights">
        {(() => {
          const r = c.rights.getFieldset();
          return (
            <>
              <Area field={r.exercise} {...L("rights.exercise")} />
              <Area field={r.information} {...L("rights.information")} />
            </>
          );
        })()}
      </SectionBlock>

      <SectionBlock section="risks">
        {(() => {
          const r = c.riskFlags.getFieldset();
          return (
            <div className="check-list">
              {RISK_FLAGS.map((flag) => (
                <Check key={flag} field={r[flag]} label={t(`vocab.riskFlag.${flag}`)} hint={t(`activityForm.riskFlag.${flag}.hint`)} />
              ))}
            </div>
          );
        })()}
      </SectionBlock>

      <SectionBlock section="review">
        <div className="field-grid">
          <Input field={c.nextReviewAt} {...L("nextReviewAt")} kind="date" />
          <Input field={c.lastReviewAt} {...L("lastReviewAt")} kind="date" />
        </div>
      </SectionBlock>

      {actions}
    </Form>
  );
  return <PrefilledContext.Provider value={{ keys: prefilledPaths, confirmed: confirmedFrom(form.initialValue) }}>{body}</PrefilledContext.Provider>;
}

/** Message keys of the sections, for the table of contents. */
export function sectionLabelKey(s: Section): MessageKey {
  return `activityForm.section.${s}`;
}
