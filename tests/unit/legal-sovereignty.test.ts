/**
 * Issue 10, points 1-9: the sovereignty analysis only draws a firm conclusion the recorded facts
 * support, and otherwise says "to verify" and names the missing fact. Each case failed before the fix.
 */
import { describe, expect, it } from "vitest";
import {
  checkSecNumCloud,
  createAnalyser,
  publicPowersOf,
  type ActivityInput,
  type ServiceGraph,
  type ServiceNode,
  type VendorNode,
} from "~/analysis/sovereignty.ts";
import { countryFacts } from "~/models/sovereignty.server.ts";
import { adequacyFor, contextLawsFor, countryList, inCountry, lawsFor } from "~/reference/countries.ts";
import { serverTranslator } from "~/utils/messages.server.ts";
import { translateReason } from "~/utils/sovereignty-text.ts";
import { VendorFormSchema } from "~/schemas/vendor.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";

function vendor(id: string, country: string, extra: Partial<VendorNode> = {}): VendorNode {
  return { id, name: id, country, parentName: null, parentCountry: null, dpfCertified: null, ...extra };
}
function service(id: string, v: VendorNode, locations: Partial<ServiceNode["locations"][number]>[], extra: Partial<ServiceNode> = {}): ServiceNode {
  return {
    id,
    name: id,
    vendor: v,
    secNumCloudQualified: false,
    locations: locations.map((l) => ({ role: "STORAGE", country: "FR", region: null, providerServiceId: null, safeguard: null, tiaDone: false, ...l })),
    ...extra,
  };
}
const graph = (...s: ServiceNode[]): ServiceGraph => new Map(s.map((x) => [x.id, x]));
const uses = (...ids: string[]): ActivityInput => ({ links: ids.map((serviceId) => ({ role: "PROCESSOR", serviceId, site: null })), declaredTransfers: [] });
const declared = (...d: ActivityInput["declaredTransfers"]): ActivityInput => ({ links: [], declaredTransfers: d });

const euSnc = (extra: Partial<ServiceNode> = {}, v: Partial<VendorNode> = {}) =>
  service("snc", vendor("Cloud FR", "FR", { shareholdingWithinLimits: true, ...v }), [{ country: "FR" }], {
    secNumCloudQualified: true,
    secNumCloudVersion: "3.2",
    secNumCloudScope: "IaaS",
    nonEuAccess: false,
    ...extra,
  });

describe("1. SecNumCloud shielding (SecNumCloud 3.2 § 19.6)", () => {
  const check = (s: ServiceNode, ...more: ServiceNode[]) => checkSecNumCloud(s, graph(s, ...more), countryFacts)!;
  it("immune only with version 3.2, a scope, EU vendor and parent, shareholding within limits and no non-EU access", () => {
    expect(check(euSnc())).toMatchObject({ status: "immune", contradictions: [], missing: [] });
  });
  it("an older version is a contradiction", () => {
    expect(check(euSnc({ secNumCloudVersion: "3.1" }))).toMatchObject({ status: "contradiction", contradictions: ["secNumCloudVersion"] });
  });
  it("missing version, scope, shareholding or access facts are named as to verify", () => {
    const c = check(euSnc({ secNumCloudVersion: null, secNumCloudScope: null, nonEuAccess: null }, { shareholdingWithinLimits: null }));
    expect(c.status).toBe("to_verify");
    expect(c.missing.sort()).toEqual(["nonEuAccess", "secNumCloudScope", "secNumCloudVersion", "shareholding"]);
  });
  it("non-EU shareholding, non-EU technical access, a non-EU parent or support location contradict it", () => {
    expect(check(euSnc({}, { shareholdingWithinLimits: false })).contradictions).toEqual(["shareholding"]);
    expect(check(euSnc({ nonEuAccess: true })).contradictions).toEqual(["nonEuAccess"]);
    expect(check(euSnc({}, { parentName: "P", parentCountry: "US" })).contradictions).toEqual(["parentOutsideEu"]);
    expect(
      check(euSnc({ locations: [{ role: "SUPPORT", country: "IN", region: null, providerServiceId: null, safeguard: null, tiaDone: false }] })).contradictions,
    ).toEqual(["locationOutsideEu"]);
  });
  it("a non-EU technical access makes the activity 'to verify' and names the missing country", () => {
    const a = createAnalyser(graph(euSnc({ nonEuAccess: true })), countryFacts)(uses("snc"));
    expect(a.level).toBe("to_verify");
    expect(a.toVerify).toEqual([expect.objectContaining({ fact: "nonEuAccessCountry" })]);
  });
  it("support companies reached through the qualified service stay exposed", () => {
    const support = service("sup", vendor("Support US", "US", { dpfCertified: true }), [{ role: "SUPPORT", country: "US" }]);
    const snc = euSnc({
      locations: [
        { role: "STORAGE", country: "FR", region: null, providerServiceId: null, safeguard: null, tiaDone: false },
        { role: "SUPPORT", country: "FR", region: null, providerServiceId: "sup", safeguard: null, tiaDone: false },
      ],
    });
    const a = createAnalyser(graph(snc, support), countryFacts)(uses("snc"));
    expect(a.exposure).toEqual([expect.objectContaining({ vendor: "Support US", jurisdiction: "US", shielded: false })]);
    expect(a.level).toBe("foreign_law");
  });
});

describe("2. Art. 49 derogations", () => {
  it("a declared derogation without its point is 'derogation' with the point to verify", () => {
    const a = createAnalyser(graph(), countryFacts)(declared({ country: "MA", recipient: "R", safeguard: "art49_derogation" }));
    expect(a.transfers[0]).toMatchObject({ status: "derogation", missingFact: "art49Point" });
    expect(a.level).toBe("derogation");
  });
  it("Art. 49(3) applies to declared transfers in the exercise of public powers", () => {
    const a = createAnalyser(
      graph(),
      countryFacts,
    )({ ...declared({ country: "MA", recipient: "R", safeguard: "art49_derogation", art49Point: "a" }), publicPowers: true });
    expect(a.transfers[0]!.status).toBe("refused_derogation");
    expect(
      translateReason(
        a.reasons.find((r) => r.key.endsWith("refused_derogation"))!,
        serverTranslator("fr"),
      ),
    ).toMatch(/prérogatives de puissance publique/);
  });
  it("point (d) calls for the law recognising the public interest", () => {
    const a = createAnalyser(graph(), countryFacts)(declared({ country: "MA", recipient: "R", safeguard: "art49_derogation", art49Point: "d" }));
    expect(a.transfers[0]).toMatchObject({ status: "derogation", missingFact: "publicInterestLaw" });
  });
  it("derogation ranks below safeguarded", () => {
    const a = createAnalyser(
      graph(),
      countryFacts,
    )(
      declared(
        { country: "MA", recipient: "R", safeguard: "scc", tiaDone: true },
        { country: "IN", recipient: "S", safeguard: "art49_derogation", art49Point: "e" },
      ),
    );
    expect(a.level).toBe("derogation");
  });
  it("public powers come from the official-authority basis or the LED regime", () => {
    expect(publicPowersOf({ regime: "GDPR", legalBases: [{ basis: "e_official_authority" }] })).toBe(true);
    expect(publicPowersOf({ regime: "LED", legalBases: [] })).toBe(true);
    expect(publicPowersOf({ regime: "GDPR", legalBases: [{ basis: "c" }] })).toBeNull();
  });
});

describe("3. DPF is US-only and judged on the actual recipient", () => {
  it("the vendor form refuses a DPF flag on a non-US vendor, with a translated error key", () => {
    const r = VendorFormSchema.safeParse({ name: "MS IE", country: "IE", dpfCertified: "yes", dpfCheckedAt: "2026-10-05" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toContain("errors.dpfUsOnly");
    expect(VendorFormSchema.safeParse({ name: "MS", country: "US", dpfCertified: "yes", dpfCheckedAt: "2026-10-05" }).success).toBe(true);
  });
  it("a location run by a US sub-processor is judged on the sub-processor's certification, and counted once", () => {
    const corp = vendor("Corp US", "US", { dpfCertified: true });
    const ie = vendor("Corp IE", "IE", { parentName: "Corp", parentCountry: "US", dpfCertified: null });
    const support = service("sup", corp, [{ role: "SUPPORT", country: "US" }]);
    const main = service("m365", ie, [{ country: "FR" }, { role: "SUPPORT", country: "US", providerServiceId: "sup" }]);
    const a = createAnalyser(graph(main, support), countryFacts)(uses("m365"));
    expect(a.transfers).toHaveLength(1);
    expect(a.transfers[0]).toMatchObject({ country: "US", recipient: "Corp US", status: "adequate_certified" });
  });
  it("a US location listed by a non-US vendor without a named US recipient is to verify", () => {
    const a = createAnalyser(graph(service("yt", vendor("Google IE", "IE", { dpfCertified: true }), [{ country: "US" }])), countryFacts)(uses("yt"));
    expect(a.transfers[0]).toMatchObject({ status: "to_verify", missingFact: "usRecipient" });
    expect(a.level).toBe("to_verify");
  });
});

describe("4. Partial adequacy scopes", () => {
  it("Japan and Canada: a public authority is out of scope, a private company in scope", () => {
    for (const country of ["JP", "CA"]) {
      expect(
        createAnalyser(graph(), countryFacts)(declared({ country, recipient: "R", safeguard: "adequacy", recipientKind: "public_authority" })).transfers[0]!
          .status,
      ).toBe("out_of_scope");
      expect(
        createAnalyser(graph(), countryFacts)(declared({ country, recipient: "R", safeguard: "adequacy", recipientKind: "private_company" })).transfers[0]!
          .status,
      ).toBe("adequate");
    }
    expect(adequacyFor("JP")?.scope).toBe("private_sector");
  });
  it("a vendor location in Canada run by a company not established there is to verify", () => {
    const a = createAnalyser(graph(service("s", vendor("Lib FR", "FR"), [{ role: "SUPPORT", country: "CA" }])), countryFacts)(uses("s"));
    expect(a.transfers[0]).toMatchObject({ status: "to_verify", missingFact: "pipedaScope" });
  });
  it("the organization's own site in the US is never covered by the DPF", () => {
    const a = createAnalyser(
      graph(),
      countryFacts,
    )({ links: [{ role: "HOSTING", serviceId: null, site: { name: "Site US", country: "US" } }], declaredTransfers: [] });
    expect(a.transfers[0]).toMatchObject({ source: "own_site", status: "missing" });
    expect(a.level).toBe("unsafeguarded_transfer");
    const ch = createAnalyser(
      graph(),
      countryFacts,
    )({ links: [{ role: "HOSTING", serviceId: null, site: { name: "Site CH", country: "CH" } }], declaredTransfers: [] });
    expect(ch.level).toBe("adequate");
  });
});

describe("5. Transfer impact assessments", () => {
  it("every Art. 46 tool needs a TIA, declared transfers included", () => {
    for (const safeguard of ["scc", "bcr", "art46_3b", "art46_2a"]) {
      const a = createAnalyser(graph(), countryFacts)(declared({ country: "MA", recipient: "R", safeguard }));
      expect(a.transfers[0]!.tiaMissing, safeguard).toBe(true);
      expect(createAnalyser(graph(), countryFacts)(declared({ country: "MA", recipient: "R", safeguard, tiaDone: true })).transfers[0]!.tiaMissing).toBe(false);
    }
    const loc = createAnalyser(graph(service("s", vendor("V", "FR"), [{ role: "SUPPORT", country: "MA", safeguard: "ART46_3B" }])), countryFacts)(uses("s"));
    expect(loc.transfers[0]!.tiaMissing).toBe(true);
  });
});

describe("6. Laws that compel a provider", () => {
  it("EO 12333 is explained but not counted as compelling", () => {
    expect(lawsFor("US").map((l) => l.id)).toEqual(["us-cloud-act", "us-fisa-702"]);
    expect(contextLawsFor("US").map((l) => l.id)).toEqual(["us-eo-12333"]);
    const a = createAnalyser(graph(service("s", vendor("US Co", "US", { dpfCertified: true }), [{ country: "FR" }])), countryFacts)(uses("s"));
    expect(a.exposure[0]!.laws.map((l) => l.id)).not.toContain("us-eo-12333");
    expect(a.reasons.find((r) => r.key === "sovereignty.reason.exposure.context")?.params?.laws).toBe("Executive Order 12333");
  });
});

describe("7. International organisations (Art. 30(1)(e))", () => {
  it("a transfer to an international organisation is recorded and analysed even with its seat in the EEA", () => {
    const content = ActivityContentSchema.parse({
      name: "x",
      transfers: [{ country: "DE", recipient: "Office européen des brevets", safeguard: "none", recipientKind: "international_organisation" }],
    });
    const a = createAnalyser(graph(), countryFacts)({ links: [], declaredTransfers: content.transfers });
    expect(a.transfers[0]).toMatchObject({ recipientKind: "international_organisation", status: "missing" });
    expect(a.reasons.map((r) => r.key)).toContain("sovereignty.reason.transferIo.missing");
  });
});

describe("8. Explanations name countries with French prepositions", () => {
  it("aux États-Unis, en Irlande, au Maroc, à Singapour; lists of names", () => {
    expect(inCountry("US", "fr")).toBe("aux États-Unis");
    expect(inCountry("IE", "fr")).toBe("en Irlande");
    expect(inCountry("MA", "fr")).toBe("au Maroc");
    expect(inCountry("SG", "fr")).toBe("à Singapour");
    expect(inCountry("US", "en")).toBe("in the United States");
    expect(countryList(["FR", "IE", "US"], "fr")).toBe("France, Irlande, États-Unis");
    const a = createAnalyser(graph(service("s", vendor("Sondages Inc", "US", { dpfCertified: false }), [{ country: "US" }])), countryFacts)(uses("s"));
    const text = a.reasons.map((r) => translateReason(r, serverTranslator("fr"))).join(" ");
    expect(text).toContain("aux États-Unis");
    expect(text).not.toMatch(/en US|: US\b/);
  });
});

describe("9. Reference data as of its date", () => {
  it("Brazil: Implementing Decision (EU) 2026/179 of 26 January 2026; FISA 702 after April 2026 is to verify", () => {
    expect(adequacyFor("BR")).toMatchObject({ adopted: "2026-01-26", verify: false, reference: expect.stringContaining("2026/179") });
    const fisa = lawsFor("US").find((l) => l.id === "us-fisa-702")!;
    expect(fisa.verify).toBe(true);
    expect(fisa.fr).toMatch(/avril 2026/);
  });
});
