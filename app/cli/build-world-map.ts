/**
 * npm run map — regenerates app/reference/world-map.json, the world map of the sovereignty dashboard.
 *
 * Source: Natural Earth 1:110m admin-0 countries, via the world-atlas 2.0.2 TopoJSON (public domain),
 * projected once here with d3-geo (Natural Earth projection fitted to 960×480; d3 clips at the
 * antimeridian, so Russia and Fiji do not smear across the map) and rounded to 0.1 px. The app ships
 * the resulting SVG paths: no tiles, no request to any map server, nothing projected in the browser.
 *
 * Countries too small for the 1:110m file (Singapore, Malta, Hong Kong, Monaco…) are taken from the
 * 1:50m file as a single projected point (`markers`), so a location there still shows on the map.
 *
 * world-atlas identifies countries by their ISO 3166-1 numeric code; the table below maps them to the
 * alpha-2 codes used everywhere else in the app. Kosovo, Northern Cyprus, Somaliland, the Indian Ocean
 * Territories and the Siachen Glacier have no ISO numeric id in world-atlas and are left out.
 */
import fs from "node:fs";
import path from "node:path";
import { geoCentroid, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { COUNTRY_CODES } from "../reference/countries.ts";
import { projectRoot } from "../utils/paths.ts";

export const WIDTH = 960;
export const HEIGHT = 480;
export const SOURCE = "Natural Earth via world-atlas 2.0.2 (public domain)";

/** ISO 3166-1 numeric → alpha-2, for every code of the standard (249 entries). */
export const ISO_NUMERIC_TO_ALPHA2: Readonly<Record<string, string>> = {
  "004": "AF",
  "008": "AL",
  "010": "AQ",
  "012": "DZ",
  "016": "AS",
  "020": "AD",
  "024": "AO",
  "028": "AG",
  "031": "AZ",
  "032": "AR",
  "036": "AU",
  "040": "AT",
  "044": "BS",
  "048": "BH",
  "050": "BD",
  "051": "AM",
  "052": "BB",
  "056": "BE",
  "060": "BM",
  "064": "BT",
  "068": "BO",
  "070": "BA",
  "072": "BW",
  "074": "BV",
  "076": "BR",
  "084": "BZ",
  "086": "IO",
  "090": "SB",
  "092": "VG",
  "096": "BN",
  "100": "BG",
  "104": "MM",
  "108": "BI",
  "112": "BY",
  "116": "KH",
  "120": "CM",
  "124": "CA",
  "132": "CV",
  "136": "KY",
  "140": "CF",
  "144": "LK",
  "148": "TD",
  "152": "CL",
  "156": "CN",
  "158": "TW",
  "162": "CX",
  "166": "CC",
  "170": "CO",
  "174": "KM",
  "175": "YT",
  "178": "CG",
  "180": "CD",
  "184": "CK",
  "188": "CR",
  "191": "HR",
  "192": "CU",
  "196": "CY",
  "203": "CZ",
  "204": "BJ",
  "208": "DK",
  "212": "DM",
  "214": "DO",
  "218": "EC",
  "222": "SV",
  "226": "GQ",
  "231": "ET",
  "232": "ER",
  "233": "EE",
  "234": "FO",
  "238": "FK",
  "239": "GS",
  "242": "FJ",
  "246": "FI",
  "248": "AX",
  "250": "FR",
  "254": "GF",
  "258": "PF",
  "260": "TF",
  "262": "DJ",
  "266": "GA",
  "268": "GE",
  "270": "GM",
  "275": "PS",
  "276": "DE",
  "288": "GH",
  "292": "GI",
  "296": "KI",
  "300": "GR",
  "304": "GL",
  "308": "GD",
  "312": "GP",
  "316": "GU",
  "320": "GT",
  "324": "GN",
  "328": "GY",
  "332": "HT",
  "334": "HM",
  "336": "VA",
  "340": "HN",
  "344": "HK",
  "348": "HU",
  "352": "IS",
  "356": "IN",
  "360": "ID",
  "364": "IR",
  "368": "IQ",
  "372": "IE",
  "376": "IL",
  "380": "IT",
  "384": "CI",
  "388": "JM",
  "392": "JP",
  "398": "KZ",
  "400": "JO",
  "404": "KE",
  "408": "KP",
  "410": "KR",
  "414": "KW",
  "417": "KG",
  "418": "LA",
  "422": "LB",
  "426": "LS",
  "428": "LV",
  "430": "LR",
  "434": "LY",
  "438": "LI",
  "440": "LT",
  "442": "LU",
  "446": "MO",
  "450": "MG",
  "454": "MW",
  "458": "MY",
  "462": "MV",
  "466": "ML",
  "470": "MT",
  "474": "MQ",
  "478": "MR",
  "480": "MU",
  "484": "MX",
  "492": "MC",
  "496": "MN",
  "498": "MD",
  "499": "ME",
  "500": "MS",
  "504": "MA",
  "508": "MZ",
  "512": "OM",
  "516": "NA",
  "520": "NR",
  "524": "NP",
  "528": "NL",
  "531": "CW",
  "533": "AW",
  "534": "SX",
  "535": "BQ",
  "540": "NC",
  "548": "VU",
  "554": "NZ",
  "558": "NI",
  "562": "NE",
  "566": "NG",
  "570": "NU",
  "574": "NF",
  "578": "NO",
  "580": "MP",
  "581": "UM",
  "583": "FM",
  "584": "MH",
  "585": "PW",
  "586": "PK",
  "591": "PA",
  "598": "PG",
  "600": "PY",
  "604": "PE",
  "608": "PH",
  "612": "PN",
  "616": "PL",
  "620": "PT",
  "624": "GW",
  "626": "TL",
  "630": "PR",
  "634": "QA",
  "638": "RE",
  "642": "RO",
  "643": "RU",
  "646": "RW",
  "652": "BL",
  "654": "SH",
  "659": "KN",
  "660": "AI",
  "662": "LC",
  "663": "MF",
  "666": "PM",
  "670": "VC",
  "674": "SM",
  "678": "ST",
  "682": "SA",
  "686": "SN",
  "688": "RS",
  "690": "SC",
  "694": "SL",
  "702": "SG",
  "703": "SK",
  "704": "VN",
  "705": "SI",
  "706": "SO",
  "710": "ZA",
  "716": "ZW",
  "724": "ES",
  "728": "SS",
  "729": "SD",
  "732": "EH",
  "740": "SR",
  "744": "SJ",
  "748": "SZ",
  "752": "SE",
  "756": "CH",
  "760": "SY",
  "762": "TJ",
  "764": "TH",
  "768": "TG",
  "772": "TK",
  "776": "TO",
  "780": "TT",
  "784": "AE",
  "788": "TN",
  "792": "TR",
  "795": "TM",
  "796": "TC",
  "798": "TV",
  "800": "UG",
  "804": "UA",
  "807": "MK",
  "818": "EG",
  "826": "GB",
  "831": "GG",
  "832": "JE",
  "833": "IM",
  "834": "TZ",
  "840": "US",
  "850": "VI",
  "854": "BF",
  "858": "UY",
  "860": "UZ",
  "862": "VE",
  "876": "WF",
  "882": "WS",
  "887": "YE",
  "894": "ZM",
};

export type WorldMap = {
  asOf: string;
  source: string;
  width: number;
  height: number;
  /** The outline of the globe in this projection (the sea). */
  sphere: string;
  countries: Record<string, string>;
  /** Countries too small to draw at 1:110m: one projected point each, [x, y]. */
  markers: Record<string, [number, number]>;
};

type Geo = GeoPermissibleObjects;

function load(file: string): { id: string; name: string; geo: Geo }[] {
  const topo = JSON.parse(fs.readFileSync(path.join(projectRoot, "node_modules", "world-atlas", file), "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries);
  return fc.features.flatMap((f) => (f.id === undefined ? [] : [{ id: String(f.id), name: f.properties?.name ?? "", geo: f as Geo }]));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** "1.5" → "1.5", "-0.5" → "-.5", "2.0" → "2": the shortest SVG number for a count of tenths. */
function tenths(n: number): string {
  const s = (Math.abs(n) / 10).toString().replace(/^0\./, ".");
  return n < 0 ? `-${s}` : s;
}

/**
 * Rewrites d3's absolute "M x,y L x,y … Z" path (already rounded to 0.1) with relative "l" steps and
 * without repeated points: the same shape, about a third smaller. Works in integer tenths, so the
 * rounding does not drift along a ring.
 */
export function compactPath(d: string): string {
  let out = "";
  for (const sub of d.split("M").filter(Boolean)) {
    const closed = sub.endsWith("Z");
    const pts = (closed ? sub.slice(0, -1) : sub).split("L").map((p) => p.split(",").map((v) => Math.round(Number(v) * 10)) as [number, number]);
    const [x0, y0] = pts[0]!;
    out += `M${tenths(x0)},${tenths(y0)}`;
    let [px, py] = [x0, y0];
    let run = "";
    for (const [x, y] of pts.slice(1)) {
      if (x === px && y === py) continue;
      const dy = tenths(y - py);
      run += `${run ? " " : "l"}${tenths(x - px)}${dy.startsWith("-") ? "" : ","}${dy}`;
      [px, py] = [x, y];
    }
    out += run + (closed ? "Z" : "");
  }
  return out;
}

export function buildWorldMap(previous: WorldMap | null, today = new Date().toISOString().slice(0, 10)): WorldMap {
  const projection = geoNaturalEarth1().fitExtent(
    [
      [1, 1],
      [WIDTH - 1, HEIGHT - 1],
    ],
    { type: "Sphere" },
  );
  const pathOf = geoPath(projection).digits(1);
  const known = new Set(COUNTRY_CODES);

  // Some ids appear on several features (overseas parts, small islands): draw them as one path.
  const grouped = new Map<string, Geo[]>();
  const unknown: string[] = [];
  for (const c of load("countries-110m.json")) {
    const code = ISO_NUMERIC_TO_ALPHA2[c.id];
    if (!code || !known.has(code)) {
      unknown.push(`${c.id} ${c.name}`);
      continue;
    }
    grouped.set(code, [...(grouped.get(code) ?? []), c.geo]);
  }
  if (unknown.length) throw new Error(`No alpha-2 code for world-atlas ids: ${unknown.join(", ")}`);

  const countries: Record<string, string> = {};
  for (const code of [...grouped.keys()].sort()) {
    const d = pathOf({ type: "FeatureCollection", features: grouped.get(code)! } as Geo);
    if (d) countries[code] = compactPath(d);
  }

  const markers: Record<string, [number, number]> = {};
  for (const c of load("countries-50m.json")) {
    const code = ISO_NUMERIC_TO_ALPHA2[c.id];
    if (!code || !known.has(code) || countries[code] || markers[code]) continue;
    const p = projection(geoCentroid(c.geo));
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) markers[code] = [round1(p[0]), round1(p[1])];
  }
  const sortedMarkers = Object.fromEntries(Object.entries(markers).sort(([a], [b]) => a.localeCompare(b)));

  const sphere = compactPath(pathOf({ type: "Sphere" }) ?? "");
  const next = { source: SOURCE, width: WIDTH, height: HEIGHT, sphere, countries, markers: sortedMarkers };
  // Regenerating identical geometry keeps the date, so the file only changes when the map does.
  const same = previous && JSON.stringify({ ...previous, asOf: undefined }) === JSON.stringify({ ...next, asOf: undefined });
  return { asOf: same ? previous.asOf : today, ...next };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const file = path.join(projectRoot, "app", "reference", "world-map.json");
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as WorldMap) : null;
  const map = buildWorldMap(previous);
  // Key order of the file: asOf, source, width, height, sphere, countries, markers.
  const ordered: WorldMap = {
    asOf: map.asOf,
    source: map.source,
    width: map.width,
    height: map.height,
    sphere: map.sphere,
    countries: map.countries,
    markers: map.markers,
  };
  fs.writeFileSync(file, `${JSON.stringify(ordered)}\n`);
  const kb = Math.round(fs.statSync(file).size / 1024);
  console.log(
    `Wrote ${path.relative(projectRoot, file)}: ${Object.keys(map.countries).length} countries, ${Object.keys(map.markers).length} markers, ${kb} KB`,
  );
}
