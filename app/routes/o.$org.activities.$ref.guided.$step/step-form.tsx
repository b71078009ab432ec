/** The guided step's form, its field helpers, and steps 1 (identity) and 2 (people and data). */
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { type ReactNode } from "react";
import { FormErrors } from "~/components/forms.tsx";
import { GuidedArea, GuidedChoice, GuidedDepartment, GuidedInput, type FieldText, type Option } from "~/components/guided-fields.tsx";
import { ListEditor, type ListEditorText } from "~/components/list-editor.tsx";
import { confirmedFrom, PrefilledElsewhere, PrefilledNotice } from "~/components/prefilled-notice.tsx";
import {
  DATA_SUBJECT_CATEGORIES,
  isSensitiveCategory,
  OFFENCE_DATA_CATEGORY,
  ORDINARY_DATA_CATEGORIES,
  SENSITIVE_DATA_CATEGORIES,
} from "~/reference/vocabularies.ts";
import { GuidedStepSchemas, STEP_CONFIRM_KEYS, type EditStep, type StepValue } from "~/domain/guided.ts";
import { useT } from "~/utils/use-i18n.ts";
import type { ActionData } from "./guided.server.ts";
import { type LoaderData, type GuidedPath, type ListKey, asRows, type StepProps } from "./shared.ts";
import { LegalStep, RetentionStep, RecipientsStep } from "./legal-steps.tsx";
import { SecurityStep } from "./review-step.tsx";

/* ------------------------------------------------------------------ */
/* Steps 1 to 6                                                         */
/* ------------------------------------------------------------------ */

/** Label, help and example of a field (labels are the full form's; help and examples the guide's). */
export function useText() {
  const { t } = useT();
  const field = (p: GuidedPath): FieldText => ({ label: t(`activityForm.field.${p}`), help: t(`guided.help.${p}`), example: t(`guided.example.${p}`) });
  const list = (k: ListKey): ListEditorText => ({
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

/** Shared by the six editing steps: one form, the step's fields, the prefilled confirmations, the buttons. */
export function StepForm({ d, actionData }: { d: LoaderData; actionData: ActionData | undefined }) {
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
      <ListEditor
        form={form}
        field={p.sub}
        domId="list-purposes-sub"
        row="simple"
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
      <ListEditor
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
      <ListEditor
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
