/** The DPIA panel of the activity page: screening result, DPIA status and links. */
import { Link } from "@remix-run/react";
import type { ScreeningResult } from "~/analysis/dpia-screening.ts";
import type { DpiaStatus } from "~/schemas/dpia.ts";
import { useT } from "~/utils/use-i18n.ts";

export type DpiaPanelData = { result: ScreeningResult; metCount: number; saved: boolean; decision: string | null; dpiaStatus: DpiaStatus | null };

export function DpiaPanel({ data, base }: { data: DpiaPanelData; base: string }) {
  const { t } = useT();
  return (
    <section className="panel dpia-panel" aria-labelledby="dpia-panel-h">
      <h2 id="dpia-panel-h">{t("dpia.panel.title")}</h2>
      <p>
        <strong className={`dpia-result dpia-result-${data.result}`}>{t(`dpia.result.${data.result}`)}</strong>{" "}
        <span className="muted">{t("dpia.screening.metCount", { count: data.metCount })}</span>
      </p>
      {!data.saved ? <p className="hint">{t("dpia.screening.notSaved")}</p> : null}
      {data.decision ? <p>{t(data.decision === "no_dpia" ? "dpia.decision.no_dpia" : "dpia.decision.dpia")}</p> : null}
      <p>{data.dpiaStatus ? t("dpia.panel.status", { status: t(`dpia.status.${data.dpiaStatus}`) }) : t("dpia.panel.noDpia")}</p>
      <div className="button-row">
        <Link to={`${base}/screening`} className="button">
          {t("dpia.panel.screening")}
        </Link>
        <Link to={`${base}/dpia`} className="button">
          {data.dpiaStatus ? t("dpia.panel.openDpia") : t("dpia.panel.startDpia")}
        </Link>
      </div>
    </section>
  );
}
