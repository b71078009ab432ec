/**
 * JSON-LD export of the register with the W3C Data Privacy Vocabulary, DPV 2.3 (DPV_VERSION; every
 * term used exists and is not "sunset" in app/reference/dpv-2.3-terms.tsv, checked by
 * tests/unit/dpv-terms.test.ts). A pure function: RegisterExport in, JSON-LD object out.
 * The @context is inline (no network fetch is ever needed to expand the document) and every key is a
 * keyword or a compact IRI with a declared prefix, so a standard processor (jsonld.expand) turns all of
 * them into absolute IRIs.
 *
 * Shape: one dpv:ROPA node (the register) → dpv:hasDataController → the organisation
 * (dpv:DataController, with dpv:hasDataProtectionOfficer → dpv:DataProtectionOfficer), and
 * dpv:hasProcess → one node per activity, typed dpv:Process (dpv:PersonalDataHandling is sunset in DPV 2.x).
 * Concepts (legal bases, personal data categories, data subject categories, countries) are given as
 * IRIs, as in the DPV primer (`ex:P dpv:hasPersonalData pd:Health`), so that a query for
 * `?p dpv:hasPersonalData pd:Health` finds them.
 *
 * The `registre:` namespace is `<PUBLIC_URL>/ns#` of the instance that wrote the file; that address
 * serves the documentation of its terms (app/routes/ns.ts, terms in app/documents/registre-vocabulary.ts; ADR 008). It holds
 * what DPV has no term for:
 *   registre:exposureLevel       sovereignty exposure level code of the activity (unknown | eu | adequate |
 *                                to_verify | foreign_law | safeguarded_transfer | derogation |
 *                                unsafeguarded_transfer, see
 *                                docs/decisions/006-exposure-scale.md); registre:exposureLevelLabel its labels;
 *                                registre:toVerify the facts it lacks (registre:fact, with fr/en labels)
 *   registre:status, registre:version, registre:completeness  workflow status code, approved version number,
 *                                completeness score (0–100) of the activity
 *   registre:regime, registre:role    GDPR | LED (Directive 2016/680); CONTROLLER | JOINT_CONTROLLER | PROCESSOR
 *   registre:department          the department (service) that owns the activity
 *   registre:purposeLevel        "main" or "sub" on a dpv:Purpose (CNIL: finalité principale / sous-finalité)
 *   registre:legalText           a legal basis (registre:legalBasis → eu-gdpr IRI) with the text it cites
 *                                (dct:description) and the purpose it covers (registre:purpose)
 *   registre:art10Basis          the ground for processing offence data (Art. 10), as text
 *   registre:category            the register's own code of a data category or data subject category
 *   registre:activePeriod, registre:intermediatePeriod, registre:finalFate, registre:rule  the three
 *                                retention stages of French public archives, on a dpv:StorageDuration
 *   registre:safeguard           the register's transfer safeguard code, on a dpv:CrossBorderTransfer
 *   registre:recipientType       the register's recipient category code (internal, processor, institutional…)
 *   registre:nextReviewAt        date of the next review of the activity
 *   registre:documentationUrl    documentation of a transfer safeguard
 *   registre:service, registre:linkRole  vendor service linked to the activity and its role
 *   registre:software            a software used without access to the data (not a processor)
 *   registre:ownHosting          the organisation's own hosting site used by the activity
 *   registre:riskFlag            WP248 / CNIL criteria ticked for the activity (codes)
 *   registre:legalRepresentative, registre:cnilDesignationNumber, registre:slug, registre:asOf
 *   registre:source, registre:chain, registre:transferStatus  on a computed dpv:CrossBorderTransfer: "computed",
 *                the vendor chain that leads to the country, the analysis status of the transfer
 *   registre:dpvVersion          the DPV release the document uses (on the dpv:ROPA node)
 *
 * Mappings (checked against DPV 2.1 pd.csv and the eu-gdpr legal extension):
 *   legal bases  a→eu-gdpr:A6-1-a, b→A6-1-b, c→A6-1-c, d→A6-1-d, e_public_interest→A6-1-e-public-interest,
 *                e_official_authority→A6-1-e-official-authority, f→A6-1-f; Art. 9(2)(x)→eu-gdpr:A9-2-x
 *   data         identity→pd:Identifying, personal_life→pd:Family + pd:Behavioral (situation familiale,
 *                habitudes; pd:Behavioral before DPV 2.2), professional_life→pd:Professional, economic→pd:Financial,
 *                connection→pd:DeviceBased (parent of pd:IPAddress, pd:MACAddress, pd:BrowserFingerprint),
 *                location→pd:Location, nir→pd:OfficialID, racial_ethnic→pd:EthnicOrigin,
 *                political→pd:PoliticalOpinion, religious→pd:Religion + pd:PhilosophicalBelief,
 *                trade_union→pd:TradeUnionMembership, genetic→pd:Genetic, biometric→pd:Biometric,
 *                health→pd:Health, sex_life→pd:Sexual, offences→pd:Criminal
 *   subjects     residents→dpv:Citizen, service_users→dpv:User, agents→dpv:Employee,
 *                children→dpv:Child + dpv:Student, families→dpv:ParentOfDataSubject + dpv:GuardianOfDataSubject,
 *                applicants→dpv:Applicant, vulnerable→dpv:VulnerableDataSubject, visitors→dpv:Visitor;
 *                elected_members, suppliers, other→dpv:DataSubject (DPV has no narrower term)
 *   transfers    declared ones and those computed from vendors (support, hosting, sub-processors outside the
 *                EU: registre:source "computed", with registre:chain) are each a dpv:CrossBorderTransfer to a
 *                loc: country;
 *                adequacy→eu-gdpr:A45-3, scc→A46-2-c, bcr→A46-2-b, art46_2a→A46-2-a, art46_3b→A46-3-b,
 *                code_of_conduct→A46-2-e, certification→A46-2-f, art49_derogation→dpv:DataTransferLegalBasis
 *                (the register does not record which point of Art. 49(1), so no A49-1-x can be chosen),
 *                none→no legal basis
 *   measures     encryption→dpv:Encryption, access_control→dpv:AccessControlMethod,
 *                backups→dpv:DataBackupProtocols (technical); awareness→dpv:StaffTraining (organisational);
 *                physical_security→dpv:PhysicalAccessControlMethod (dpv:hasPhysicalMeasure); logging,
 *                software_protection→dpv:TechnicalMeasure, processor_control→dpv:OrganisationalMeasure,
 *                other→dpv:TechnicalOrganisationalMeasure, each with its label
 *   services     PROCESSOR, SUB_PROCESSOR, HOSTING (a vendor's)→dpv:hasDataProcessor (dpv:DataProcessor);
 *                RECIPIENT→dpv:hasRecipient; SOFTWARE_NO_ACCESS→registre:software; own hosting→registre:ownHosting
 */
import { undeclaredComputedTransfers } from "./computed-transfers.ts";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import { type MessageKey } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";

export type JsonLdValue = string | number | boolean | null | JsonLdValue[] | { [key: string]: JsonLdValue };
export type JsonLdObject = { [key: string]: JsonLdValue };

/** The DPV release every term comes from (see app/reference/dpv-2.3-terms.tsv). */
export const DPV_VERSION = "2.3";
/** Used when the instance has no PUBLIC_URL (tests, command line without it). */
export const DEFAULT_PUBLIC_URL = "http://localhost:3000";
/** The `registre:` namespace of an instance: documented at that address (route `/ns`). */
export const registreNs = (publicUrl: string = DEFAULT_PUBLIC_URL) => `${publicUrl.replace(/\/$/, "")}/ns#`;
export const REGISTRE_NS = registreNs();
/** Where the context is published (route `/ns/context.jsonld`); the export itself always carries it inline. */
export const registreContextUrl = (publicUrl: string = DEFAULT_PUBLIC_URL) => `${publicUrl.replace(/\/$/, "")}/ns/context.jsonld`;
export const REGISTRE_CONTEXT_URL = registreContextUrl();

/** Only the prefixes the export uses. */
export function jsonLdContext(publicUrl?: string) {
  return {
    dpv: "https://w3id.org/dpv#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    pd: "https://w3id.org/dpv/pd#",
    loc: "https://w3id.org/dpv/loc#",
    registre: registreNs(publicUrl),
    dct: "http://purl.org/dc/terms/",
    rdfs: "http://www.w3.org/2000/01/rdf-schema#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
  } as const satisfies JsonLdObject;
}
export const JSONLD_CONTEXT = jsonLdContext();

type Activity = ExportActivity;
type Cat = Activity["dataCategories"][number]["category"];
type Subject = Activity["dataSubjects"][number]["category"];

const LEGAL_BASIS_IRI: Record<Activity["legalBases"][number]["basis"], string> = {
  a: "eu-gdpr:A6-1-a",
  b: "eu-gdpr:A6-1-b",
  c: "eu-gdpr:A6-1-c",
  d: "eu-gdpr:A6-1-d",
  e_public_interest: "eu-gdpr:A6-1-e-public-interest",
  e_official_authority: "eu-gdpr:A6-1-e-official-authority",
  f: "eu-gdpr:A6-1-f",
};

const art9Iri = (c: Activity["art9Conditions"][number]["condition"]) => `eu-gdpr:A9-2-${c}`;

const PERSONAL_DATA_IRIS: Record<Cat, readonly string[]> = {
  identity: ["pd:Identifying"],
  personal_life: ["pd:Family", "pd:Behavioural"],
  professional_life: ["pd:Professional"],
  economic: ["pd:Financial"],
  connection: ["pd:DeviceBased"],
  location: ["pd:Location"],
  nir: ["pd:OfficialID"],
  racial_ethnic: ["pd:EthnicOrigin"],
  political: ["pd:PoliticalOpinion"],
  religious: ["pd:Religion", "pd:PhilosophicalBelief"],
  trade_union: ["pd:TradeUnionMembership"],
  genetic: ["pd:Genetic"],
  biometric: ["pd:Biometric"],
  health: ["pd:Health"],
  sex_life: ["pd:Sexual"],
  offences: ["pd:Criminal"],
};

const DATA_SUBJECT_IRIS: Record<Subject, readonly string[]> = {
  residents: ["dpv:Citizen"],
  service_users: ["dpv:User"],
  agents: ["dpv:Employee"],
  elected_members: ["dpv:DataSubject"],
  children: ["dpv:Child", "dpv:Student"],
  families: ["dpv:ParentOfDataSubject", "dpv:GuardianOfDataSubject"],
  applicants: ["dpv:Applicant"],
  suppliers: ["dpv:DataSubject"],
  vulnerable: ["dpv:VulnerableDataSubject"],
  visitors: ["dpv:Visitor"],
  other: ["dpv:DataSubject"],
};

const TRANSFER_GROUND_IRI: Record<Activity["transfers"][number]["safeguard"], string | null> = {
  adequacy: "eu-gdpr:A45-3",
  scc: "eu-gdpr:A46-2-c",
  bcr: "eu-gdpr:A46-2-b",
  art46_2a: "eu-gdpr:A46-2-a",
  art46_3b: "eu-gdpr:A46-3-b",
  code_of_conduct: "eu-gdpr:A46-2-e",
  certification: "eu-gdpr:A46-2-f",
  art49_derogation: "dpv:DataTransferLegalBasis",
  none: null,
};

type MeasureProperty = "dpv:hasTechnicalMeasure" | "dpv:hasOrganisationalMeasure" | "dpv:hasPhysicalMeasure" | "dpv:hasTechnicalOrganisationalMeasure";
const MEASURES: Record<Activity["securityMeasures"][number]["measure"], { property: MeasureProperty; types: string[] }> = {
  logging: { property: "dpv:hasTechnicalMeasure", types: ["dpv:TechnicalMeasure"] },
  software_protection: { property: "dpv:hasTechnicalMeasure", types: ["dpv:TechnicalMeasure"] },
  backups: { property: "dpv:hasTechnicalMeasure", types: ["dpv:TechnicalMeasure", "dpv:DataBackupProtocols"] },
  encryption: { property: "dpv:hasTechnicalMeasure", types: ["dpv:TechnicalMeasure", "dpv:Encryption"] },
  access_control: { property: "dpv:hasTechnicalMeasure", types: ["dpv:TechnicalMeasure", "dpv:AccessControlMethod"] },
  processor_control: { property: "dpv:hasOrganisationalMeasure", types: ["dpv:OrganisationalMeasure"] },
  physical_security: { property: "dpv:hasPhysicalMeasure", types: ["dpv:PhysicalMeasure", "dpv:PhysicalAccessControlMethod"] },
  awareness: { property: "dpv:hasOrganisationalMeasure", types: ["dpv:OrganisationalMeasure", "dpv:StaffTraining"] },
  other: { property: "dpv:hasTechnicalOrganisationalMeasure", types: ["dpv:TechnicalOrganisationalMeasure"] },
};

const RECIPIENT_TYPES: Record<Activity["recipients"][number]["type"], string[]> = {
  internal: ["dpv:Recipient"],
  processor: ["dpv:Recipient", "dpv:DataProcessor"],
  institutional: ["dpv:Recipient", "dpv:ThirdParty"],
  third_country: ["dpv:Recipient"],
  other: ["dpv:Recipient"],
};

const ref = (iri: string): JsonLdObject => ({ "@id": iri });
const refs = (iris: Iterable<string>): JsonLdObject[] => [...new Set(iris)].map(ref);
const dateTime = (iso: string): JsonLdObject => ({ "@value": iso, "@type": "xsd:dateTime" });
const date = (iso: string): JsonLdObject => ({ "@value": iso, "@type": "xsd:date" });

/** French and English labels of a vocabulary code, as language-tagged literals. */
function labels(key: MessageKey): JsonLdObject[] {
  return [
    { "@value": translate("fr", key), "@language": "fr" },
    { "@value": translate("en", key), "@language": "en" },
  ];
}

/** Drops undefined, null, empty strings and empty arrays, so that the output has no empty values. */
function node(entries: Record<string, JsonLdValue | undefined>): JsonLdObject {
  const out: JsonLdObject = {};
  for (const [k, v] of Object.entries(entries)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

function activityNode(data: RegisterExport, a: Activity, ids: { base: string; controller: string }): JsonLdObject {
  const id = `${ids.base}:activity:${a.ref}`;
  const vendorCountry = new Map(data.vendors.map((v) => [v.name, v.country]));
  const org = ref(ids.controller);

  const purposes: JsonLdObject[] = [
    ...(a.purposes.main ? [node({ "@type": "dpv:Purpose", "dct:description": a.purposes.main, "registre:purposeLevel": "main" })] : []),
    ...a.purposes.sub.map((s) => node({ "@type": "dpv:Purpose", "dct:description": s, "registre:purposeLevel": "sub" })),
  ];

  const legalTexts: JsonLdObject[] = [
    ...a.legalBases
      .filter((b) => b.text || b.purpose)
      .map((b) => node({ "registre:legalBasis": ref(LEGAL_BASIS_IRI[b.basis]), "dct:description": b.text, "registre:purpose": b.purpose })),
    ...a.art9Conditions.filter((c) => c.text).map((c) => node({ "registre:legalBasis": ref(art9Iri(c.condition)), "dct:description": c.text })),
  ];

  const storage = a.dataCategories
    .filter((d) => d.retention.activePeriod || d.retention.intermediatePeriod || d.retention.finalFate || d.retention.rule)
    .map((d) => {
      const r = d.retention;
      const fate = r.finalFate ? translate("fr", `vocab.finalFate.${r.finalFate}`) : "—";
      return node({
        "@type": "dpv:StorageDuration",
        "dpv:hasPersonalData": refs(PERSONAL_DATA_IRIS[d.category]),
        "registre:category": d.category,
        "rdfs:label": labels(`vocab.dataCategory.${d.category}`),
        "dct:description": {
          "@value": `${translate("fr", `vocab.dataCategory.${d.category}`)} : ${r.activePeriod ?? "—"} / ${r.intermediatePeriod ?? "—"} / ${fate}`,
          "@language": "fr",
        },
        "registre:activePeriod": r.activePeriod,
        "registre:intermediatePeriod": r.intermediatePeriod,
        "registre:finalFate": r.finalFate,
        "registre:rule": r.rule,
      });
    });

  const measures: Partial<Record<MeasureProperty, JsonLdObject[]>> = {};
  for (const m of a.securityMeasures) {
    const spec = MEASURES[m.measure];
    (measures[spec.property] ??= []).push(node({ "@type": spec.types, "rdfs:label": labels(`vocab.security.${m.measure}`), "dct:description": m.details }));
  }

  const vendorNode = (s: Activity["services"][number], types: string[]) =>
    node({
      "@type": types,
      "dpv:hasName": s.vendor ?? s.service,
      "registre:service": s.service,
      "registre:linkRole": s.role,
      "dpv:hasCountry": s.vendor && vendorCountry.get(s.vendor) ? ref(`loc:${vendorCountry.get(s.vendor)}`) : undefined,
    });
  const processorServices = a.services.filter((s) => !s.ownHosting && (s.role === "PROCESSOR" || s.role === "SUB_PROCESSOR" || s.role === "HOSTING"));
  const recipientServices = a.services.filter((s) => !s.ownHosting && s.role === "RECIPIENT");

  const recipients: JsonLdObject[] = [
    ...a.recipients.map((r) => node({ "@type": RECIPIENT_TYPES[r.type], "dpv:hasName": r.name, "registre:recipientType": r.type })),
    ...recipientServices.map((s) => vendorNode(s, ["dpv:Recipient"])),
  ];

  // Transfers computed from the vendors (a support team in a third country, a sub-processor…) that the
  // record does not declare, so that a DPV reader sees every one, as the JSON analysis and the PDF do.
  const computed = undeclaredComputedTransfers(a).map((t) =>
    node({
      "@type": "dpv:CrossBorderTransfer",
      "dpv:hasThirdCountry": ref(`loc:${t.country}`),
      "dpv:hasRecipient": node({ "@type": "dpv:Recipient", "dpv:hasName": t.recipient }),
      "registre:source": "computed",
      "registre:chain": t.chain,
      "registre:transferStatus": t.status,
      "registre:safeguard": t.safeguard ?? undefined,
    }),
  );
  const transfers = a.transfers.map((t) => {
    const ground = TRANSFER_GROUND_IRI[t.safeguard];
    return node({
      "@type": "dpv:CrossBorderTransfer",
      "dpv:hasThirdCountry": ref(`loc:${t.country}`),
      "dpv:hasRecipient": node({ "@type": "dpv:Recipient", "dpv:hasName": t.recipient }),
      "dpv:hasLegalBasis": ground ? ref(ground) : undefined,
      "registre:safeguard": t.safeguard,
      "registre:documentationUrl": t.documentationUrl ? { "@value": t.documentationUrl, "@type": "xsd:anyURI" } : undefined,
    });
  });

  const controllers: JsonLdObject[] =
    a.role === "PROCESSOR"
      ? a.processorFor.map((p) =>
          node({ "@type": "dpv:DataController", "dpv:hasName": p.controller, "dpv:hasContact": p.contact, "dct:description": p.categories }),
        )
      : [org];
  const processors: JsonLdObject[] = [...(a.role === "PROCESSOR" ? [org] : []), ...processorServices.map((s) => vendorNode(s, ["dpv:DataProcessor"]))];

  return node({
    "@id": id,
    "@type": "dpv:Process",
    "dct:identifier": a.ref,
    "rdfs:label": a.name,
    "dct:description": a.description,
    "dct:modified": a.approvedAt ? dateTime(a.approvedAt) : undefined,
    "registre:department": a.department ?? undefined,
    "registre:status": a.status,
    "registre:version": a.version ?? undefined,
    "registre:regime": a.regime,
    "registre:role": a.role,
    "registre:completeness": a.completeness.score,
    "registre:exposureLevel": a.analysis.level,
    "registre:exposureLevelLabel": labels(`sovereignty.level.${a.analysis.level}`),
    // What the analysis could not conclude without (issue 10): the missing fact, in both languages.
    "registre:toVerify": a.analysis.toVerify?.length
      ? a.analysis.toVerify.map((v) =>
          node({
            "registre:fact": v.fact,
            "rdfs:label": [
              { "@value": v.fr, "@language": "fr" },
              { "@value": v.en, "@language": "en" },
            ],
          }),
        )
      : undefined,
    "dpv:hasDataController": controllers,
    "dpv:hasJointDataControllers":
      a.jointControllers.length > 0
        ? node({
            "@type": "dpv:JointDataControllers",
            "dpv:hasDataController": [
              org,
              ...a.jointControllers.map((j) => node({ "@type": "dpv:DataController", "dpv:hasName": j.name, "dpv:hasContact": j.contact })),
            ],
            "dct:description": a.jointControllers
              .map((j) => j.arrangement)
              .filter((x): x is string => !!x)
              .join("\n"),
          })
        : undefined,
    "dpv:hasDataProcessor": processors,
    "dpv:hasPurpose": purposes,
    "dpv:hasLegalBasis": refs([...a.legalBases.map((b) => LEGAL_BASIS_IRI[b.basis]), ...a.art9Conditions.map((c) => art9Iri(c.condition))]),
    "registre:legalText": legalTexts,
    "registre:art10Basis": a.art10Basis,
    "dpv:hasPersonalData": refs(a.dataCategories.flatMap((d) => PERSONAL_DATA_IRIS[d.category])),
    "dpv:hasDataSubject": refs(a.dataSubjects.flatMap((s) => DATA_SUBJECT_IRIS[s.category])),
    "dpv:hasRecipient": recipients,
    "dpv:hasStorageCondition": storage,
    ...measures,
    "dpv:hasProcessing": [...transfers, ...computed],
    "registre:software": a.services
      .filter((s) => !s.ownHosting && s.role === "SOFTWARE_NO_ACCESS")
      .map((s) => node({ "dpv:hasName": s.vendor ?? s.service, "registre:service": s.service })),
    "registre:ownHosting": a.services.filter((s) => s.ownHosting).map((s) => node({ "dpv:hasName": s.service, "registre:linkRole": s.role })),
    "registre:riskFlag": Object.entries(a.riskFlags)
      .filter(([, v]) => v)
      .map(([k]) => k),
    "registre:nextReviewAt": a.nextReviewAt ? date(a.nextReviewAt) : undefined,
  });
}

/** The register as a DPV JSON-LD document (a dpv:ROPA node with an inline @context). */
export function toJsonLd(data: RegisterExport, options: { publicUrl?: string } = {}): JsonLdObject {
  const org = data.organization;
  const base = `urn:registre:${org.slug}`;
  const controllerId = `${base}:controller`;
  const dpo = org.dpo;
  const contacts = [dpo.email ? `mailto:${dpo.email}` : null, dpo.phone].filter((x): x is string => !!x);
  const controller = node({
    "@id": controllerId,
    "@type": "dpv:DataController",
    "dpv:hasName": org.name,
    "dpv:hasIdentifier": org.siren ?? undefined,
    "dpv:hasAddress": org.address ?? undefined,
    "registre:legalRepresentative": org.legalRepresentative ?? undefined,
    "registre:slug": org.slug,
    "dpv:hasDataProtectionOfficer":
      dpo.name || dpo.email || dpo.phone || dpo.cnilDesignationNumber
        ? node({
            "@type": "dpv:DataProtectionOfficer",
            "dpv:hasName": dpo.name ?? undefined,
            "dpv:hasContact": contacts,
            "registre:cnilDesignationNumber": dpo.cnilDesignationNumber ?? undefined,
          })
        : undefined,
  });
  return node({
    "@context": { ...jsonLdContext(options.publicUrl) },
    "@id": `${base}:ropa${data.asOf ? `:${data.asOf}` : ""}`,
    "@type": "dpv:ROPA",
    "dct:title": `${translate("fr", "tabular.sheet.register")} — ${org.name}`,
    "dct:created": dateTime(data.generatedAt),
    "dct:creator": data.generator,
    "registre:dpvVersion": DPV_VERSION,
    "registre:asOf": data.asOf ? date(data.asOf) : undefined,
    "registre:auditAnchor": data.auditAnchor ? `#${data.auditAnchor.seq} ${data.auditAnchor.hash}` : undefined,
    "dpv:hasDataController": controller,
    "dpv:hasProcess": data.activities.map((a) => activityNode(data, a, { base, controller: controllerId })),
  });
}
