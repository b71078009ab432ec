/**
 * Where the organization's data can go, on a world map, with the same figures as an accessible table
 * right below (the table is the map's text alternative). The geometry is pre-projected SVG from
 * app/reference/world-map.json (npm run map): no tiles, no request to a map server.
 *
 * Buckets are classes (CSS fills, no inline style): map-stored-1..4 by number of activities storing data
 * there, map-reach for a country that can only reach the data (processing, support access), and a
 * hatched, dashed overlay (map-jurisdiction) for a country whose law can compel access, so the
 * distinction never rests on colour alone.
 */
import { useId } from "react";
import { adequacyFor, countryName, isEea } from "~/reference/countries.ts";
import worldMap from "~/reference/world-map.json";
import { useT } from "~/utils/use-i18n.ts";

type Counts = Record<string, number>;
export type WorldMapCounts = { stored: Counts; reachable: Counts; jurisdictions: Counts };

/** Lower bounds of the four "stored" buckets, in number of activities. */
export const STORED_BUCKETS = [1, 3, 10, 30] as const;
/** The pattern is referenced by id from app.css (fill: url(#world-map-hatch)). */
const HATCH_ID = "world-map-hatch";

const map = worldMap as unknown as {
  asOf: string;
  source: string;
  width: number;
  height: number;
  sphere: string;
  countries: Record<string, string>;
  markers: Record<string, [number, number]>;
};

export function storedBucket(n: number): 0 | 1 | 2 | 3 | 4 {
  let b: 0 | 1 | 2 | 3 | 4 = 0;
  STORED_BUCKETS.forEach((min, i) => {
    if (n >= min) b = (i + 1) as 1 | 2 | 3 | 4;
  });
  return b;
}

function baseClass(stored: number, reachable: number): string {
  const b = storedBucket(stored);
  if (b > 0) return `map-country map-stored-${b}`;
  if (reachable > 0) return "map-country map-reach";
  return "map-country map-none";
}

type Regime = "eea" | "adequate" | "partial" | "third";
function regimeOf(code: string): Regime {
  if (isEea(code)) return "eea";
  const a = adequacyFor(code);
  if (!a) return "third";
  return a.scope === "full" ? "adequate" : "partial";
}

export function WorldMap({ counts }: { counts: WorldMapCounts }) {
  const { t, locale } = useT();
  const uid = useId();
  const captionId = `${uid}-caption`;
  const tableCaptionId = `${uid}-table`;
  const n = (c: Counts, code: string) => c[code] ?? 0;
  const codes = [...new Set([...Object.keys(counts.stored), ...Object.keys(counts.reachable), ...Object.keys(counts.jurisdictions)])];
  const rows = codes
    .map((code) => ({
      code,
      name: countryName(code, locale),
      stored: n(counts.stored, code),
      reachable: n(counts.reachable, code),
      jurisdiction: n(counts.jurisdictions, code),
    }))
    .sort((a, b) => b.stored - a.stored || b.reachable - a.reachable || b.jurisdiction - a.jurisdiction || a.name.localeCompare(b.name, locale));
  const titleOf = (code: string) =>
    t("sovereigntyUi.map.countryTitle", {
      country: countryName(code, locale),
      stored: n(counts.stored, code),
      reachable: n(counts.reachable, code),
      jurisdiction: n(counts.jurisdictions, code),
    });
  const markers = Object.entries(map.markers).filter(([code]) => codes.includes(code));
  const jurisdictionPaths = Object.keys(counts.jurisdictions).filter((code) => map.countries[code]);
  const summary = t("sovereigntyUi.map.caption", {
    stored: Object.keys(counts.stored).length,
    reachable: Object.keys(counts.reachable).length,
    jurisdictions: Object.keys(counts.jurisdictions).length,
  });

  return (
    <div className="world-map-block">
      <figure className="world-map-figure">
        <svg className="world-map" viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby={captionId} focusable="false">
          <defs>
            <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <line className="map-hatch-line" x1="1" y1="0" x2="1" y2="6" />
              <line className="map-hatch-line dark" x1="1" y1="0" x2="1" y2="6" />
            </pattern>
          </defs>
          <path className="map-sphere" d={map.sphere} />
          {Object.entries(map.countries).map(([code, d]) => (
            <path key={code} className={baseClass(n(counts.stored, code), n(counts.reachable, code))} d={d}>
              <title>{titleOf(code)}</title>
            </path>
          ))}
          {jurisdictionPaths.map((code) => (
            <path key={`j-${code}`} className="map-jurisdiction" d={map.countries[code]} />
          ))}
          {markers.map(([code, [x, y]]) => (
            <g key={`m-${code}`}>
              <circle className={`${baseClass(n(counts.stored, code), n(counts.reachable, code))} map-marker`} cx={x} cy={y} r="4">
                <title>{titleOf(code)}</title>
              </circle>
              {counts.jurisdictions[code] ? <circle className="map-jurisdiction map-marker-ring" cx={x} cy={y} r="7" /> : null}
            </g>
          ))}
        </svg>
        <figcaption id={captionId}>
          {summary} <span className="muted">{t("sovereigntyUi.map.tableBelow")}</span>
        </figcaption>
      </figure>

      <ul className="map-legend" aria-label={t("sovereigntyUi.map.legend")}>
        {STORED_BUCKETS.map((min, i) => {
          const max = STORED_BUCKETS[i + 1];
          return (
            <li key={min}>
              <Swatch className={`map-country map-stored-${i + 1}`} />
              {max === undefined
                ? t("sovereigntyUi.map.legendStoredMin", { min })
                : min === max - 1
                  ? t("sovereigntyUi.map.legendStoredOne", { min })
                  : t("sovereigntyUi.map.legendStored", { min, max: max - 1 })}
            </li>
          );
        })}
        <li>
          <Swatch className="map-country map-reach" />
          {t("sovereigntyUi.map.legendReach")}
        </li>
        <li>
          <Swatch className="map-jurisdiction" />
          {t("sovereigntyUi.map.legendJurisdiction")}
        </li>
        <li>
          <Swatch className="map-country map-none" />
          {t("sovereigntyUi.map.legendNone")}
        </li>
      </ul>
      <p className="hint">{t("sovereigntyUi.map.source", { source: map.source })}</p>

      {rows.length === 0 ? (
        <p className="muted">{t("sovereigntyUi.map.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={tableCaptionId}>
          <table className="map-table">
            <caption id={tableCaptionId}>{t("sovereigntyUi.map.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sovereigntyUi.map.colCountry")}</th>
                <th scope="col">{t("sovereigntyUi.map.colRegime")}</th>
                <th scope="col" className="num">
                  {t("sovereigntyUi.map.colStored")}
                </th>
                <th scope="col" className="num">
                  {t("sovereigntyUi.map.colReachable")}
                </th>
                <th scope="col" className="num">
                  {t("sovereigntyUi.map.colJurisdiction")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.name}</th>
                  <td>{t(`sovereigntyUi.map.regime.${regimeOf(r.code)}`)}</td>
                  <td className="num">{r.stored}</td>
                  <td className="num">{r.reachable}</td>
                  <td className="num">{r.jurisdiction}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Swatch({ className }: { className: string }) {
  return (
    <svg className="map-swatch" viewBox="0 0 20 14" aria-hidden="true" focusable="false">
      <rect className={className} x="1" y="1" width="18" height="12" />
    </svg>
  );
}
