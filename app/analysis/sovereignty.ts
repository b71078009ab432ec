/**
 * Where can an activity's data go, and whose law can compel access to it? Pure functions over plain
 * data (no database), so they are exhaustively testable and fast enough to analyse a whole organization.
 * The exposure scale is documented in docs/decisions/006-exposure-scale.md.
 */

export const LOCATION_ROLES = ["STORAGE", "PROCESSING", "BACKUP", "SUPPORT"] as const;
export type LocationRole = (typeof LOCATION_ROLES)[number];
export const LINK_ROLES = ["PROCESSOR", "SUB_PROCESSOR", "HOSTING", "SOFTWARE_NO_ACCESS", "RECIPIENT"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export const LOCATION_SAFEGUARDS = [
  "SCC_C2C",
  "SCC_C2P",
  "SCC_P2P",
  "SCC_P2C",
  "BCR",
  "ART46_2A",
  "ART46_3B",
  "ART49_1A",
  "ART49_1B",
  "ART49_1C",
  "ART49_1D",
  "ART49_1E",
  "ART49_1F",
  "ART49_1G",
] as const;
export type LocationSafeguard = (typeof LOCATION_SAFEGUARDS)[number];
/** Art. 49(3): public authorities exercising public powers may not rely on these. */
export const REFUSED_FOR_PUBLIC_POWERS: readonly string[] = ["ART49_1A", "ART49_1B", "ART49_1C"];

export const EXPOSURE_LEVELS = ["unknown", "eu", "adequate", "foreign_law", "safeguarded_transfer", "unsafeguarded_transfer"] as const;
export type ExposureLevel = (typeof EXPOSURE_LEVELS)[number];

export type CountryFacts = {
  isEea(code: string): boolean;
  adequacy(code: string): "full" | "commercial" | "dpf_certified" | null;
  laws(code: string): { id: string; name: string }[];
};

export type VendorNode = { id: string; name: string; country: string; parentName: string | null; parentCountry: string | null; dpfCertified: boolean | null };
export type LocationNode = { role: string; country: string; region: string | null; providerServiceId: string | null; safeguard: string | null; tiaDone: boolean };
export type ServiceNode = { id: string; name: string; vendor: VendorNode; secNumCloudQualified: boolean; locations: LocationNode[] };
export type ServiceGraph = Map<string, ServiceNode>;

export type ActivityInput = {
  links: { role: string; serviceId: string | null; site: { name: string; country: string } | null }[];
  declaredTransfers: { country: string; recipient: string; safeguard: string }[];
};

export type ReachEntry = {
  country: string;
  region: string | null;
  role: string;
  /** Vendor names from the linked service down to the one operating this location. */
  chain: string[];
  serviceId: string | null;
  ownHosting: boolean;
};

export type TransferStatus = "adequate" | "adequate_certified" | "not_certified" | "safeguarded" | "missing" | "refused_derogation";
export type TransferEntry = {
  country: string;
  chain: string[];
  recipient: string;
  source: "computed" | "declared";
  adequacy: "full" | "commercial" | "dpf_certified" | null;
  status: TransferStatus;
  safeguard: string | null;
  tiaMissing: boolean;
};

export type ExposureEntry = {
  jurisdiction: string;
  laws: { id: string; name: string }[];
  vendor: string;
  /** "establishment": the vendor is established there; "parent": its ultimate parent is. */
  via: "establishment" | "parent";
  chain: string[];
  shielded: boolean;
  shieldReason: "secnumcloud" | null;
};

export type Reason = { key: string; params?: Record<string, string | number> };

export type Analysis = {
  reach: ReachEntry[];
  countries: string[];
  transfers: TransferEntry[];
  exposure: ExposureEntry[];
  level: ExposureLevel;
  reasons: Reason[];
};

type Visit = { service: ServiceNode; chain: string[]; shielded: boolean };

/** Every service reachable from `rootId` through sub-processor links, each once (cycles end there). */
export function walkServices(graph: ServiceGraph, rootId: string, maxDepth = 12): Visit[] {
  const root = graph.get(rootId);
  if (!root) return [];
  const seen = new Set<string>([rootId]);
  const out: Visit[] = [];
  const queue: (Visit & { depth: number })[] = [{ service: root, chain: [root.vendor.name], shielded: root.secNumCloudQualified, depth: 0 }];
  while (queue.length) {
    const v = queue.shift()!;
    out.push({ service: v.service, chain: v.chain, shielded: v.shielded });
    if (v.depth >= maxDepth) continue;
    for (const loc of v.service.locations) {
      if (!loc.providerServiceId || seen.has(loc.providerServiceId)) continue;
      const next = graph.get(loc.providerServiceId);
      if (!next) continue;
      seen.add(next.id);
      // A SecNumCloud-qualified service vouches for its whole stack (ANSSI §19.6).
      queue.push({ service: next, chain: [...v.chain, next.vendor.name], shielded: v.shielded || next.secNumCloudQualified, depth: v.depth + 1 });
    }
  }
  return out;
}

function classify(country: string, facts: CountryFacts, certified: boolean | null, safeguard: string | null, tiaDone: boolean) {
  const adequacy = facts.adequacy(country);
  if (adequacy === "full" || adequacy === "commercial") return { adequacy, status: "adequate" as const, tiaMissing: false };
  if (adequacy === "dpf_certified" && certified === true) return { adequacy, status: "adequate_certified" as const, tiaMissing: false };
  if (!safeguard || safeguard === "none") return { adequacy, status: adequacy === "dpf_certified" ? ("not_certified" as const) : ("missing" as const), tiaMissing: false };
  if (REFUSED_FOR_PUBLIC_POWERS.includes(safeguard) || safeguard === "art49_derogation_refused") return { adequacy, status: "refused_derogation" as const, tiaMissing: false };
  const needsTia = safeguard.startsWith("SCC") || safeguard === "scc" || safeguard === "BCR" || safeguard === "bcr";
  return { adequacy, status: "safeguarded" as const, tiaMissing: needsTia && !tiaDone };
}

const LEVEL_RANK: Record<ExposureLevel, number> = { unknown: -1, eu: 0, adequate: 1, foreign_law: 2, safeguarded_transfer: 3, unsafeguarded_transfer: 4 };

type ServicePart = { reach: ReachEntry[]; transfers: TransferEntry[]; exposure: Map<string, ExposureEntry> };

/**
 * What one linked service contributes (its whole sub-processor chain) is the same for every activity
 * that uses it, so it is computed once per analysis run and shared.
 */
export function createAnalyser(graph: ServiceGraph, facts: CountryFacts, opts: { explain?: boolean } = {}) {
  const explainReasons = opts.explain !== false;
  const parts = new Map<string, ServicePart>();

  const partOf = (serviceId: string): ServicePart => {
    const cached = parts.get(serviceId);
    if (cached) return cached;
    const part: ServicePart = { reach: [], transfers: [], exposure: new Map() };
    for (const visit of walkServices(graph, serviceId)) {
      const vendor = visit.service.vendor;
      for (const loc of visit.service.locations) {
        part.reach.push({ country: loc.country, region: loc.region, role: loc.role, chain: visit.chain, serviceId: visit.service.id, ownHosting: false });
        if (facts.isEea(loc.country)) continue;
        const c = classify(loc.country, facts, vendor.dpfCertified, loc.safeguard, loc.tiaDone);
        part.transfers.push({ country: loc.country, chain: visit.chain, recipient: vendor.name, source: "computed", adequacy: c.adequacy, status: c.status, safeguard: loc.safeguard, tiaMissing: c.tiaMissing });
      }
      const jurisdictions: [string, "establishment" | "parent"][] = [[vendor.country, "establishment"]];
      if (vendor.parentCountry && vendor.parentCountry !== vendor.country) jurisdictions.push([vendor.parentCountry, "parent"]);
      for (const [j, via] of jurisdictions) {
        if (facts.isEea(j)) continue;
        mergeExposure(part.exposure, { jurisdiction: j, laws: facts.laws(j), vendor: vendor.name, via, chain: visit.chain, shielded: visit.shielded, shieldReason: visit.shielded ? "secnumcloud" : null }, vendor.id);
      }
    }
    parts.set(serviceId, part);
    return part;
  };

  return function analyse(input: ActivityInput): Analysis {
    const reach: ReachEntry[] = [];
    const transfers: TransferEntry[] = [];
    const exposure = new Map<string, ExposureEntry>();
    let level: ExposureLevel = input.links.length || input.declaredTransfers.length ? "eu" : "unknown";
    const raise = (l: ExposureLevel) => {
      if (LEVEL_RANK[l] > LEVEL_RANK[level]) level = l;
    };

    for (const link of input.links) {
      if (link.site) {
        reach.push({ country: link.site.country, region: null, role: "STORAGE", chain: [link.site.name], serviceId: null, ownHosting: true });
        if (!facts.isEea(link.site.country)) raise(facts.adequacy(link.site.country) ? "adequate" : "unsafeguarded_transfer");
        continue;
      }
      // Software whose vendor never touches the data sends it nowhere.
      if (!link.serviceId || link.role === "SOFTWARE_NO_ACCESS") continue;
      const part = partOf(link.serviceId);
      reach.push(...part.reach);
      transfers.push(...part.transfers);
      for (const [key, e] of part.exposure) mergeExposure(exposure, e, key);
    }

    for (const d of input.declaredTransfers) {
      const c = classify(d.country, facts, null, d.safeguard === "adequacy" ? null : d.safeguard, true);
      // A declared "adequacy" safeguard to a country without adequacy is not one.
      const status = d.safeguard === "adequacy" && !c.adequacy ? "missing" : c.status;
      transfers.push({ country: d.country, chain: [], recipient: d.recipient, source: "declared", adequacy: c.adequacy, status, safeguard: d.safeguard, tiaMissing: false });
    }

    for (const r of reach) if (!facts.isEea(r.country)) raise("adequate");
    // An adequate jurisdiction with no known extraterritorial access law (Switzerland, say) is listed
    // but does not by itself make the activity "exposed".
    for (const e of exposure.values()) if (!e.shielded && (e.laws.length > 0 || facts.adequacy(e.jurisdiction) === null)) raise("foreign_law");
    for (const t of transfers) {
      if (t.status === "missing" || t.status === "not_certified" || t.status === "refused_derogation") raise("unsafeguarded_transfer");
      else if (t.status === "safeguarded") raise("safeguarded_transfer");
    }

    const countries = [...new Set(reach.map((r) => r.country).concat(transfers.map((t) => t.country)))].sort();
    const exposureList = [...exposure.values()];
    return { reach, countries, transfers, exposure: exposureList, level, reasons: explainReasons ? explain(level, reach, transfers, exposureList) : [] };
  };
}

/** Keyed by jurisdiction, vendor and route: shielded only if every path to the vendor is shielded. */
function mergeExposure(into: Map<string, ExposureEntry>, e: ExposureEntry, vendorKey: string) {
  const key = vendorKey.includes("|") ? vendorKey : `${e.jurisdiction}|${vendorKey}|${e.via}`;
  const prev = into.get(key);
  if (!prev) into.set(key, e);
  else if (prev.shielded && !e.shielded) into.set(key, e);
}

/** Plain-language reasons, as i18n keys with parameters (the UI and the PDF translate them). */
function explain(level: ExposureLevel, reach: ReachEntry[], transfers: TransferEntry[], exposure: ExposureEntry[]): Reason[] {
  const reasons: Reason[] = [];
  if (level === "unknown") return [{ key: "sovereignty.reason.unknown" }];
  const outside = [...new Set(reach.map((r) => r.country))];
  reasons.push({ key: "sovereignty.reason.countries", params: { count: outside.length, list: outside.join(", ") } });
  for (const t of transfers) {
    const who = t.chain.length ? t.chain.join(" → ") : t.recipient;
    reasons.push({ key: `sovereignty.reason.transfer.${t.status}`, params: { country: t.country, who, safeguard: t.safeguard ?? "" } });
    if (t.tiaMissing) reasons.push({ key: "sovereignty.reason.tiaMissing", params: { country: t.country, who } });
  }
  for (const e of exposure) {
    const laws = e.laws.map((l) => l.name).join(", ");
    reasons.push({
      key: e.shielded ? "sovereignty.reason.exposure.shielded" : e.via === "parent" ? "sovereignty.reason.exposure.parent" : "sovereignty.reason.exposure.establishment",
      params: { vendor: e.vendor, country: e.jurisdiction, laws: laws || "—", chain: e.chain.join(" → ") },
    });
  }
  if (level === "eu" && exposure.length === 0) reasons.push({ key: "sovereignty.reason.euOnly" });
  return reasons;
}

export function compareLevels(a: ExposureLevel, b: ExposureLevel): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}
