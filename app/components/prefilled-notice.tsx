/**
 * "Prefilled from a template — check, then tick": shown on each part of a form whose content came
 * from a template and was not confirmed yet. Each checkbox posts `confirmPrefilled=<content key>`;
 * the action removes the ticked keys from the activity's prefilledPaths when it saves.
 */
import type { ContentKey } from "~/domain/prefilled.ts";
import { useT } from "~/utils/use-i18n.ts";

/** The `confirmPrefilled` values of a form's last submission (kept ticked when the page comes back). */
export function confirmedFrom(initialValue: unknown): string[] {
  const v = initialValue && typeof initialValue === "object" ? (initialValue as Record<string, unknown>).confirmPrefilled : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

export function PrefilledNotice({ keys, idPrefix, confirmed = [] }: { keys: readonly ContentKey[]; idPrefix: string; confirmed?: readonly string[] }) {
  const { t } = useT();
  if (keys.length === 0) return null;
  return (
    <fieldset className="prefilled-notice">
      <legend>{t("guided.prefilled.notice")}</legend>
      <p className="hint">{t("guided.prefilled.explain")}</p>
      {keys.map((k) => {
        const id = `${idPrefix}-confirm-${k}`;
        return (
          <div className="prefilled-check" key={k}>
            <input type="checkbox" id={id} name="confirmPrefilled" value={k} defaultChecked={confirmed.includes(k)} />
            <label htmlFor={id}>{t("guided.prefilled.confirm", { label: t(`guided.key.${k}`) })}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A prefilled part that another place confirms (e.g. the data categories, confirmed with their retention). */
export function PrefilledElsewhere({ text }: { text: string }) {
  return <p className="prefilled-elsewhere">{text}</p>;
}
