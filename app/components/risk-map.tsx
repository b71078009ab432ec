/** The 4x4 risk map of a DPIA (severity vertical, likelihood horizontal), with the same data as a table. */
import { DPIA_RISKS, type DpiaRisks } from "~/schemas/dpia.ts";
import { useT } from "~/utils/use-i18n.ts";

const CELL = 50;
const PAD = 30;

export function RiskMap({ risks }: { risks: DpiaRisks }) {
  const { t } = useT();
  const cls = (s: number, l: number) => (s + l >= 7 ? "cell cell-high" : s + l >= 5 ? "cell cell-mid" : "cell cell-low");
  const pos = (severity: number, likelihood: number, i: number, residual: boolean) => ({
    cx: PAD + (likelihood - 1) * CELL + 12 + i * 13,
    cy: PAD + (4 - severity) * CELL + (residual ? 36 : 16),
  });
  return (
    <section className="panel risk-map" aria-labelledby="risk-map-h">
      <h2 id="risk-map-h">{t("dpia.map.title")}</h2>
      <svg viewBox={`0 0 ${PAD + CELL * 4 + 10} ${PAD + CELL * 4 + 30}`} aria-hidden="true" focusable="false">
        {[1, 2, 3, 4].map((s) =>
          [1, 2, 3, 4].map((l) => (
            <rect key={`${s}-${l}`} className={cls(s, l)} x={PAD + (l - 1) * CELL} y={PAD + (4 - s) * CELL} width={CELL} height={CELL} />
          )),
        )}
        {[1, 2, 3, 4].map((n) => (
          <text key={`l${n}`} className="axis-label" x={PAD + (n - 1) * CELL + CELL / 2} y={PAD + CELL * 4 + 14} textAnchor="middle">
            {n}
          </text>
        ))}
        {[1, 2, 3, 4].map((n) => (
          <text key={`s${n}`} className="axis-label" x={PAD - 10} y={PAD + (4 - n) * CELL + CELL / 2} textAnchor="middle">
            {n}
          </text>
        ))}
        {DPIA_RISKS.map((r, i) => {
          const x = risks[r];
          return (
            <g key={r}>
              {x.severity && x.likelihood ? <circle className="point-initial" r={5} {...pos(x.severity, x.likelihood, i, false)} /> : null}
              {x.residualSeverity && x.residualLikelihood ? (
                <circle className="point-residual" r={5} {...pos(x.residualSeverity, x.residualLikelihood, i, true)} />
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="data-table">
        <caption>{t("dpia.map.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dpia.map.risk")}</th>
            <th scope="col">{t("dpia.map.initial")}</th>
            <th scope="col">{t("dpia.map.residual")}</th>
          </tr>
        </thead>
        <tbody>
          {DPIA_RISKS.map((r) => {
            const x = risks[r];
            const cell = (s?: number, l?: number) =>
              s && l ? `${t("dpia.risk.severity")} ${s}, ${t("dpia.risk.likelihood")} ${l}` : t("dpia.risk.notAssessed");
            return (
              <tr key={r}>
                <th scope="row">{t(`dpia.risk.${r}`)}</th>
                <td>{cell(x.severity, x.likelihood)}</td>
                <td>{cell(x.residualSeverity, x.residualLikelihood)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
