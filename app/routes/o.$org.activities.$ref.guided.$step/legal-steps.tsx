/** Guided steps 3 (legal bases), 4 (retention) and 5 (recipients and transfers). */
import { Link } from "@remix-run/react";
import { CategoryTag } from "~/components/activity-details.tsx";
import { GuidedArea, GuidedChoice, GuidedInput, type LooseField } from "~/components/guided-fields.tsx";
import { ListEditor } from "~/components/list-editor.tsx";
import { ART9_CONDITIONS, DATA_CATEGORIES, FINAL_FATES, LEGAL_BASES, RECIPIENT_TYPES, TRANSFER_SAFEGUARDS } from "~/reference/vocabularies.ts";
import { hasOffenceData, hasSensitiveData } from "~/domain/activity-rules.ts";
import { stepPath, type LoaderData, asRows, type StepProps } from "./shared.ts";
import { useText } from "./step-form.tsx";

export function LegalStep({ c, form, d }: StepProps & { d: LoaderData }) {
  const { t, field, list, vocab, choose } = useText();
  const sensitive = hasSensitiveData(d.content);
  const offences = hasOffenceData(d.content);
  const art9Count = d.applies.art9 ? c.art9Conditions.getFieldList().length : 0;
  const art10Given = typeof c.art10Basis.value === "string" && c.art10Basis.value.trim() !== "";
  return (
    <>
      <ListEditor
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
        <ListEditor
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

export function RetentionStep({ c, d }: { c: StepProps["c"]; d: LoaderData }) {
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

export function RecipientsStep({ c, form, d }: StepProps & { d: LoaderData }) {
  const { t, field, list, vocab, choose } = useText();
  const thirdCountry = asRows(c.recipients.value).some((r) => r.type === "third_country");
  const transferCount = c.transfers.getFieldList().length;
  return (
    <>
      <ListEditor
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
      <ListEditor
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
