/**
 * A repeatable list of a form (sub-purposes, recipients, transfers, a DPIA's action plan…): an <ol> of rows, each
 * with a remove button, and an add button. The buttons are Conform intents submitted as plain posts, so the list
 * works without JavaScript; their `formAction` anchors bring the page back to the list (remove) or to the new row
 * (add). One copy for the full activity form, the guided steps and the DPIA.
 */
import type { FormMetadata } from "@conform-to/react";
import { useFormAction } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorList } from "~/components/forms.tsx";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form has its own shape; a list only needs the list intents.
type AnyForm = FormMetadata<any, string[]>;

export type ListEditorText = {
  legend: string;
  /** Read before the rows (and announced with the list); none when the heading says enough. */
  hint?: string;
  empty: string;
  add: string;
  remove: (n: number) => string;
  itemLegend: (n: number) => string;
};

/**
 * How a row is laid out:
 * - `block`: a fieldset with a visible legend ("Destinataire n° 2"), its fields, the remove button below;
 * - `simple`: one input named by its own label (sub-purposes), the remove button beside it, no fieldset;
 * - `inline`: a few short fields side by side (the DPIA's action, owner, due date, status), grouped by a fieldset
 *   whose legend only screen readers read ("Action 2"), the remove button last on the line.
 */
export type ListRowLayout = "block" | "simple" | "inline";

/**
 * What holds the list: `fieldset` (a group of a larger form section, titled by an h3 legend) or `panel` (a page
 * section of its own, `section.panel` titled by an h2: the DPIA's action plan).
 */
export type ListFrame = "fieldset" | "panel";

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
  row: layout = "block",
  rowClassName,
  frame = "fieldset",
  insertDefault,
}: {
  form: AnyForm;
  field: F;
  /** The list's id; row n is `${domId}-${n}`, its hint `${domId}-hint`, a panel's heading `${domId}-title`. */
  domId: string;
  text: ListEditorText;
  notice?: ReactNode;
  /** The fields of row n (1-based), rendered inside the row's frame. */
  item: (row: RowOf<F>, n: number) => ReactNode;
  row?: ListRowLayout;
  /** An extra class on each row's own box (e.g. a grid for the inline fields). */
  rowClassName?: string;
  frame?: ListFrame;
  /** The values of a newly added row (e.g. a status that starts as "to do"). */
  insertDefault?: Record<string, string>;
}) {
  const action = useFormAction();
  const rows = field.getFieldList() as RowOf<F>[];
  const hintId = `${domId}-hint`;
  const titleId = `${domId}-title`;
  const describedBy = [text.hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  const rowClass = (base: string) => (rowClassName ? `${base} ${rowClassName}` : base);
  const body = (
    <>
      {text.hint ? (
        <p className="hint" id={hintId}>
          {text.hint}
        </p>
      ) : null}
      {notice}
      {rows.length === 0 ? (
        <p className="repeat-empty">{text.empty}</p>
      ) : (
        <ol className={layout === "simple" ? "repeat-items simple" : "repeat-items"}>
          {rows.map((row, i) => {
            const remove = (
              <button {...form.remove.getButtonProps({ name: field.name, index: i })} formAction={`${action}#${domId}`} className="button danger small">
                {text.remove(i + 1)}
              </button>
            );
            return (
              <li key={row.key ?? i} id={`${domId}-${i + 1}`} className="repeat-item">
                {layout === "simple" ? (
                  <div className={rowClass("repeat-simple")}>
                    {item(row, i + 1)}
                    {remove}
                  </div>
                ) : layout === "inline" ? (
                  <fieldset className={rowClass("repeat-inline")}>
                    <legend className="visually-hidden">{text.itemLegend(i + 1)}</legend>
                    {item(row, i + 1)}
                    {remove}
                  </fieldset>
                ) : (
                  <fieldset className={rowClassName}>
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
        <button
          // The row's default value is typed from the form's shape, which this shared editor does not know (AnyForm).
          {...form.insert.getButtonProps({ name: field.name, ...(insertDefault ? { defaultValue: insertDefault as never } : {}) })}
          formAction={`${action}#${domId}-${rows.length + 1}`}
          className="button small"
        >
          <span aria-hidden="true">+ </span>
          {text.add}
        </button>
      </div>
    </>
  );
  if (frame === "panel") {
    return (
      <section className="panel repeat-panel" id={domId} aria-labelledby={titleId} aria-describedby={describedBy}>
        <h2 id={titleId}>{text.legend}</h2>
        {body}
      </section>
    );
  }
  return (
    <fieldset className="repeat" id={domId} aria-describedby={describedBy}>
      <legend>
        <h3>{text.legend}</h3>
      </legend>
      {body}
    </fieldset>
  );
}
