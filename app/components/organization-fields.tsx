import { SelectField, TextAreaField, TextField, type AnyField } from "./forms.tsx";
import { useT } from "~/utils/use-i18n.ts";

type F = AnyField;
type Fields = Record<"name" | "siren" | "address" | "legalRepresentative" | "dpoName" | "dpoEmail" | "dpoPhone" | "dpoCnilNumber" | "defaultLocale", F> & {
  accessibilityContact?: F;
  headcount?: F;
};

export function OrganizationFields({ fields, slugField }: { fields: Fields; slugField?: F }) {
  const { t } = useT();
  return (
    <>
      <fieldset>
        <legend>{t("org.identity")}</legend>
        <TextField label={t("fields.orgName")} hint={t("hints.orgName")} field={fields.name} required />
        {slugField ? <TextField label={t("fields.slug")} hint={t("hints.slug")} field={slugField} required /> : null}
        <TextField label={t("fields.siren")} hint={t("hints.siren")} field={fields.siren} />
        <TextAreaField label={t("fields.address")} field={fields.address} rows={2} />
        <TextField label={t("fields.legalRepresentative")} hint={t("hints.legalRepresentative")} field={fields.legalRepresentative} />
        <SelectField
          label={t("fields.defaultLanguage")}
          field={fields.defaultLocale}
          options={[
            { value: "fr", label: "Français" },
            { value: "en", label: "English" },
          ]}
        />
      </fieldset>
      <fieldset>
        <legend>{t("org.dpo")}</legend>
        <TextField label={t("fields.dpoName")} field={fields.dpoName} />
        <TextField label={t("fields.dpoEmail")} field={fields.dpoEmail} type="email" />
        <TextField label={t("fields.dpoPhone")} field={fields.dpoPhone} type="tel" />
        <TextField label={t("fields.dpoCnilNumber")} hint={t("hints.dpoCnilNumber")} field={fields.dpoCnilNumber} />
        {fields.headcount ? (
          <TextField label={t("legal.organization.headcount")} hint={t("legal.organization.headcount.hint")} field={fields.headcount} />
        ) : null}
      </fieldset>
      {fields.accessibilityContact ? (
        <fieldset>
          <legend>{t("accessibility.settings.legend")}</legend>
          <TextField label={t("accessibility.settings.contact")} hint={t("accessibility.settings.contactHint")} field={fields.accessibilityContact} />
        </fieldset>
      ) : null}
    </>
  );
}
