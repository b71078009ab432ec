/** DPV terms of the JSON-LD export: every IRI exists and is not sunset in the vendored DPV 2.3 term list. */
import { readFileSync } from "node:fs";
import path from "node:path";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { DPV_VERSION, jsonLdContext, registreNs, toJsonLd } from "~/documents/jsonld.ts";
import { REGISTRE_TERMS } from "~/documents/registre-vocabulary.ts";
import { RegisterExportSchema, type RegisterExport } from "~/schemas/register-export.ts";
import { projectRoot } from "~/utils/paths.ts";
import * as nsRoute from "~/routes/ns.ts";

const tsv = readFileSync(path.resolve(projectRoot, "app", "reference", "dpv-2.3-terms.tsv"), "utf8");
const TERMS = new Map(
  tsv
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]),
);
const DPV_NS = /^https:\/\/w3id\.org\/dpv[/#]/;

/** Every IRI of the expanded document: types, @id values and property names. */
function iris(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) iris(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (!k.startsWith("@")) out.add(k);
      if (k === "@id" && typeof v === "string") out.add(v);
      if (k === "@type" && !("@value" in value)) for (const t of Array.isArray(v) ? v : [v]) if (typeof t === "string") out.add(t);
      if (k !== "@value") iris(v, out);
    }
  }
  return out;
}

/** A register that uses every mapped category, subject, legal basis, measure, safeguard and a computed transfer. */
async function richExport(): Promise<RegisterExport> {
  const { buildFixtureExport } = await import("../helpers/register-export-fixture.ts");
  return buildFixtureExport();
}

// Seeding the demo register is slow on a busy machine.
beforeAll(() => richExport(), 240_000);

describe("DPV terms", () => {
  it("the vendored list states its DPV release, the same as the export", () => {
    expect(tsv).toMatch(/^# dpv-version: 2\.3$/m);
    expect(DPV_VERSION).toBe("2.3");
    expect(TERMS.size).toBeGreaterThan(250);
    expect(["accepted", "modified"]).toContain(TERMS.get("https://w3id.org/dpv/pd#Behavioural"));
  });

  it("every DPV IRI the JSON-LD export uses exists in DPV 2.3 and is not sunset", async () => {
    const data = await richExport();
    const doc = toJsonLd(data);
    expect((doc as Record<string, unknown>)["registre:dpvVersion"]).toBe(DPV_VERSION);
    const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, { safe: true } as jsonld.Options.Expand);
    const used = [...iris(expanded)].filter((i) => DPV_NS.test(i));
    expect(used.length).toBeGreaterThan(40);
    const unknown = used.filter((i) => !TERMS.has(i));
    const sunset = used.filter((i) => TERMS.get(i) === "sunset");
    expect(unknown).toEqual([]);
    expect(sunset).toEqual([]);
    expect(used).toContain("https://w3id.org/dpv/pd#Behavioural");
    expect(used).not.toContain("https://w3id.org/dpv/pd#Behavioral");
    expect(used).not.toContain("https://w3id.org/dpv#PersonalDataHandling");
  });

  it("the check itself fails on a sunset or unknown term", () => {
    expect(TERMS.has("https://w3id.org/dpv#PersonalDataHandling")).toBe(false);
    expect(TERMS.has("https://w3id.org/dpv/pd#Behavioral")).toBe(false);
  });

  it("the registre: namespace is the instance's PUBLIC_URL /ns, which documents every registre: term used", async () => {
    const data = await richExport();
    expect(jsonLdContext("https://rgpd.ville.example/").registre).toBe("https://rgpd.ville.example/ns#");
    const doc = toJsonLd(data, { publicUrl: "https://rgpd.ville.example" });
    expect((doc["@context"] as Record<string, string>).registre).toBe("https://rgpd.ville.example/ns#");
    const used = [...JSON.stringify(doc).matchAll(/"registre:([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(10);
    for (const term of used) expect(REGISTRE_TERMS, term).toHaveProperty(term);
    const res = nsRoute.loader({ request: new Request("http://localhost:3000/ns") });
    expect(res.headers.get("Content-Type")).toContain("application/ld+json");
    const vocab = JSON.parse(await res.text()) as { "@graph": { "@id": string }[] };
    expect(vocab["@graph"].map((t) => t["@id"])).toEqual(expect.arrayContaining(used.map((t) => `registre:${t}`)));
    expect(registreNs("http://localhost:3000")).toBe("http://localhost:3000/ns#");
  });

  it("transfers computed from vendors appear as dpv:CrossBorderTransfer to a loc: country", async () => {
    const data = await richExport();
    const computed = data.activities.flatMap((a) => a.analysis.transfers.filter((t) => t.source === "computed"));
    expect(computed.length).toBeGreaterThan(0);
    const text = JSON.stringify(toJsonLd(data));
    for (const t of computed)
      expect(text).toContain(
        `"dpv:hasThirdCountry":{"@id":"loc:${t.country}"},"dpv:hasRecipient":{"@type":"dpv:Recipient","dpv:hasName":${JSON.stringify(t.recipient)}},"registre:source":"computed"`,
      );
    expect(RegisterExportSchema.safeParse(data).success).toBe(true);
  });
});
