/**
 * Pieces shared by the vendor pages: country options and labels, the vendor identity form
 * (new and edit pages) and small status labels. Class names only (the CSP forbids inline styles).
 */
import { getInputProps } from "@conform-to/react";
import { useId, useMemo } from "react";
import { COUNTRY_CODES, countryName, isEea } from "~/reference/countries.ts";
import { DPA_STATUSES } from "~/schemas/vendor.ts";
import type { Locale } from "~/utils/i18n.ts";
import { translatorFromMatches, useT } from "~/utils/use-i18n.ts";
import { ErrorList, SelectField, TextAreaField, TextField, type AnyField } from "./forms.tsx";

/** Every country, sorted by its name in the interface language. */
export function countryOptions(locale: Locale, emptyLabel?: string) {
  const collator = new Intl.Collator(locale);
  const list = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
  return emptyLabel === undefined ? list : [{ value: "", label: emptyLabel }, ...list];
}

export function useCountryOptions(emptyLabel?: string) {
  const { locale } = useT();
  return useMemo(() => countryOptions(locale, emptyLabel), [locale, emptyLabel]);
}

/** A country's name; outside the EEA it says so in words, not only with a colour. */
export function CountryLabel({ code }: { code: string }) {
  const { t, locale } = useT();
  return (
    <>
      {countryName(code, locale)}
      {isEea(code) ? null : (
        <>
          {" "}
          <span className="vendor-tag vendor-tag-warning">{t("vendors.outsideEea")}</span>
        </>
      )}
    </>
  );
}

/** YYYY-MM-DD (or an ISO timestamp) strictly before today's date. */
export function isPast(iso: string | null | undefined, today: string): boolean {
  return Boolean(iso) && iso!.slice(0, 10) < today;
}

type VendorFields = Record<
  | "name"
  | "legalName"
  | "registrationNumber"
  | "website"
  | "country"
  | "parentName"
  | "parentCountry"
  | "contactName"
  | "contactEmail"
  | "hdsActivities"
  | "hdsExpiry"
  | "iso27001Expiry"
  | "dpfCertified"
  | "dpfCheckedAt"
  | "shareholdingWithinLimits"
  | "dpaStatus"
  | "dpaSignedAt"
  | "dpaReference"
  | "dpaNextReview"
  | "notes",
  AnyField
>;

/** Yes / no / unknown as radio buttons in a fieldset: works without JavaScript and with the keyboard. */
function DpfChoice({ field }: { field: AnyField }) {
  const { t } = useT();
  return <TriChoice field={field} legend={t("vendors.field.dpfCertified")} hint={t("vendors.hint.dpfCertified")} />;
}

/** A fact that may be true, false or not recorded ("yes" | "no" | ""), as radio buttons. */
export function TriChoice({ field, legend, hint }: { field: AnyField; legend: string; hint?: string }) {
  const { t } = useT();
  const hintId = useId();
  const current = typeof field.initialValue === "string" ? field.initialValue : "";
  const choices = [
    { value: "yes", label: t("vendors.dpf.yes") },
    { value: "no", label: t("vendors.dpf.no") },
    { value: "", label: t("vendors.dpf.unknown") },
  ];
  const describedBy = [hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset className="checks vendor-radios" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {choices.map((c) => (
        <label key={c.value || "unknown"} className="check">
          <input type="radio" name={field.name} value={c.value} defaultChecked={current === c.value} key={`${field.key ?? ""}-${c.value}`} /> {c.label}
        </label>
      ))}
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

/** The vendor's identity, certifications and DPA, in fieldsets with headings as legends. */
export function VendorFormFields({ fields }: { fields: VendorFields }) {
  const { t } = useT();
  const countries = useCountryOptions(t("vendors.chooseCountry"));
  const parentCountries = useCountryOptions(t("vendors.noParentCountry"));
  return (
    <>
      <fieldset className="form-section">
        <legend>
          <h2>{t("vendors.section.identity")}</h2>
        </legend>
        <div className="field-grid">
          <TextField label={t("vendors.field.name")} hint={t("vendors.hint.name")} field={fields.name} required />
          <TextField label={t("vendors.field.legalName")} field={fields.legalName} />
          <TextField label={t("vendors.field.registrationNumber")} hint={t("vendors.hint.registrationNumber")} field={fields.registrationNumber} />
          <TextField label={t("vendors.field.website")} hint={t("vendors.hint.website")} field={fields.website} type="url" />
          <SelectField label={`${t("vendors.field.country")} *`} hint={t("vendors.hint.country")} field={fields.country} options={countries} />
          <TextField label={t("vendors.field.parentName")} hint={t("vendors.hint.parentName")} field={fields.parentName} />
          <SelectField label={t("vendors.field.parentCountry")} hint={t("vendors.hint.parentCountry")} field={fields.parentCountry} options={parentCountries} />
          <TextField label={t("vendors.field.contactName")} field={fields.contactName} />
          <TextField label={t("vendors.field.contactEmail")} field={fields.contactEmail} type="email" />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>
          <h2>{t("vendors.section.certifications")}</h2>
        </legend>
        <div className="field-grid">
          <TextField label={t("vendors.field.hdsActivities")} hint={t("vendors.hint.hdsActivities")} field={fields.hdsActivities} />
          <TextField label={t("vendors.field.hdsExpiry")} field={fields.hdsExpiry} type="date" />
          <TextField label={t("vendors.field.iso27001Expiry")} field={fields.iso27001Expiry} type="date" />
        </div>
        <DpfChoice field={fields.dpfCertified} />
        <TextField label={t("vendors.field.dpfCheckedAt")} hint={t("vendors.hint.dpfCheckedAt")} field={fields.dpfCheckedAt} type="date" />
        <TriChoice field={fields.shareholdingWithinLimits} legend={t("legal.vendor.shareholding")} hint={t("legal.vendor.shareholding.hint")} />
      </fieldset>
      <fieldset className="form-section">
        <legend>
          <h2>{t("vendors.section.dpa")}</h2>
        </legend>
        <p className="section-intro">{t("vendors.dpaIntro")}</p>
        <div className="field-grid">
          <SelectField
            label={t("vendors.field.dpaStatus")}
            field={fields.dpaStatus}
            options={DPA_STATUSES.map((s) => ({ value: s, label: t(`vendors.dpaStatus.${s}`) }))}
          />
          <TextField label={t("vendors.field.dpaSignedAt")} hint={t("vendors.hint.dpaSignedAt")} field={fields.dpaSignedAt} type="date" />
          <TextField label={t("vendors.field.dpaReference")} field={fields.dpaReference} />
          <TextField label={t("vendors.field.dpaNextReview")} hint={t("vendors.hint.dpaNextReview")} field={fields.dpaNextReview} type="date" />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>
          <h2>{t("vendors.section.notes")}</h2>
        </legend>
        <TextAreaField label={t("vendors.field.notes")} field={fields.notes} rows={5} />
      </fieldset>
    </>
  );
}

/** The translator for a meta function (which has no hooks): the locale comes from the root loader data. */
export function metaT(matches: readonly { id: string; data?: unknown }[]) {
  return translatorFromMatches(matches.map((m) => ({ id: m.id, data: m.data }))).t;
}

/** A checkbox with its label after it, an optional hint and translated errors. */
export function CheckboxField({ label, hint, field }: { label: string; hint?: string; field: AnyField }) {
  const hintId = useId();
  const props = getInputProps(field, { type: "checkbox", ariaAttributes: true });
  const describedBy = [hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field vendor-check">
      <input {...props} key={props.key} aria-describedby={describedBy} />
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** 1.2 MB / 1,2 Mo. */
export function formatSize(bytes: number, locale: Locale): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "unit", unit: mb ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(
    mb ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024),
  );
}
