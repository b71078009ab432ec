/**
 * A repeatable list of a form (sub-purposes, recipients, transfers…): an <ol> of rows, each in its own fieldset
 * ("Destinataire n° 2") with a remove button, and an add button. The buttons are Conform intents submitted as
 * plain posts, so the list works without JavaScript; their `formAction` anchors bring the page back to the list
 * (remove) or to the new row (add). `simple` rows hold one input named by its own label (sub-purposes).
 * One copy for the full activity form and the guided steps.
 */
import type { FormMetadata } from "@conform-to/react";
import { useFormAction } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList } from "~/components/forms.tsx";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form has its own shape; a list only needs the list intents.
type AnyForm = FormMetadata<any, string[]>;

export type ListEditorText = { legend: string; hint: string; empty: string; add: string; remove: (n: number) => string; itemLegend: (n: number) => string };

type ListField = { name: string; errorId: string; errors?: string[] | undefined; getFieldList: () => { key?: string | undefined }[] };
/** A row of the list: what the field's getFieldList() returns (its last overload, for the guided steps' loose fields). */
type RowOf<F extends ListField> = ReturnType<F["getFieldList"]>[number];

export function ListEditor<F extends ListField>({
  form,
  field,
  domId,
  text,
  notice,
  item,
  simple = false,
}: {
  form: AnyForm;
  field: F;
  /** The list's id; row n is `${domId}-${n}`, its hint `${domId}-hint`. */
  domId: string;
  text: ListEditorText;
  notice?: ReactNode;
  item: (row: RowOf<F>, n: number) => ReactNode;
  simple?: boolean;
}) {
  const action = useFormAction();
  const rows = field.getFieldList() as RowOf<F>[];
  const hintId = `${domId}-hint`;
  return (
    <fieldset className="repeat" id={domId} aria-describedby={[hintId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}>
      <legend>
        <h3>{text.legend}</h3>
      </legend>
      <p className="hint" id={hintId}>
        {text.hint}
      </p>
      {notice}
      {rows.length === 0 ? (
        <p className="repeat-empty">{text.empty}</p>
      ) : (
        <ol className={simple ? "repeat-items simple" : "repeat-items"}>
          {rows.map((row, i) => {
            const remove = (
              <button {...form.remove.getButtonProps({ name: field.name, index: i })} formAction={`${action}#${domId}`} className="button danger small">
                {text.remove(i + 1)}
              </button>
            );
            return (
              <li key={row.key ?? i} id={`${domId}-${i + 1}`} className="repeat-item">
                {simple ? (
                  <div className="repeat-simple">
                    {item(row, i + 1)}
                    {remove}
                  </div>
                ) : (
                  <fieldset>
                    <legend>{text.itemLegend(i + 1)}</legend>
                    {item(row, i + 1)}
                    <div className="repeat-remove">{remove}</div>
                  </fieldset>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <ErrorList id={field.errorId} errors={field.errors} />
      <div>
        <button {...form.insert.getButtonProps({ name: field.name })} formAction={`${action}#${domId}-${rows.length + 1}`} className="button small">
          <span aria-hidden="true">+ </span>
          {text.add}
        </button>
      </div>
    </fieldset>
  );
}
