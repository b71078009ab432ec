/** Whether a template's processing likely needs a DPIA (Art. 35), in words (colour only reinforces it). */
import { useT } from "~/utils/use-i18n.ts";

export function DpiaBadge({ value }: { value: "likely" | "unlikely" | "depends" }) {
  const { t } = useT();
  return <span className={`dpia-badge dpia-${value}`}>{t(`templatesUi.dpia.${value}`)}</span>;
}
