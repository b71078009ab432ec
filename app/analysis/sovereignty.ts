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
/** Art. 49(1)(a)-(c): not available to public authorities "in the exercise of their public powers" (Art. 49(3)). */
export const REFUSED_FOR_PUBLIC_POWERS: readonly string[] = ["ART49_1A", "ART49_1B", "ART49_1C"];
/** Art. 46 transfer tools: each needs a transfer impact assessment (EDPB Recommendations 01/2020). */
const ART46_TOOLS: readonly string[] = [
  "SCC_C2C",
  "SCC_C2P",
  "SCC_P2P",
  "SCC_P2C",
  "BCR",
  "ART46_2A",
  "ART46_3B",
  "scc",
  "bcr",
  "art46_2a",
  "art46_3b",
  "code_of_conduct",
  "certification",
];
export const ART49_POINTS = ["a", "b", "c", "d", "e", "f", "g"] as const;
export type Art49Point = (typeof ART49_POINTS)[number];
/** Who receives a declared transfer: Art. 30(1)(e) covers third countries and international organisations. */
export const RECIPIENT_KINDS = ["private_company", "public_authority", "international_organisation"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
/** The only ANSSI SecNumCloud version whose § 19.6 requires immunity from non-EU law. */
export const SECNUMCLOUD_IMMUNE_VERSION = "3.2";
export const SECNUMCLOUD_VERSIONS = ["3.2", "3.1", "older"] as const;

/**
 * Ordered from the most to the least reassuring. "to_verify": the recorded facts cannot support a firm
 * conclusion (the missing fact is named in `toVerify`); it outranks only the reassuring levels, so it never
 * hides a firm problem. "derogation": an Art. 49 derogation, which is not a safeguard (ADR 006).
 */
export const EXPOSURE_LEVELS = [
  "unknown",
  "eu",
  "adequate",
  "to_verify",
  "foreign_law",
  "safeguarded_transfer",
  "derogation",
  "unsafeguarded_transfer",
] as const;
export type ExposureLevel = (typeof EXPOSURE_LEVELS)[number];

/**
 * Adequacy scopes (GDPR Art. 45): "full"; "commercial" (Canada, organisations under PIPEDA);
 * "private_sector" (Japan, business operators under the APPI); "dpf_certified" (US, certified organisations).
 */
export type AdequacyScope = (typeof ADEQUACY_SCOPE_VALUES)[number];
export type CountryFacts = {
  isEea(code: string): boolean;
  adequacy(code: string): AdequacyScope | null;
  /** Laws that can compel a provider to hand data over. */
  laws(code: string): { id: string; name: string }[];
  /** Other access powers worth explaining (e.g. EO 12333: collection without the provider's cooperation). */
  contextLaws?(code: string): { id: string; name: string }[];
};

export type VendorNode = {
  id: string;
  name: string;
  country: string;
  parentName: string | null;
  parentCountry: string | null;
  dpfCertified: boolean | null;
  /** SecNumCloud 3.2 § 19.6: no non-EU holder above 24 % individually and 39 % together (null: not recorded). */
  shareholdingWithinLimits?: boolean | null;
};
export type LocationNode = {
  role: string;
  country: string;
  region: string | null;
  providerServiceId: string | null;
  safeguard: string | null;
  tiaDone: boolean;
};
export type ServiceNode = {
  id: string;
  name: string;
  vendor: VendorNode;
  secNumCloudQualified: boolean;
  /** "3.2", "3.1" or "older" (null: not recorded). Only 3.2 carries the § 19.6 immunity. */
  secNumCloudVersion?: string | null;
  /** The qualified scope as stated on the ANSSI certificate. */
  secNumCloudScope?: string | null;
  /** A non-EU entity has technical access (support, remote administration): true, false, or null (not recorded). */
  nonEuAccess?: boolean | null;
  locations: LocationNode[];
};
export type ServiceGraph = Map<string, ServiceNode>;

export type DeclaredTransfer = {
  country: string;
  recipient: string;
  safeguard: string;
  art49Point?: string | null;
  tiaDone?: boolean | null;
  recipientKind?: string | null;
  /** US recipients: DPF certification checked on dataprivacyframework.gov. */
  dpfCertified?: boolean | null;
};

export type ActivityInput = {
  links: { role: string; serviceId: string | null; site: { name: string; country: string } | null }[];
  declaredTransfers: DeclaredTransfer[];
  /**
   * Whether the activity is carried out in the exercise of public powers (Art. 49(3)): true for the
   * official-authority basis (Art. 6(1)(e)) or a law-enforcement activity; null when the record cannot tell.
   */
  publicPowers?: boolean | null;
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

export const TRANSFER_STATUSES = [
  "adequate",
  "adequate_certified",
  "not_certified",
  "out_of_scope",
  "safeguarded",
  "derogation",
  "missing",
  "refused_derogation",
  "to_verify",
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const ADEQUACY_SCOPE_VALUES = ["full", "commercial", "private_sector", "dpf_certified"] as const;
export type TransferEntry = {
  country: string;
  chain: string[];
  /** The organisation that actually receives the data (the sub-processor operating the location). */
  recipient: string;
  source: "computed" | "declared" | "own_site";
  adequacy: AdequacyScope | null;
  status: TransferStatus;
  safeguard: string | null;
  tiaMissing: boolean;
  /** The fact that must be recorded before a firm conclusion (status "to_verify", or a derogation's open point). */
  missingFact?: string | null;
  /** A derogation used for repeated hosting or support, where Art. 49 allows only occasional transfers. */
  structural?: boolean;
  recipientKind?: RecipientKind;
  art49Point?: string | null;
};

export type ExposureEntry = {
  jurisdiction: string;
  laws: { id: string; name: string }[];
  vendor: string;
  /** "establishment": the vendor is established there; "parent": its ultimate parent is. */
  via: "establishment" | "parent";
  chain: string[];
  /** Always false since ADR 006 rev. 2: a vendor reached by a non-EU law cannot be immune (SecNumCloud 3.2 § 19.6). */
  shielded: boolean;
  shieldReason: "secnumcloud" | null;
  /** The service is declared SecNumCloud-qualified although this jurisdiction reaches its vendor. */
  secNumCloudContradiction?: boolean;
};

/** What the record says about one SecNumCloud-qualified service, under SecNumCloud 3.2 § 19.6. */
export type SecNumCloudCheck = {
  service: string;
  vendor: string;
  status: "immune" | "contradiction" | "to_verify";
  /** Facts that contradict the immunity. */
  contradictions: string[];
  /** Facts not recorded. */
  missing: string[];
};

export type ToVerify = { fact: string; subject: string; country?: string };
export type Reason = { key: string; params?: Record<string, string | number> };

export type Analysis = {
  reach: ReachEntry[];
  countries: string[];
  transfers: TransferEntry[];
  exposure: ExposureEntry[];
  secNumCloud: SecNumCloudCheck[];
  toVerify: ToVerify[];
  level: ExposureLevel;
  reasons: Reason[];
};

type Visit = { service: ServiceNode; chain: string[] };

/** Every service reachable from `rootId` through sub-processor links, each once (cycles end there). */
export function walkServices(graph: ServiceGraph, rootId: string, maxDepth = 12): Visit[] {
  const root = graph.get(rootId);
  if (!root) return [];
  const seen = new Set<string>([rootId]);
  const out: Visit[] = [];
  const queue: (Visit & { depth: number })[] = [{ service: root, chain: [root.vendor.name], depth: 0 }];
  while (queue.length) {
    const v = queue.shift()!;
    out.push({ service: v.service, chain: v.chain });
    if (v.depth >= maxDepth) continue;
    for (const loc of v.service.locations) {
      if (!loc.providerServiceId || seen.has(loc.providerServiceId)) continue;
      const next = graph.get(loc.providerServiceId);
      if (!next) continue;
      seen.add(next.id);
      // No shield is passed down: a qualification covers its own service, never its sub-processors
      // or the support companies reached through it (SecNumCloud 3.2 § 19.6).
      queue.push({ service: next, chain: [...v.chain, next.vendor.name], depth: v.depth + 1 });
    }
  }
  return out;
}

/**
 * SecNumCloud 3.2 § 19.6 (immunity from non-EU law): a service qualified under version 3.2, within the
 * qualified scope, by a provider whose registered office and central administration are in the EU, no
 * non-EU shareholder above 24 % individually or 39 % together, and no technical access by a non-EU
 * third party. Every fact is checked; a missing one is named, a contradicting one is shown.
 */
export function checkSecNumCloud(service: ServiceNode, graph: ServiceGraph, facts: CountryFacts): SecNumCloudCheck | null {
  if (!service.secNumCloudQualified) return null;
  const v = service.vendor;
  const contradictions: string[] = [];
  const missing: string[] = [];
  const version = service.secNumCloudVersion ?? null;
  if (version === null) missing.push("secNumCloudVersion");
  else if (version !== SECNUMCLOUD_IMMUNE_VERSION) contradictions.push("secNumCloudVersion");
  if (!service.secNumCloudScope?.trim()) missing.push("secNumCloudScope");
  if (!facts.isEea(v.country) || !isEu(v.country, facts)) contradictions.push("vendorOutsideEu");
  if (v.parentCountry && !facts.isEea(v.parentCountry)) contradictions.push("parentOutsideEu");
  else if (v.parentName && !v.parentCountry) missing.push("parentCountry");
  const shares = v.shareholdingWithinLimits ?? null;
  if (shares === null) missing.push("shareholding");
  else if (!shares) contradictions.push("shareholding");
  const access = service.nonEuAccess ?? null;
  if (access === true) contradictions.push("nonEuAccess");
  else if (access === null) missing.push("nonEuAccess");
  for (const loc of service.locations) {
    if (!facts.isEea(loc.country)) contradictions.push("locationOutsideEu");
    const provider = loc.providerServiceId ? graph.get(loc.providerServiceId) : undefined;
    if (provider && (!facts.isEea(provider.vendor.country) || (provider.vendor.parentCountry && !facts.isEea(provider.vendor.parentCountry))))
      contradictions.push("providerOutsideEu");
  }
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    service: service.name,
    vendor: v.name,
    status: contradictions.length ? "contradiction" : missing.length ? "to_verify" : "immune",
    contradictions: uniq(contradictions),
    missing: uniq(missing),
  };
}
/** The EEA test is what the country facts offer; Iceland, Liechtenstein and Norway are EEA but not EU. */
function isEu(code: string, facts: CountryFacts): boolean {
  return facts.isEea(code) && !["IS", "LI", "NO"].includes(code);
}

type Classified = { adequacy: AdequacyScope | null; status: TransferStatus; tiaMissing: boolean; missingFact?: string | null };

/**
 * One transfer, judged for the organisation that actually receives the data.
 * `recipientCountry`: where that organisation is established (null when unknown, e.g. a declared transfer).
 */
function classify(
  country: string,
  facts: CountryFacts,
  recipient: { certified: boolean | null; establishedIn: string | null; kind: RecipientKind | null; own?: boolean },
  safeguard: string | null,
  tiaDone: boolean,
  publicPowers: boolean | null,
  art49Point: string | null,
): Classified {
  const adequacy = recipient.kind === "international_organisation" ? null : facts.adequacy(country);
  const scoped = (): Classified | null => {
    if (adequacy === "full") return { adequacy, status: "adequate", tiaMissing: false };
    if (!adequacy) return null;
    // The organization's own site abroad: no adequacy scope (PIPEDA, APPI, DPF) ever covers the commune itself.
    if (recipient.own) return null;
    // Partial decisions cover only their scope (Art. 45; Decisions 2002/2/EC, 2019/419, 2023/1795).
    if (recipient.kind === "public_authority") return { adequacy, status: "out_of_scope", tiaMissing: false };
    if (adequacy === "dpf_certified") {
      // Only an organisation established in the US can be DPF-certified.
      if (recipient.kind === null) return { adequacy, status: "to_verify", tiaMissing: false, missingFact: "recipientKind" };
      if (recipient.establishedIn === "US" && recipient.certified === true) return { adequacy, status: "adequate_certified", tiaMissing: false };
      if (recipient.establishedIn === "US" && recipient.certified === false) return null;
      return {
        adequacy,
        status: "to_verify",
        tiaMissing: false,
        missingFact: recipient.establishedIn && recipient.establishedIn !== "US" ? "usRecipient" : "dpfCertification",
      };
    }
    // Canada (PIPEDA) and Japan (APPI): a business established there is within scope; anyone else must be checked.
    if (recipient.establishedIn === country && recipient.kind === "private_company") return { adequacy, status: "adequate", tiaMissing: false };
    return {
      adequacy,
      status: "to_verify",
      tiaMissing: false,
      missingFact: recipient.kind === null ? "recipientKind" : adequacy === "commercial" ? "pipedaScope" : "appiScope",
    };
  };
  const s = scoped();
  if (s && (s.status === "adequate" || s.status === "adequate_certified")) return s;
  const isDerogation = safeguard !== null && (safeguard.startsWith("ART49_") || safeguard === "art49_derogation");
  if (safeguard && safeguard !== "none" && safeguard !== "adequacy" && !isDerogation) {
    return { adequacy, status: "safeguarded", tiaMissing: ART46_TOOLS.includes(safeguard) && !tiaDone };
  }
  if (isDerogation) {
    const point = safeguard!.startsWith("ART49_1") ? safeguard!.slice(7).toLowerCase() : art49Point;
    if (!point) return { adequacy, status: "derogation", tiaMissing: false, missingFact: "art49Point" };
    if (["a", "b", "c"].includes(point)) {
      // Art. 49(3): unavailable to a public authority exercising its public powers.
      if (publicPowers === true) return { adequacy, status: "refused_derogation", tiaMissing: false };
      return { adequacy, status: "derogation", tiaMissing: false, missingFact: publicPowers === false ? null : "publicPowers" };
    }
    // Art. 49(1)(d) and 49(4): the public interest must be recognised in EU or Member State law.
    return { adequacy, status: "derogation", tiaMissing: false, missingFact: point === "d" ? "publicInterestLaw" : null };
  }
  if (s) return s; // out_of_scope or to_verify under a partial decision
  if (adequacy === "dpf_certified") return { adequacy, status: recipient.own ? "missing" : "not_certified", tiaMissing: false };
  if (recipient.kind === "international_organisation" && safeguard === "adequacy")
    return { adequacy, status: "to_verify", tiaMissing: false, missingFact: "ioAdequacy" };
  return { adequacy, status: "missing", tiaMissing: false };
}

const LEVEL_RANK: Record<ExposureLevel, number> = {
  unknown: -1,
  eu: 0,
  adequate: 1,
  to_verify: 2,
  foreign_law: 3,
  safeguarded_transfer: 4,
  derogation: 5,
  unsafeguarded_transfer: 6,
};
const TRANSFER_RANK: Record<TransferStatus, number> = {
  adequate: 0,
  adequate_certified: 0,
  to_verify: 1,
  safeguarded: 2,
  derogation: 3,
  out_of_scope: 4,
  not_certified: 4,
  missing: 4,
  refused_derogation: 5,
};

type ServicePart = {
  reach: ReachEntry[];
  transfers: { entry: TransferEntry; recipientVendor: VendorNode; loc: LocationNode }[];
  exposure: Map<string, ExposureEntry>;
  secNumCloud: SecNumCloudCheck[];
  nonEuAccess: { service: string; vendor: string }[];
};

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
    const part: ServicePart = { reach: [], transfers: [], exposure: new Map(), secNumCloud: [], nonEuAccess: [] };
    for (const visit of walkServices(graph, serviceId)) {
      const vendor = visit.service.vendor;
      const snc = checkSecNumCloud(visit.service, graph, facts);
      if (snc) part.secNumCloud.push(snc);
      if (visit.service.nonEuAccess === true) part.nonEuAccess.push({ service: visit.service.name, vendor: vendor.name });
      for (const loc of visit.service.locations) {
        part.reach.push({ country: loc.country, region: loc.region, role: loc.role, chain: visit.chain, serviceId: visit.service.id, ownHosting: false });
        if (facts.isEea(loc.country)) continue;
        // The organisation that receives the data is the one operating the location: the sub-processor when there is one.
        const provider = loc.providerServiceId ? graph.get(loc.providerServiceId) : undefined;
        const recipient = provider ? provider.vendor : vendor;
        part.transfers.push({
          entry: {
            country: loc.country,
            chain: provider ? [...visit.chain, provider.vendor.name] : visit.chain,
            recipient: recipient.name,
            source: "computed",
            adequacy: null,
            status: "missing",
            safeguard: loc.safeguard,
            tiaMissing: false,
          },
          recipientVendor: recipient,
          loc,
        });
      }
      const jurisdictions: [string, "establishment" | "parent"][] = [[vendor.country, "establishment"]];
      if (vendor.parentCountry && vendor.parentCountry !== vendor.country) jurisdictions.push([vendor.parentCountry, "parent"]);
      for (const [j, via] of jurisdictions) {
        if (facts.isEea(j)) continue;
        mergeExposure(
          part.exposure,
          {
            jurisdiction: j,
            laws: facts.laws(j),
            vendor: vendor.name,
            via,
            chain: visit.chain,
            shielded: false,
            shieldReason: null,
            secNumCloudContradiction: visit.service.secNumCloudQualified,
          },
          vendor.id,
        );
      }
    }
    parts.set(serviceId, part);
    return part;
  };

  return function analyse(input: ActivityInput): Analysis {
    const publicPowers = input.publicPowers ?? null;
    const reach: ReachEntry[] = [];
    const transfers = new Map<string, TransferEntry>();
    const exposure = new Map<string, ExposureEntry>();
    const secNumCloud = new Map<string, SecNumCloudCheck>();
    const toVerify: ToVerify[] = [];
    let level: ExposureLevel = input.links.length || input.declaredTransfers.length ? "eu" : "unknown";
    const raise = (l: ExposureLevel) => {
      if (LEVEL_RANK[l] > LEVEL_RANK[level]) level = l;
    };
    // Each transfer is counted once: one per receiving organisation, country and source, the worst status kept.
    const addTransfer = (t: TransferEntry) => {
      const key = `${t.source}|${t.country}|${t.recipient}`;
      const prev = transfers.get(key);
      if (!prev || TRANSFER_RANK[t.status] > TRANSFER_RANK[prev.status] || (prev.status === t.status && t.tiaMissing && !prev.tiaMissing))
        transfers.set(key, prev ? { ...t, structural: t.structural || prev.structural } : t);
    };
    const nonEuAccess: { service: string; vendor: string }[] = [];

    for (const link of input.links) {
      if (link.site) {
        reach.push({ country: link.site.country, region: null, role: "STORAGE", chain: [link.site.name], serviceId: null, ownHosting: true });
        if (!facts.isEea(link.site.country)) {
          const c = classify(
            link.site.country,
            facts,
            { certified: null, establishedIn: null, kind: "public_authority", own: true },
            null,
            false,
            publicPowers,
            null,
          );
          addTransfer({
            country: link.site.country,
            chain: [link.site.name],
            recipient: link.site.name,
            source: "own_site",
            adequacy: c.adequacy,
            status: c.status,
            safeguard: null,
            tiaMissing: false,
            missingFact: c.missingFact ?? null,
          });
        }
        continue;
      }
      // Software whose vendor never touches the data sends it nowhere.
      if (!link.serviceId || link.role === "SOFTWARE_NO_ACCESS") continue;
      const part = partOf(link.serviceId);
      reach.push(...part.reach);
      for (const { entry, recipientVendor, loc } of part.transfers) {
        const derogation = Boolean(loc.safeguard?.startsWith("ART49_"));
        const c = classify(
          loc.country,
          facts,
          { certified: recipientVendor.dpfCertified, establishedIn: recipientVendor.country, kind: "private_company" },
          loc.safeguard,
          loc.tiaDone,
          publicPowers,
          null,
        );
        // Hosting and support are repeated by nature: Art. 49 allows derogations for occasional transfers only (EDPB Guidelines 2/2018).
        addTransfer({
          ...entry,
          adequacy: c.adequacy,
          status: c.status,
          tiaMissing: c.tiaMissing,
          missingFact: c.missingFact ?? null,
          structural: derogation && c.status !== "adequate" && c.status !== "adequate_certified",
          art49Point: derogation ? loc.safeguard!.slice(7).toLowerCase() : null,
        });
      }
      for (const [key, e] of part.exposure) mergeExposure(exposure, e, key);
      for (const s of part.secNumCloud) secNumCloud.set(`${s.vendor}|${s.service}`, s);
      nonEuAccess.push(...part.nonEuAccess);
    }

    for (const d of input.declaredTransfers) {
      const kind: RecipientKind | null = (RECIPIENT_KINDS as readonly string[]).includes(d.recipientKind ?? "") ? (d.recipientKind as RecipientKind) : null;
      // An international organisation is a Chapter V recipient even when its seat is in the EEA.
      if (facts.isEea(d.country) && kind !== "international_organisation") continue;
      // A declared recipient is taken to be established in the country of destination.
      const c = classify(
        d.country,
        facts,
        { certified: d.dpfCertified ?? null, establishedIn: d.country, kind },
        d.safeguard,
        Boolean(d.tiaDone),
        publicPowers,
        d.art49Point ?? null,
      );
      // A declared "adequacy" safeguard to a country without adequacy is not one.
      const status: TransferStatus = d.safeguard === "adequacy" && !c.adequacy && c.status !== "to_verify" ? "missing" : c.status;
      addTransfer({
        country: d.country,
        chain: [],
        recipient: d.recipient,
        source: "declared",
        adequacy: c.adequacy,
        status,
        safeguard: d.safeguard,
        tiaMissing: c.tiaMissing,
        missingFact: c.missingFact ?? null,
        recipientKind: kind ?? undefined,
        art49Point: d.art49Point ?? null,
      });
    }

    const transferList = [...transfers.values()];
    for (const r of reach) if (!facts.isEea(r.country)) raise("adequate");
    for (const e of exposure.values()) if (e.laws.length > 0 || facts.adequacy(e.jurisdiction) === null) raise("foreign_law");
    for (const t of transferList) {
      if (t.status === "missing" || t.status === "not_certified" || t.status === "refused_derogation" || t.status === "out_of_scope")
        raise("unsafeguarded_transfer");
      else if (t.status === "derogation") raise("derogation");
      else if (t.status === "safeguarded") raise("safeguarded_transfer");
      else if (t.status === "to_verify") raise("to_verify");
      if (t.missingFact) toVerify.push({ fact: t.missingFact, subject: t.recipient, country: t.country });
    }
    const checks = [...secNumCloud.values()];
    for (const s of checks) for (const m of s.missing) toVerify.push({ fact: `secNumCloud.${m}`, subject: `${s.vendor} — ${s.service}` });
    for (const a of nonEuAccess) {
      // Technical access by a non-EU entity whose country is not recorded as a support location: the law reaching it is unknown.
      toVerify.push({ fact: "nonEuAccessCountry", subject: `${a.vendor} — ${a.service}` });
      raise("to_verify");
    }

    const countries = [...new Set(reach.map((r) => r.country).concat(transferList.map((t) => t.country)))].sort();
    const exposureList = [...exposure.values()];
    return {
      reach,
      countries,
      transfers: transferList,
      exposure: exposureList,
      secNumCloud: checks,
      toVerify,
      level,
      reasons: explainReasons ? explain(level, reach, transferList, exposureList, checks, toVerify, facts) : [],
    };
  };
}

/** Keyed by jurisdiction, vendor and route. */
function mergeExposure(into: Map<string, ExposureEntry>, e: ExposureEntry, vendorKey: string) {
  const key = vendorKey.includes("|") ? vendorKey : `${e.jurisdiction}|${vendorKey}|${e.via}`;
  const prev = into.get(key);
  if (!prev) into.set(key, e);
  else if (e.secNumCloudContradiction && !prev.secNumCloudContradiction) into.set(key, { ...prev, secNumCloudContradiction: true });
}

/**
 * Plain-language reasons, as i18n keys with parameters (the UI and the PDF translate them). Parameters
 * named `country` hold an ISO code and `list` a comma-separated list of codes: the translator turns them
 * into names with the right preposition (app/utils/sovereignty-text.ts).
 */
function explain(
  level: ExposureLevel,
  reach: ReachEntry[],
  transfers: TransferEntry[],
  exposure: ExposureEntry[],
  checks: SecNumCloudCheck[],
  toVerify: ToVerify[],
  facts: CountryFacts,
): Reason[] {
  const reasons: Reason[] = [];
  if (level === "unknown") return [{ key: "sovereignty.reason.unknown" }];
  const outside = [...new Set(reach.map((r) => r.country))];
  reasons.push({ key: "sovereignty.reason.countries", params: { count: outside.length, list: outside.join(", ") } });
  for (const t of transfers) {
    const who = t.chain.length ? t.chain.join(" → ") : t.recipient;
    const key = t.recipientKind === "international_organisation" ? `sovereignty.reason.transferIo.${t.status}` : `sovereignty.reason.transfer.${t.status}`;
    reasons.push({ key, params: { country: t.country, who, recipient: t.recipient, safeguard: t.safeguard ?? "" } });
    if (t.structural) reasons.push({ key: "sovereignty.reason.derogationStructural", params: { country: t.country, who } });
    if (t.status === "derogation" && t.art49Point === "d") reasons.push({ key: "sovereignty.reason.art49d", params: { country: t.country, who } });
    if (t.missingFact && t.status !== "to_verify")
      reasons.push({ key: `sovereignty.reason.missing.${t.missingFact}`, params: { country: t.country, who, recipient: t.recipient } });
    if (t.tiaMissing) reasons.push({ key: "sovereignty.reason.tiaMissing", params: { country: t.country, who } });
  }
  const context = new Set<string>();
  for (const e of exposure) {
    const laws = e.laws.map((l) => l.name).join(", ");
    reasons.push({
      key:
        e.laws.length === 0
          ? "sovereignty.reason.exposure.noKnownLaw"
          : e.via === "parent"
            ? "sovereignty.reason.exposure.parent"
            : "sovereignty.reason.exposure.establishment",
      params: { vendor: e.vendor, country: e.jurisdiction, laws: laws || "—", chain: e.chain.join(" → ") },
    });
    if (e.secNumCloudContradiction) reasons.push({ key: "sovereignty.reason.secNumCloud.exposed", params: { vendor: e.vendor, country: e.jurisdiction } });
    for (const l of facts.contextLaws?.(e.jurisdiction) ?? []) context.add(`${e.jurisdiction}|${l.name}`);
  }
  for (const c of context) {
    const [country, law] = c.split("|") as [string, string];
    reasons.push({ key: "sovereignty.reason.exposure.context", params: { country, laws: law } });
  }
  for (const s of checks) {
    const params = { vendor: s.vendor, service: s.service, facts: (s.status === "contradiction" ? s.contradictions : s.missing).join(", ") };
    reasons.push({ key: `sovereignty.reason.secNumCloud.${s.status}`, params });
  }
  for (const v of toVerify)
    if (v.fact === "nonEuAccessCountry") reasons.push({ key: "sovereignty.reason.missing.nonEuAccessCountry", params: { who: v.subject } });
  if (level === "eu" && exposure.length === 0) reasons.push({ key: "sovereignty.reason.euOnly" });
  return reasons;
}

export function compareLevels(a: ExposureLevel, b: ExposureLevel): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/**
 * Whether a record is an exercise of public powers (Art. 49(3)): the official-authority basis of
 * Art. 6(1)(e), or a law-enforcement activity (Directive 2016/680). Otherwise the record cannot tell.
 */
export function publicPowersOf(c: { regime?: string | null; legalBases: { basis: string }[] }): boolean | null {
  if (c.regime === "LED" || c.legalBases.some((b) => b.basis === "e_official_authority")) return true;
  return null;
}
