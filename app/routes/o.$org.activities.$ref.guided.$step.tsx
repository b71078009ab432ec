/**
 * The guided declaration: the record of one activity in seven short steps, for department heads who
 * are not GDPR experts. Every field has a plain-language help and an example.
 *
 * Each step is a real form post (no JavaScript needed): the action validates the step's fields with
 * the step's schema (app/domain/guided.ts), merges them into the saved content (the other keys are
 * kept as saved), saves with the optimistic lock (a stale revision answers 409 with a link to reload)
 * and goes to the next or previous step. Step 7 reviews the record and submits it to the DPO.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CategoryTag } from "~/components/activity-details.tsx";
import { COMPLETENESS_SECTION, SECTION_CONTENT_KEYS, SECTIONS, sectionId } from "~/components/activity-form.tsx";
import { FormErrors } from "~/components/forms.tsx";
import {
  GuidedArea,
  GuidedCheck,
  GuidedChoice,
  GuidedDepartment,
  GuidedInput,
  GuidedRepeat,
  type FieldText,
  type LooseField,
  type Option,
  type RepeatText,
} from "~/components/guided-fields.tsx";
import { confirmedFrom, PrefilledElsewhere, PrefilledNotice } from "~/components/prefilled-notice.tsx";
import { ActivityNotFoundError, ConflictError, InvalidTransitionError, saveActivity, transitionActivity } from "~/models/activity.server.ts";
import { listDepartments } from "~/models/department.server.ts";
import {
  ART9_CONDITIONS,
  DATA_CATEGORIES,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  isSensitiveCategory,
  LEGAL_BASES,
  OFFENCE_DATA_CATEGORY,
  ORDINARY_DATA_CATEGORIES,
  RECIPIENT_TYPES,
  RISK_FLAGS,
  SECURITY_MEASURES,
  SENSITIVE_DATA_CATEGORIES,
  TRANSFER_SAFEGUARDS,
  type ActivityStatus,
} from "~/reference/vocabularies.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { listPickableDepartments, requireActivity } from "~/http/activity-access.server.ts";
import { computeCompleteness, computeWarnings, hasOffenceData, hasSensitiveData } from "~/domain/activity-rules.ts";
import { canCreateIn, canTransition } from "~/policies/activity.ts";
import { mayLeaveWithoutDepartment } from "~/policies/department.ts";
import { notFound } from "~/http/auth.server.ts";
import {
  COMPLETENESS_STEP,
  confirmStepOf,
  GUIDED_STEPS,
  GuidedStepSchemas,
  LAST_STEP,
  legalApplicability,
  mergeStep,
  parseStep,
  STEP_CONFIRM_KEYS,
  STEP_NAMES,
  stepDefaults,
  type EditStep,
  type GuidedStep,
  type StepValue,
} from "~/domain/guided.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { parsePrefilledPaths, withoutConfirmed, type ContentKey } from "~/domain/prefilled.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { readForm } from "~/utils/form-limits.server.ts";

function stepFrom(params: { step?: string }): GuidedStep {
  const step = parseStep(params.step);
  if (!step) throw notFound();
  return step;
}

const stepPath = (org: string, ref: string, step: GuidedStep) => `/o/${org}/activities/${ref}/guided/${step}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  const step = stepFrom(params);
  const content = activity.parsed;
  const completeness = computeCompleteness(content, activity.departmentId);
  return {
    org: ctx.org.slug,
    step,
    activity: {
      ref: activity.ref,
      name: activity.name,
      status: activity.status as ActivityStatus,
      revision: activity.revision,
      departmentId: activity.departmentId,
      departmentName: activity.departmentName,
    },
    content,
    defaults: step === LAST_STEP ? null : stepDefaults(step as EditStep, content, activity.departmentId),
    prefilled: parsePrefilledPaths(activity.prefilledPaths),
    departments: step === 1 ? await listPickableDepartments(ctx) : [],
    allowNoDepartment: mayLeaveWithoutDepartment(ctx.membership),
    applies: legalApplicability(content),
    review:
      step === LAST_STEP
        ? {
            completeness,
            warnings: computeWarnings(content),
            canSubmit: canTransition(ctx.membership, activity, "submit"),
            sensitive: hasSensitiveData(content),
            offences: hasOffenceData(content),
            riskCount: RISK_FLAGS.filter((f) => content.riskFlags[f]).length,
          }
        : null,
  };
}

type ActionData = { result: SubmissionResult<string[]>; conflict: boolean };

/** Zod paths of the merged content ("dataCategories.0.category") as Conform names. */
function conformName(path: PropertyKey[]): string {
  return path.reduce<string>((name, p) => (typeof p === "number" ? `${name}[${p}]` : name ? `${name}.${String(p)}` : String(p)), "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, activity } = await requireActivity(request, params, "edit");
  const step = stepFrom(params);
  const formData = await readForm(request);
  const activityPath = `/o/${ctx.org.slug}/activities/${activity.ref}`;

  if (step === LAST_STEP) {
    const submission = parseWithZod(formData, { schema: GuidedStepSchemas[7] });
    if (submission.status !== "success") return data<ActionData>({ result: submission.reply(), conflict: false }, { status: 400 });
    if (submission.value.revision !== activity.revision) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
    if (!canTransition(ctx.membership, activity, "submit")) {
      return data<ActionData>({ result: submission.reply({ formErrors: ["errors.transitionNotAllowed"] }), conflict: false }, { status: 400 });
    }
    try {
      await transitionActivity(ctx.user.id, ctx.org.id, activity.id, submission.value.revision, "submit");
    } catch (err) {
      if (err instanceof ConflictError) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
      if (err instanceof InvalidTransitionError) {
        return data<ActionData>({ result: submission.reply({ formErrors: ["errors.transitionNotAllowed"] }), conflict: false }, { status: 400 });
      }
      throw err;
    }
    return redirectWithToast(request, activityPath, { type: "success", key: "toast.submitted" });
  }

  const editStep = step as EditStep;
  const schema = GuidedStepSchemas[editStep];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    // A list button (add/remove a row) is not an error: the step comes back with the row changed.
    return data<ActionData>({ result: submission.reply(), conflict: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const value = submission.value as StepValue<EditStep>;

  let departmentId = activity.departmentId;
  if (editStep === 1) {
    departmentId = (value as StepValue<1>).departmentId;
    const departments = await listDepartments(ctx.org.id);
    const inOrg = departmentId === null || departments.some((d) => d.id === departmentId);
    const allowed = canCreateIn(ctx.membership, departmentId);
    if (!inOrg || !allowed) {
      return data<ActionData>(
        { result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }), conflict: false },
        { status: 400 },
      );
    }
  }

  // The step's values in the saved record, validated as a whole record (the same rules as the full form).
  const merged = ActivityContentSchema.safeParse(mergeStep(editStep, activity.parsed, value.content));
  if (!merged.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of merged.error.issues) (fieldErrors[conformName(["content", ...issue.path])] ??= []).push(issue.message);
    return data<ActionData>({ result: submission.reply({ fieldErrors }), conflict: false }, { status: 400 });
  }

  const prefilledPaths = withoutConfirmed(parsePrefilledPaths(activity.prefilledPaths), formData.getAll("confirmPrefilled"), STEP_CONFIRM_KEYS[editStep]);
  try {
    await saveActivity(ctx.user.id, ctx.org.id, activity.id, value.revision, { content: merged.data, departmentId, prefilledPaths });
  } catch (err) {
    if (err instanceof ConflictError) return data<ActionData>({ result: submission.reply(), conflict: true }, { status: 409 });
    if (err instanceof ActivityNotFoundError) {
      // The department was deleted meanwhile.
      return data<ActionData>(
        { result: submission.reply({ fieldErrors: { departmentId: ["errors.departmentNotAllowed"] } }), conflict: false },
        { status: 400 },
      );
    }
    if (err instanceof InvalidTransitionError) {
      return data<ActionData>({ result: submission.reply({ formErrors: ["errors.transitionNotAllowed"] }), conflict: false }, { status: 409 });
    }
    throw err;
  }
  const next = ("nav" in value && value.nav === "prev" ? Math.max(1, step - 1) : step + 1) as GuidedStep;
  return redirectWithToast(request, stepPath(ctx.org.slug, activity.ref, next), { type: "success", key: "guided.toast.saved", params: { n: step } });
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const { t } = translatorFromMatches(matches);
  if (!d) return [{ title: t("app.name") }];
  return [
    {
      title: `${t("guided.stepWithTitle", { n: d.step, total: LAST_STEP, title: t(`guided.step.${STEP_NAMES[d.step]}.short`) })} — ${d.activity.ref} ${d.activity.name} — ${t("app.name")}`,
    },
  ];
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/* ------------------------------------------------------------------ */
/* Page                                                                 */
/* ------------------------------------------------------------------ */

export default function GuidedStepPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const a = d.activity;
  const base = `/o/${d.org}/activities`;
  const self = `${base}/${a.ref}`;
  const name = STEP_NAMES[d.step];
  return (
    <div className="page guided">
      <nav aria-label={t("activityForm.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={base}>{t("nav.register")}</Link>
          </li>
          <li>
            <Link to={self}>{a.ref}</Link>
          </li>
          <li aria-current="page">{t("guided.breadcrumb")}</li>
        </ol>
      </nav>
      <p className="activity-edit-meta">{t("activityForm.edit.meta", { ref: a.ref, status: t(`vocab.status.${a.status}`) })}</p>
      <h1>{t("guided.title", { name: a.name })}</h1>
      <StepProgress current={d.step} org={d.org} refCode={a.ref} />
      <h2 id="step-h" className="guided-step-title">
        <span className="guided-count">{t("guided.stepOf", { n: d.step, total: LAST_STEP })}</span> {t(`guided.step.${name}.title`)}
      </h2>
      <p className="lead">{t(`guided.step.${name}.intro`)}</p>
      {actionData?.conflict ? <ConflictAlert reloadHref={stepPath(d.org, a.ref, d.step)} /> : null}
      {d.step === LAST_STEP ? (
        <ReviewStep d={d} actionData={actionData} />
      ) : (
        <StepForm key={`${a.ref}-${d.step}-${a.revision}`} d={d} actionData={actionData} />
      )}
      <p className="guided-full-link">
        <Link to={`${self}/edit`}>{t("guided.fullFormLink")}</Link>
      </p>
    </div>
  );
}

function StepProgress({ current, org, refCode }: { current: GuidedStep; org: string; refCode: string }) {
  const { t } = useT();
  return (
    <nav aria-label={t("guided.progress.label")} className="guided-progress">
      <ol className="guided-steps">
        {GUIDED_STEPS.map((s) => {
          const label = (
            <>
              <span className="guided-step-number" aria-hidden="true">
                {s}
              </span>
              <span className="visually-hidden">{t("guided.stepWithTitle", { n: s, total: LAST_STEP, title: "" })}</span>
              {t(`guided.step.${STEP_NAMES[s]}.short`)}
            </>
          );
          return (
            <li key={s} className={s === current ? "current" : s < current ? "before" : undefined}>
              {s === current ? <span aria-current="step">{label}</span> : <Link to={stepPath(org, refCode, s)}>{label}</Link>}
            </li>
          );
        })}
      </ol>
      <p className="hint">{t("guided.progress.hint")}</p>
    </nav>
  );
}

function ConflictAlert({ reloadHref }: { reloadHref: string }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="form-errors guided-conflict" role="alert" tabIndex={-1} ref={ref}>
      <p>{t("guided.conflict.title")}</p>
      <p>{t("guided.conflict.message")}</p>
      <p>
        <Link to={reloadHref} reloadDocument>
          {t("guided.conflict.reload")}
        </Link>
      </p>
    </div>
  );
}

/* ------------------------------------------------------------------ */
/* Steps 1 to 6                                                         */
/* ------------------------------------------------------------------ */

/** Label, help and example of a field (labels are the full form's; help and examples the guide's). */
function useText() {
  const { t } = useT();
  const field = (p: GuidedPath): FieldText => ({ label: t(`activityForm.field.${p}`), help: t(`guided.help.${p}`), example: t(`guided.example.${p}`) });
  const list = (k: ListKey): RepeatText => ({
    legend: t(`activityForm.list.${k}.legend`),
    hint: t(`guided.listHint.${k}`),
    empty: t(`activityForm.list.${k}.empty`),
    add: t(`activityForm.list.${k}.add`),
    remove: (n) => t(`activityForm.list.${k}.remove`, { n }),
    itemLegend: (n) => t("activityForm.itemLegend", { label: t(`activityForm.field.${k}`), n }),
  });
  const vocab = <C extends string>(codes: readonly C[], label: (code: C) => string): Option[] => codes.map((code) => ({ value: code, label: label(code) }));
  return { t, field, list, vocab, choose: t("activityForm.choose") };
}

type GuidedPath =
  | "name"
  | "description"
  | "departmentId"
  | "internalContact"
  | "implementationDate"
  | "rights.exercise"
  | "rights.information"
  | "nextReviewAt"
  | "purposes.main"
  | "purposes.sub"
  | "dataSubjects.category"
  | "dataSubjects.description"
  | "dataSubjects.estimatedCount"
  | "dataCategories.category"
  | "dataCategories.description"
  | "dataCategories.source"
  | "legalBases.basis"
  | "legalBases.text"
  | "legalBases.purpose"
  | "art9Conditions.condition"
  | "art9Conditions.text"
  | "art10Basis"
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
  | "securityMeasures.measure"
  | "securityMeasures.details";

type ListKey = "purposes.sub" | "dataSubjects" | "dataCategories" | "legalBases" | "art9Conditions" | "recipients" | "transfers" | "securityMeasures";

function asRows(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map((x) => (x && typeof x === "object" ? (x as Record<string, unknown>) : {})) : [];
}

/** Shared by the six editing steps: one form, the step's fields, the prefilled confirmations, the buttons. */
function StepForm({ d, actionData }: { d: LoaderData; actionData: ActionData | undefined }) {
  const step = d.step as EditStep;
  const schema = GuidedStepSchemas[step];
  const [form, fields] = useForm<StepValue<EditStep>>({
    id: `guided-${d.activity.ref}-${step}-${d.activity.revision}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    defaultValue: d.defaults as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { t } = useT();
  const pending = STEP_CONFIRM_KEYS[step].filter((k) => d.prefilled.includes(k));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step reads its own fields.
  const c = (fields as any).content.getFieldset() as Record<string, any>;
  const buttons = (
    <div className="form-actions guided-actions">
      <button type="submit" name="nav" value="next" className="button primary">
        {step === 6 ? t("guided.nextToReview") : t("guided.next")}
      </button>
      {step > 1 ? (
        <button type="submit" name="nav" value="prev" className="button">
          {t("guided.prev")}
        </button>
      ) : null}
    </div>
  );
  const body: Record<EditStep, ReactNode> = {
    1: <IdentityStep c={c} form={form} d={d} departmentField={(fields as Record<string, unknown>).departmentId} />,
    2: <PeopleStep c={c} form={form} prefilledCategories={d.prefilled.includes("dataCategories")} />,
    3: <LegalStep c={c} form={form} d={d} />,
    4: <RetentionStep c={c} d={d} />,
    5: <RecipientsStep c={c} form={form} d={d} />,
    6: <SecurityStep c={c} form={form} />,
  };
  return (
    <Form method="post" {...getFormProps(form)} className="guided-form" aria-labelledby="step-h">
      {/* The first submit button is the one Enter triggers: "save and continue" comes before any list button. */}
      {buttons}
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="revision" value={d.activity.revision} />
      {pending.length > 0 ? <p className="callout prefilled-callout">{t("guided.prefilled.stepNotice")}</p> : null}
      {body[step]}
      <PrefilledNotice keys={pending} idPrefix={`guided-${step}`} confirmed={confirmedFrom(form.initialValue)} />
      {buttons}
    </Form>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Conform's metadata of the current step.
type StepProps = { c: Record<string, any>; form: any };

function IdentityStep({ c, form, d, departmentField }: StepProps & { d: LoaderData; departmentField: unknown }) {
  const { t, field, list } = useText();
  const p = c.purposes.getFieldset();
  const dep = departmentField as Parameters<typeof GuidedDepartment>[0]["field"];
  return (
    <>
      <GuidedInput field={c.name} text={field("name")} />
      <GuidedArea field={c.description} text={field("description")} rows={4} />
      <GuidedDepartment
        field={dep}
        text={{ ...field("departmentId"), help: d.allowNoDepartment ? t("guided.help.departmentId") : t("guided.help.departmentIdEditor") }}
        departments={d.departments}
        allowNone={d.allowNoDepartment}
        noneLabel={d.allowNoDepartment ? t("activityForm.department.none") : t("activityForm.choose")}
      />
      <GuidedInput field={c.internalContact} text={field("internalContact")} />
      <GuidedArea field={p.main} text={field("purposes.main")} rows={2} />
      <GuidedRepeat
        form={form}
        field={p.sub}
        domId="list-purposes-sub"
        simple
        text={list("purposes.sub")}
        item={(row, n) => (
          <GuidedInput
            field={row}
            text={{ ...field("purposes.sub"), label: t("activityForm.itemLegend", { label: t("activityForm.field.purposes.sub"), n }) }}
          />
        )}
      />
      <GuidedInput field={c.implementationDate} text={field("implementationDate")} kind="date" />
    </>
  );
}

function PeopleStep({ c, form, prefilledCategories }: StepProps & { prefilledCategories: boolean }) {
  const { t, field, list, vocab, choose } = useText();
  const categories = asRows(c.dataCategories.value).map((r) => r.category);
  const sensitive = categories.some((x) => typeof x === "string" && (isSensitiveCategory(x) || x === OFFENCE_DATA_CATEGORY));
  return (
    <>
      <GuidedRepeat
        form={form}
        field={c.dataSubjects}
        domId="list-dataSubjects"
        text={list("dataSubjects")}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.category}
                text={field("dataSubjects.category")}
                placeholder={choose}
                options={vocab(DATA_SUBJECT_CATEGORIES, (s) => t(`vocab.dataSubject.${s}`))}
              />
              <GuidedInput field={f.description} text={field("dataSubjects.description")} />
              <GuidedInput field={f.estimatedCount} text={field("dataSubjects.estimatedCount")} kind="number" />
            </>
          );
        }}
      />
      <GuidedRepeat
        form={form}
        field={c.dataCategories}
        domId="list-dataCategories"
        text={list("dataCategories")}
        notice={
          <>
            {prefilledCategories ? <PrefilledElsewhere text={t("guided.prefilled.dataCategoriesLater")} /> : null}
            {sensitive ? <p className="callout warning">{t("guided.people.sensitiveNotice")}</p> : null}
          </>
        }
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.category}
                text={field("dataCategories.category")}
                placeholder={choose}
                groups={[
                  { label: t("activityForm.dataCategory.group.ordinary"), options: vocab(ORDINARY_DATA_CATEGORIES, (x) => t(`vocab.dataCategory.${x}`)) },
                  { label: t("activityForm.dataCategory.group.sensitive"), options: vocab(SENSITIVE_DATA_CATEGORIES, (x) => t(`vocab.dataCategory.${x}`)) },
                  {
                    label: t("activityForm.dataCategory.group.offences"),
                    options: [{ value: OFFENCE_DATA_CATEGORY, label: t(`vocab.dataCategory.${OFFENCE_DATA_CATEGORY}`) }],
                  },
                ]}
              />
              <GuidedArea field={f.description} text={field("dataCategories.description")} rows={2} />
              <GuidedArea field={f.source} text={field("dataCategories.source")} rows={2} />
            </>
          );
        }}
      />
    </>
  );
}

function LegalStep({ c, form, d }: StepProps & { d: LoaderData }) {
  const { t, field, list, vocab, choose } = useText();
  const sensitive = hasSensitiveData(d.content);
  const offences = hasOffenceData(d.content);
  const art9Count = d.applies.art9 ? c.art9Conditions.getFieldList().length : 0;
  const art10Given = typeof c.art10Basis.value === "string" && c.art10Basis.value.trim() !== "";
  return (
    <>
      <GuidedRepeat
        form={form}
        field={c.legalBases}
        domId="list-legalBases"
        text={list("legalBases")}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.basis}
                text={field("legalBases.basis")}
                placeholder={choose}
                options={vocab(LEGAL_BASES, (b) => t(`vocab.legalBasis.${b}`))}
              />
              <GuidedInput field={f.text} text={field("legalBases.text")} />
              <GuidedInput field={f.purpose} text={field("legalBases.purpose")} />
            </>
          );
        }}
      />
      {d.applies.art9 ? (
        <GuidedRepeat
          form={form}
          field={c.art9Conditions}
          domId="list-art9Conditions"
          text={list("art9Conditions")}
          notice={sensitive && art9Count === 0 ? <p className="callout warning">{t("activityForm.list.art9Conditions.needed")}</p> : null}
          item={(row) => {
            const f = row.getFieldset();
            return (
              <>
                <GuidedChoice
                  field={f.condition}
                  text={field("art9Conditions.condition")}
                  placeholder={choose}
                  options={vocab(ART9_CONDITIONS, (x) => t(`vocab.art9.${x}`))}
                />
                <GuidedInput field={f.text} text={field("art9Conditions.text")} />
              </>
            );
          }}
        />
      ) : null}
      {d.applies.art10 ? (
        <fieldset className="repeat">
          <legend>
            <h3>{t("guided.legal.art10Legend")}</h3>
          </legend>
          {offences && !art10Given ? <p className="callout warning">{t("activityForm.art10Needed")}</p> : null}
          <GuidedArea field={c.art10Basis} text={field("art10Basis")} rows={2} />
        </fieldset>
      ) : null}
      {!d.applies.art9 && !d.applies.art10 ? <p className="hint guided-note">{t("guided.legal.nothingElse")}</p> : null}
    </>
  );
}

function RetentionStep({ c, d }: { c: StepProps["c"]; d: LoaderData }) {
  const { t, field, vocab, choose } = useText();
  const rows: LooseField[] = c.dataCategories.getFieldList();
  if (rows.length === 0) {
    return (
      <p className="callout warning">
        {t("guided.retention.noCategories")} <Link to={stepPath(d.org, d.activity.ref, 2)}>{t("guided.retention.backToData")}</Link>
      </p>
    );
  }
  return (
    <ol className="repeat-items guided-retention">
      {rows.map((row, i) => {
        const f = row.getFieldset();
        const r = f.retention.getFieldset();
        const initial: unknown = f.category.initialValue;
        const category = d.content.dataCategories[i]?.category ?? (typeof initial === "string" ? initial : "");
        return (
          <li key={row.key ?? i} className="repeat-item">
            <fieldset>
              <legend>
                {isDataCategory(category)
                  ? t(`vocab.dataCategory.${category}`)
                  : t("activityForm.itemLegend", { label: t("activityForm.field.dataCategories"), n: i + 1 })}{" "}
                {category ? <CategoryTag category={category} /> : null}
              </legend>
              <input type="hidden" name={f.category.name} value={category} />
              <GuidedInput field={r.activePeriod} text={field("dataCategories.retention.activePeriod")} />
              <GuidedInput field={r.intermediatePeriod} text={field("dataCategories.retention.intermediatePeriod")} />
              <GuidedChoice
                field={r.finalFate}
                text={field("dataCategories.retention.finalFate")}
                placeholder={choose}
                options={vocab(FINAL_FATES, (x) => t(`vocab.finalFate.${x}`))}
              />
              <GuidedInput field={r.rule} text={field("dataCategories.retention.rule")} />
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}

const isDataCategory = (v: string): v is (typeof DATA_CATEGORIES)[number] => (DATA_CATEGORIES as readonly string[]).includes(v);

function RecipientsStep({ c, form, d }: StepProps & { d: LoaderData }) {
  const { t, field, list, vocab, choose } = useText();
  const thirdCountry = asRows(c.recipients.value).some((r) => r.type === "third_country");
  const transferCount = c.transfers.getFieldList().length;
  return (
    <>
      <GuidedRepeat
        form={form}
        field={c.recipients}
        domId="list-recipients"
        text={list("recipients")}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.type}
                text={field("recipients.type")}
                placeholder={choose}
                options={vocab(RECIPIENT_TYPES, (x) => t(`vocab.recipientType.${x}`))}
              />
              <GuidedInput field={f.name} text={field("recipients.name")} />
            </>
          );
        }}
      />
      <section className="callout guided-vendors" aria-labelledby="guided-vendors-h">
        <h3 id="guided-vendors-h">{t("guided.recipients.vendorsTitle")}</h3>
        <p>{t("guided.recipients.vendorsText")}</p>
        <p>
          <Link to={`/o/${d.org}/activities/${d.activity.ref}#sovereignty-h`}>{t("guided.recipients.vendorsLink")}</Link>
        </p>
      </section>
      <GuidedRepeat
        form={form}
        field={c.transfers}
        domId="list-transfers"
        text={list("transfers")}
        notice={thirdCountry && transferCount === 0 ? <p className="callout warning">{t("activityForm.list.transfers.needed")}</p> : null}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedInput field={f.country} text={field("transfers.country")} kind="code" />
              <GuidedInput field={f.recipient} text={field("transfers.recipient")} />
              <GuidedChoice
                field={f.safeguard}
                text={field("transfers.safeguard")}
                placeholder={choose}
                options={vocab(TRANSFER_SAFEGUARDS, (x) => t(`vocab.safeguard.${x}`))}
              />
              <GuidedInput field={f.documentationUrl} text={field("transfers.documentationUrl")} kind="url" />
            </>
          );
        }}
      />
    </>
  );
}

function SecurityStep({ c, form }: StepProps) {
  const { t, field, list, vocab, choose } = useText();
  const r = c.riskFlags.getFieldset();
  const rights = c.rights.getFieldset();
  const checked = RISK_FLAGS.filter((f) => {
    const v = r[f]?.value;
    return v === "on" || v === "true" || v === true;
  }).length;
  return (
    <>
      <GuidedRepeat
        form={form}
        field={c.securityMeasures}
        domId="list-securityMeasures"
        text={list("securityMeasures")}
        item={(row) => {
          const f = row.getFieldset();
          return (
            <>
              <GuidedChoice
                field={f.measure}
                text={field("securityMeasures.measure")}
                placeholder={choose}
                options={vocab(SECURITY_MEASURES, (x) => t(`vocab.security.${x}`))}
              />
              <GuidedArea field={f.details} text={field("securityMeasures.details")} rows={2} />
            </>
          );
        }}
      />
      <fieldset className="repeat" aria-describedby="risk-flags-hint">
        <legend>
          <h3>{t("guided.security.risksLegend")}</h3>
        </legend>
        <p className="hint" id="risk-flags-hint">
          {t("guided.security.risksHint")}
        </p>
        <div className="check-list">
          {RISK_FLAGS.map((flag) => (
            <GuidedCheck
              key={flag}
              field={r[flag]}
              text={{ label: t(`vocab.riskFlag.${flag}`), help: t(`guided.help.riskFlags.${flag}`), example: t(`guided.example.riskFlags.${flag}`) }}
            />
          ))}
        </div>
        {checked >= 2 ? <p className="callout warning">{t("guided.security.dpiaLikely", { count: checked })}</p> : null}
      </fieldset>
      <fieldset className="repeat">
        <legend>
          <h3>{t("guided.rights.legend")}</h3>
        </legend>
        <GuidedArea field={rights.exercise} text={field("rights.exercise")} rows={2} />
        <GuidedArea field={rights.information} text={field("rights.information")} rows={2} />
      </fieldset>
      <GuidedInput field={c.nextReviewAt} text={field("nextReviewAt")} kind="date" />
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Step 7: review and submit                                            */
/* ------------------------------------------------------------------ */

/** The section of the full form that holds a content key (for keys the guided steps do not show). */
function fullFormAnchor(k: ContentKey): string {
  const section = SECTIONS.find((x) => SECTION_CONTENT_KEYS[x].includes(k));
  return section ? `#${sectionId(section)}` : "";
}

function ReviewStep({ d, actionData }: { d: LoaderData; actionData: ActionData | undefined }) {
  const { t } = useT();
  const review = d.review!;
  const { completeness, warnings } = review;
  const self = `/o/${d.org}/activities/${d.activity.ref}`;
  const present = completeness.applicable.length - completeness.missing.length;
  const formErrors = actionData && !actionData.conflict ? (actionData.result.error?.[""] ?? []) : [];
  const stepLink = (s: GuidedStep, verb: "goToStep" | "checkAtStep" = "goToStep") => (
    <Link to={stepPath(d.org, d.activity.ref, s)}>{t(`guided.review.${verb}`, { n: s, title: t(`guided.step.${STEP_NAMES[s]}.short`) })}</Link>
  );
  const checks: MessageKey[] = [
    "guided.review.dpo.purpose",
    "guided.review.dpo.legalBasis",
    "guided.review.dpo.minimisation",
    "guided.review.dpo.retention",
    "guided.review.dpo.recipients",
    "guided.review.dpo.security",
  ];
  if (review.sensitive) checks.push("guided.review.dpo.sensitive");
  if (review.offences) checks.push("guided.review.dpo.offences");
  if (review.riskCount >= 2) checks.push("guided.review.dpo.dpia");
  checks.push("guided.review.dpo.information");
  return (
    <div className="guided-review">
      <section className="panel" aria-labelledby="review-completeness-h">
        <h3 id="review-completeness-h">{t("guided.review.completenessTitle")}</h3>
        <p className="completeness-score" id="review-score">
          <strong>{t("activityView.completeness.score", { score: completeness.score })}</strong>{" "}
          <span className="muted">{t("activityView.completeness.count", { present, total: completeness.applicable.length })}</span>
        </p>
        <progress className="completeness-bar" max={100} value={completeness.score} aria-labelledby="review-score" />
        {completeness.missing.length === 0 ? (
          <p>{t("guided.review.complete")}</p>
        ) : (
          <>
            <h4 id="review-missing-h">{t("guided.review.missingTitle", { count: completeness.missing.length })}</h4>
            <ul aria-labelledby="review-missing-h" className="guided-missing">
              {completeness.missing.map((item) => {
                const s = COMPLETENESS_STEP[item];
                return (
                  <li key={item}>
                    <strong>{t(`completeness.${item}`)}</strong>
                    {" — "}
                    {s ? stepLink(s) : <Link to={`${self}/edit#${sectionId(COMPLETENESS_SECTION[item])}`}>{t("guided.review.inFullForm")}</Link>}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {warnings.length > 0 ? (
        <section className="callout warning" aria-labelledby="review-warnings-h">
          <h3 id="review-warnings-h">{t("guided.review.warningsTitle", { count: warnings.length })}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{t(`warnings.${w}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.prefilled.length > 0 ? (
        <section className="callout prefilled-callout" aria-labelledby="review-prefilled-h">
          <h3 id="review-prefilled-h">{t("guided.review.prefilledTitle", { count: d.prefilled.length })}</h3>
          <p>{t("guided.review.prefilledIntro")}</p>
          <ul>
            {d.prefilled.map((k: ContentKey) => {
              const s = confirmStepOf(k);
              return (
                <li key={k}>
                  {t(`guided.key.${k}`)}
                  {" — "}
                  {s ? stepLink(s, "checkAtStep") : <Link to={`${self}/edit${fullFormAnchor(k)}`}>{t("guided.review.checkInFullForm")}</Link>}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="review-dpo-h">
        <h3 id="review-dpo-h">{t("guided.review.dpoTitle")}</h3>
        <p>{t("guided.review.dpoIntro")}</p>
        <ul className="guided-dpo-checks">
          {checks.map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="review-submit-h">
        <h3 id="review-submit-h">{t("guided.review.submitTitle")}</h3>
        {review.canSubmit ? (
          <Form method="post" className="stack">
            <FormErrors errors={formErrors} />
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="revision" value={d.activity.revision} />
            <p id="review-submit-hint">{completeness.missing.length === 0 ? t("guided.review.submitHint") : t("guided.review.submitHintIncomplete")}</p>
            <div className="form-actions guided-actions">
              <button type="submit" className="button primary" aria-describedby="review-submit-hint">
                {t("guided.review.submit")}
              </button>
              <Link to={stepPath(d.org, d.activity.ref, 6)} className="button">
                {t("guided.prev")}
              </Link>
            </div>
          </Form>
        ) : (
          <>
            <p>{t("guided.review.cannotSubmit", { status: t(`vocab.status.${d.activity.status}`) })}</p>
            <div className="button-row">
              <Link to={stepPath(d.org, d.activity.ref, 6)} className="button">
                {t("guided.prev")}
              </Link>
              <Link to={self} className="button">
                {t("guided.review.viewRecord")}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
