/** The DPIA's measure forms: the hidden add/remove forms and the fields that submit to them. */
import { Form } from "@remix-run/react";
import { DPIA_MEASURES } from "~/reference/dpia-measures.ts";
import { useT } from "~/utils/use-i18n.ts";
import type { Dpia } from "./types.ts";

const ADD_MEASURE_FORM = "dpia-measure-add";
export const REMOVE_MEASURE_FORM = "dpia-measure-remove";

/**
 * The measure add/remove forms, empty: their fields sit in the measures section of the content form
 * and are tied to them by the `form` attribute (a form cannot contain another), so no JavaScript is needed.
 */
export function MeasureForms({ version }: { version: number }) {
  return (
    <>
      <Form method="post" id={ADD_MEASURE_FORM} hidden>
        <input type="hidden" name="intent" value="addMeasure" />
        <input type="hidden" name="version" value={version} />
      </Form>
      <Form method="post" id={REMOVE_MEASURE_FORM} hidden>
        <input type="hidden" name="intent" value="removeMeasure" />
        <input type="hidden" name="version" value={version} />
      </Form>
    </>
  );
}

export function AddMeasureFields({ measures }: { measures: Dpia["measures"] }) {
  const { t, locale } = useT();
  const available = DPIA_MEASURES.filter((lib) => !measures.some((m) => m.code === lib.code));
  if (available.length === 0) return <p className="hint">{t("dpia.measures.allAdded")}</p>;
  return (
    <div className="stack dpia-measure-add">
      <h3>{t("dpia.measures.addFromLibrary")}</h3>
      <div className="field">
        <label htmlFor="dpia-measure-code">{t("dpia.measures.library")}</label>
        <select id="dpia-measure-code" name="code" form={ADD_MEASURE_FORM} required defaultValue="">
          <option value="" disabled>
            {t("dpia.measures.choose")}
          </option>
          {available.map((m) => (
            <option key={m.code} value={m.code}>
              {locale === "fr" ? m.fr : m.en}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dpia-measure-details">{t("dpia.measures.details")}</label>
        <textarea id="dpia-measure-details" name="details" form={ADD_MEASURE_FORM} rows={2} maxLength={2000} />
      </div>
      <button type="submit" form={ADD_MEASURE_FORM} className="button">
        {t("dpia.measures.add")}
      </button>
    </div>
  );
}
