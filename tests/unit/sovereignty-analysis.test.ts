import { describe, expect, it } from "vitest";
import { createAnalyser, walkServices, type ActivityInput, type ServiceGraph, type ServiceNode, type VendorNode } from "~/analysis/sovereignty.ts";
import { countryFacts } from "~/models/sovereignty.server.ts";

function vendor(id: string, country: string, extra: Partial<VendorNode> = {}): VendorNode {
  return { id, name: id, country, parentName: null, parentCountry: null, dpfCertified: null, ...extra };
}
function service(id: string, v: VendorNode, locations: Partial<ServiceNode["locations"][number]>[], secNumCloudQualified = false): ServiceNode {
  return {
    id,
    name: id,
    vendor: v,
    secNumCloudQualified,
    locations: locations.map((l) => ({ role: "STORAGE", country: "FR", region: null, providerServiceId: null, safeguard: null, tiaDone: false, ...l })),
  };
}
function graph(...services: ServiceNode[]): ServiceGraph {
  return new Map(services.map((s) => [s.id, s]));
}
const uses = (...ids: string[]): ActivityInput => ({ links: ids.map((serviceId) => ({ role: "PROCESSOR", serviceId, site: null })), declaredTransfers: [] });

const frEditor = vendor("Éditeur FR", "FR");
const usParented = vendor("Cloud IE", "IE", { parentName: "Cloud Inc.", parentCountry: "US", dpfCertified: true });
const usCertified = vendor("Mailer US", "US", { dpfCertified: true });
const usUncertified = vendor("Survey US", "US", { dpfCertified: false });

describe("exposure levels", () => {
  it("unknown when nothing is recorded", () => {
    const a = createAnalyser(graph(), countryFacts)({ links: [], declaredTransfers: [] });
    expect(a.level).toBe("unknown");
    expect(a.reasons).toEqual([{ key: "sovereignty.reason.unknown" }]);
  });

  it("eu for an EU vendor hosting in the EU", () => {
    const a = createAnalyser(graph(service("s", frEditor, [{ country: "FR" }, { role: "BACKUP", country: "DE" }])), countryFacts)(uses("s"));
    expect(a.level).toBe("eu");
    expect(a.countries).toEqual(["DE", "FR"]);
    expect(a.transfers).toEqual([]);
    expect(a.exposure).toEqual([]);
  });

  it("eu for the organization's own data centre", () => {
    const a = createAnalyser(
      graph(),
      countryFacts,
    )({ links: [{ role: "HOSTING", serviceId: null, site: { name: "Salle serveurs", country: "FR" } }], declaredTransfers: [] });
    expect(a.level).toBe("eu");
    expect(a.reach).toEqual([expect.objectContaining({ country: "FR", ownHosting: true })]);
  });

  it("foreign_law when a US-parented vendor keeps the data in the EU (CLOUD Act)", () => {
    const a = createAnalyser(graph(service("m365", usParented, [{ country: "IE" }, { country: "NL" }])), countryFacts)(uses("m365"));
    expect(a.level).toBe("foreign_law");
    expect(a.transfers).toEqual([]);
    expect(a.exposure).toEqual([expect.objectContaining({ jurisdiction: "US", via: "parent", vendor: "Cloud IE", shielded: false })]);
    expect(a.exposure[0]!.laws.map((l) => l.name).join(" ")).toMatch(/CLOUD Act/);
    expect(a.reasons.map((r) => r.key)).toContain("sovereignty.reason.exposure.parent");
  });

  // Issue 10 point 1: a vendor whose parent is outside the EU cannot be immune (SecNumCloud 3.2 § 19.6).
  it("a SecNumCloud tick on a US-parented vendor is a contradiction, not a shield", () => {
    const a = createAnalyser(graph(service("snc", usParented, [{ country: "FR" }], true)), countryFacts)(uses("snc"));
    expect(a.exposure).toEqual([expect.objectContaining({ jurisdiction: "US", shielded: false, secNumCloudContradiction: true })]);
    expect(a.level).toBe("foreign_law");
    expect(a.secNumCloud[0]).toMatchObject({ status: "contradiction", contradictions: ["parentOutsideEu"] });
    expect(a.reasons.map((r) => r.key)).toContain("sovereignty.reason.secNumCloud.exposed");
    expect(a.reasons.map((r) => r.key)).not.toContain("sovereignty.reason.exposure.shielded");
  });

  it("adequate for a full adequacy country (Switzerland)", () => {
    const ch = vendor("Swiss", "CH");
    const a = createAnalyser(graph(service("s", ch, [{ country: "CH" }])), countryFacts)(uses("s"));
    expect(a.transfers).toEqual([expect.objectContaining({ country: "CH", status: "adequate", adequacy: "full" })]);
    // Switzerland is outside the EEA but adequate, with no known extraterritorial access law: listed, not "exposed".
    expect(a.level).toBe("adequate");
    expect(a.exposure[0]).toMatchObject({ jurisdiction: "CH", laws: [] });
    // A non-adequate jurisdiction exposes even without a listed law.
    const ma = createAnalyser(graph(service("m", vendor("Maroc", "MA"), [{ country: "FR" }])), countryFacts)(uses("m"));
    expect(ma.level).toBe("foreign_law");
  });

  it("US only adequate for a DPF-certified vendor; an uncertified one needs a safeguard", () => {
    const ok = createAnalyser(graph(service("mail", usCertified, [{ country: "US" }])), countryFacts)(uses("mail"));
    expect(ok.transfers[0]).toMatchObject({ country: "US", status: "adequate_certified", adequacy: "dpf_certified" });
    expect(ok.level).toBe("foreign_law");
    const ko = createAnalyser(graph(service("survey", usUncertified, [{ country: "US" }])), countryFacts)(uses("survey"));
    expect(ko.transfers[0]).toMatchObject({ status: "not_certified" });
    expect(ko.level).toBe("unsafeguarded_transfer");
    const sccs = createAnalyser(
      graph(service("survey", usUncertified, [{ country: "US", safeguard: "SCC_C2P", tiaDone: true }])),
      countryFacts,
    )(uses("survey"));
    expect(sccs.transfers[0]).toMatchObject({ status: "safeguarded", tiaMissing: false });
    expect(sccs.level).toBe("safeguarded_transfer");
  });

  it("remote support from a non-adequate country: with SCCs, without, and without a TIA", () => {
    const ma = (safeguard: string | null, tiaDone: boolean) =>
      service("s", frEditor, [{ country: "FR" }, { role: "SUPPORT", country: "MA", safeguard, tiaDone }]);
    const withScc = createAnalyser(graph(ma("SCC_P2P", true)), countryFacts)(uses("s"));
    expect(withScc.level).toBe("safeguarded_transfer");
    expect(withScc.transfers[0]).toMatchObject({ country: "MA", status: "safeguarded", safeguard: "SCC_P2P" });
    const noTia = createAnalyser(graph(ma("SCC_P2P", false)), countryFacts)(uses("s"));
    expect(noTia.transfers[0]!.tiaMissing).toBe(true);
    expect(noTia.reasons.map((r) => r.key)).toContain("sovereignty.reason.tiaMissing");
    const without = createAnalyser(graph(ma(null, false)), countryFacts)(uses("s"));
    expect(without.transfers[0]).toMatchObject({ status: "missing" });
    expect(without.level).toBe("unsafeguarded_transfer");
  });

  // Issue 10 point 2: Art. 49(3) bars (a)-(c) only for public authorities exercising their public powers;
  // any derogation is its own level, below "safeguarded", and never a safeguard.
  it("refuses Art. 49(1)(a)-(c) derogations in the exercise of public powers; others are derogations, not safeguards", () => {
    for (const d of ["ART49_1A", "ART49_1B", "ART49_1C"]) {
      const g = graph(service("s", frEditor, [{ role: "SUPPORT", country: "IN", safeguard: d }]));
      const a = createAnalyser(g, countryFacts)({ ...uses("s"), publicPowers: true });
      expect(a.transfers[0]!.status, d).toBe("refused_derogation");
      expect(a.level).toBe("unsafeguarded_transfer");
      const unknown = createAnalyser(g, countryFacts)(uses("s"));
      expect(unknown.transfers[0]).toMatchObject({ status: "derogation", missingFact: "publicPowers" });
      expect(unknown.toVerify).toEqual(expect.arrayContaining([expect.objectContaining({ fact: "publicPowers" })]));
    }
    const d = createAnalyser(graph(service("s", frEditor, [{ role: "SUPPORT", country: "IN", safeguard: "ART49_1D" }])), countryFacts)(uses("s"));
    expect(d.transfers[0]).toMatchObject({ status: "derogation", structural: true, missingFact: "publicInterestLaw" });
    expect(d.level).toBe("derogation");
    expect(d.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(["sovereignty.reason.derogationStructural", "sovereignty.reason.art49d"]));
  });

  it("declared transfers count too: 'none' is missing, a false 'adequacy' claim is missing", () => {
    const run = (country: string, safeguard: string) =>
      createAnalyser(graph(), countryFacts)({ links: [], declaredTransfers: [{ country, recipient: "R", safeguard }] });
    expect(run("CN", "none").transfers[0]!.status).toBe("missing");
    expect(run("CN", "none").level).toBe("unsafeguarded_transfer");
    expect(run("CN", "adequacy").transfers[0]!.status).toBe("missing");
    // Issue 10 point 4: Japan's decision covers APPI business operators only.
    expect(run("JP", "adequacy").transfers[0]).toMatchObject({ status: "to_verify", missingFact: "recipientKind" });
    expect(run("CN", "scc").level).toBe("safeguarded_transfer");
  });

  it("software without data access sends data nowhere", () => {
    const a = createAnalyser(
      graph(service("s", usUncertified, [{ country: "US" }])),
      countryFacts,
    )({ links: [{ role: "SOFTWARE_NO_ACCESS", serviceId: "s", site: null }], declaredTransfers: [] });
    expect(a.reach).toEqual([]);
    expect(a.level).toBe("eu");
  });

  it("the worst factor wins", () => {
    const g = graph(
      service("ok", frEditor, [{ country: "FR" }]),
      service("bad", usUncertified, [{ country: "US" }]),
      service("cloud", usParented, [{ country: "IE" }]),
    );
    expect(createAnalyser(g, countryFacts)(uses("ok", "cloud")).level).toBe("foreign_law");
    expect(createAnalyser(g, countryFacts)(uses("ok", "cloud", "bad")).level).toBe("unsafeguarded_transfer");
  });
});

describe("sub-processor chains", () => {
  it("follows three levels and names the chain", () => {
    const backup = service("backup", vendor("Backup PL", "PL"), [{ role: "BACKUP", country: "PL" }]);
    const host = service("host", vendor("Hébergeur FR", "FR"), [{ country: "FR", providerServiceId: "backup" }]);
    const saas = service("saas", frEditor, [{ role: "PROCESSING", country: "FR", providerServiceId: "host" }]);
    const a = createAnalyser(graph(backup, host, saas), countryFacts)(uses("saas"));
    expect(a.reach.map((r) => [r.country, r.role, r.chain.join(" → ")])).toEqual([
      ["FR", "PROCESSING", "Éditeur FR"],
      ["FR", "STORAGE", "Éditeur FR → Hébergeur FR"],
      ["PL", "BACKUP", "Éditeur FR → Hébergeur FR → Backup PL"],
    ]);
    expect(a.level).toBe("eu");
  });

  it("a foreign sub-processor deep in the chain exposes the activity", () => {
    const deep = service("deep", usParented, [{ country: "DE" }]);
    const mid = service("mid", vendor("Mid FR", "FR"), [{ country: "FR", providerServiceId: "deep" }]);
    const top = service("top", frEditor, [{ country: "FR", providerServiceId: "mid" }]);
    const a = createAnalyser(graph(deep, mid, top), countryFacts)(uses("top"));
    expect(a.level).toBe("foreign_law");
    expect(a.exposure[0]!.chain).toEqual(["Éditeur FR", "Mid FR", "Cloud IE"]);
  });

  // Issue 10 point 1: shielding never extends to downstream sub-processors.
  it("a SecNumCloud service does not shield what runs below it", () => {
    const deep = service("deep", usParented, [{ country: "FR" }]);
    const snc = service("snc", vendor("SNC FR", "FR"), [{ country: "FR", providerServiceId: "deep" }], true);
    const a = createAnalyser(graph(deep, snc), countryFacts)(uses("snc"));
    expect(a.exposure[0]).toMatchObject({ shielded: false, vendor: "Cloud IE" });
    expect(a.level).toBe("foreign_law");
    expect(a.secNumCloud[0]).toMatchObject({ vendor: "SNC FR", status: "contradiction", contradictions: ["providerOutsideEu"] });
  });

  it("cycles end: each service is visited once and nothing hangs", () => {
    const a1 = service("a", vendor("A", "FR"), [{ country: "FR", providerServiceId: "b" }]);
    const b1 = service("b", vendor("B", "DE"), [{ country: "DE", providerServiceId: "c" }]);
    const c1 = service("c", vendor("C", "US"), [{ country: "US", providerServiceId: "a" }]);
    const g = graph(a1, b1, c1);
    expect(walkServices(g, "a").map((v) => v.service.id)).toEqual(["a", "b", "c"]);
    const r = createAnalyser(g, countryFacts)(uses("a"));
    expect(r.countries).toEqual(["DE", "FR", "US"]);
    // The US location is operated by A, a French company, so the US recipient is not known: to verify; the US law exposure stands.
    expect(r.transfers).toEqual([expect.objectContaining({ country: "US", status: "to_verify", missingFact: "usRecipient" })]);
    expect(r.level).toBe("foreign_law");
    const self = service("s", vendor("S", "FR"), [{ country: "FR", providerServiceId: "s" }]);
    expect(walkServices(graph(self), "s")).toHaveLength(1);
  });

  it("a very deep chain stops at the depth limit instead of running away", () => {
    const services: ServiceNode[] = [];
    for (let i = 0; i < 500; i++) services.push(service(`s${i}`, vendor(`V${i}`, "FR"), [{ country: "FR", providerServiceId: `s${i + 1}` }]));
    const visits = walkServices(graph(...services), "s0");
    expect(visits.length).toBeLessThanOrEqual(13);
    expect(visits.length).toBeGreaterThan(3);
  });

  it("dangling provider ids are ignored", () => {
    const a = createAnalyser(graph(service("s", frEditor, [{ country: "FR", providerServiceId: "gone" }])), countryFacts)(uses("s", "missing"));
    expect(a.countries).toEqual(["FR"]);
  });
});
