/**
 * The JSON export of a register (schemaVersion 1). Output-shaped (no coercion) so that it converts
 * to the JSON Schema published in docs/schemas/, and so that an import can check a file strictly.
 */
import {
  ACTIVITY_DOMAINS,
  ACTIVITY_ROLES,
  ACTIVITY_STATUSES,
  ART9_CONDITIONS,
  DATA_CATEGORIES,
  DATA_SUBJECT_CATEGORIES,
  FINAL_FATES,
  LEGAL_BASES,
  RECIPIENT_TYPES,
  REGIMES,
  RISK_FLAGS,
  SECURITY_MEASURES,
  TRANSFER_SAFEGUARDS,
} from "~/reference/vocabularies.ts";
import {
  ADEQUACY_SCOPE_VALUES,
  ART49_POINTS,
  EXPOSURE_LEVELS,
  LINK_ROLES,
  LOCATION_ROLES,
  RECIPIENT_KINDS,
  TRANSFER_STATUSES,
} from "~/analysis/sovereignty.ts";
import { COMPLETENESS_ITEMS } from "~/schemas/activity.ts";
import { SCREENING_CRITERIA, SCREENING_RESULTS } from "~/analysis/dpia-screening.ts";
import { DPIA_STATUSES } from "~/schemas/dpia.ts";
import { DPA_STATUSES } from "~/schemas/vendor.ts";
import { z } from "~/utils/validation.ts";

const str = z.string();
const optStr = z.string().optional();
const date = z.iso.date().optional();

export const ExportActivitySchema = z.object({
  ref: str.regex(/^T-\d{4,}$/),
  name: str,
  department: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  version: z.number().int().positive().nullable().describe("Approved version number, null if never approved"),
  approvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime().optional().describe("When the record was created (CNIL model: date de création); absent from older exports"),
  updatedAt: z.iso
    .datetime()
    .optional()
    .describe("When the content shown was last changed (CNIL model: mise à jour): the approval of the version shown, or the draft's last save"),
  role: z.enum(ACTIVITY_ROLES),
  regime: z.enum(REGIMES),
  description: optStr,
  internalContact: optStr,
  implementationDate: date,
  jointControllers: z.array(z.object({ name: str, contact: optStr, arrangement: optStr })),
  processorFor: z.array(z.object({ controller: str, contact: optStr, categories: optStr })),
  purposes: z.object({ main: optStr, sub: z.array(str) }),
  legalBases: z.array(z.object({ basis: z.enum(LEGAL_BASES), text: optStr, purpose: optStr })),
  art9Conditions: z.array(z.object({ condition: z.enum(ART9_CONDITIONS), text: optStr })),
  art10Basis: optStr,
  ledLegalBasis: optStr.describe("Law-enforcement activities: the text authorising the processing (Directive 2016/680 art. 8, LIL art. 87)"),
  ledProfiling: optStr.describe("Law-enforcement activities: any profiling (Directive 2016/680 art. 24(1)(e))"),
  domain: z.enum(ACTIVITY_DOMAINS).optional().describe("The activity's area (drives the CNIL-list suggestions of the DPIA screening)"),
  dataSubjects: z.array(z.object({ category: z.enum(DATA_SUBJECT_CATEGORIES), description: optStr, estimatedCount: z.number().int().min(0).optional() })),
  dataCategories: z.array(
    z.object({
      category: z.enum(DATA_CATEGORIES),
      sensitive: z.boolean().describe("Art. 9 special category"),
      description: optStr,
      source: optStr,
      retention: z.object({ activePeriod: optStr, intermediatePeriod: optStr, finalFate: z.enum(FINAL_FATES).optional(), rule: optStr }),
    }),
  ),
  recipients: z.array(z.object({ type: z.enum(RECIPIENT_TYPES), name: str })),
  transfers: z.array(
    z.object({
      country: str.regex(/^[A-Z]{2}$/),
      recipient: str,
      safeguard: z.enum(TRANSFER_SAFEGUARDS),
      documentationUrl: optStr,
      recipientKind: z.enum(RECIPIENT_KINDS).optional(),
      art49Point: z.enum(ART49_POINTS).optional().describe("Art. 49(1) point relied on, for a derogation"),
      tiaDone: z.boolean().optional().describe("Transfer impact assessment done (EDPB Recommendations 01/2020)"),
      dpfCertified: z.boolean().optional().describe("US recipient certified under the EU-US Data Privacy Framework"),
    }),
  ),
  securityMeasures: z.array(z.object({ measure: z.enum(SECURITY_MEASURES), details: optStr })),
  rights: z.object({ exercise: optStr, information: optStr }),
  riskFlags: z.object(Object.fromEntries(RISK_FLAGS.map((f) => [f, z.boolean()])) as Record<(typeof RISK_FLAGS)[number], z.ZodBoolean>),
  nextReviewAt: date,
  lastReviewAt: date,
  completeness: z.object({ score: z.number().int().min(0).max(100), missing: z.array(z.enum(COMPLETENESS_ITEMS)) }),
  services: z
    .array(z.object({ vendor: z.string().nullable(), service: z.string(), role: z.enum(LINK_ROLES), ownHosting: z.boolean() }))
    .describe("Vendor services and own hosting sites linked to the activity (current links, also in an as-of export)"),
  analysis: z.object({
    level: z.enum(EXPOSURE_LEVELS),
    countries: z.array(str),
    reach: z.array(z.object({ country: str, region: z.string().nullable(), role: str, chain: z.array(str), ownHosting: z.boolean() })),
    transfers: z.array(
      z.object({
        country: str,
        recipient: str,
        chain: z.array(str),
        source: z.enum(["computed", "declared", "own_site"]),
        adequacy: z.enum(ADEQUACY_SCOPE_VALUES).nullable(),
        status: z.enum(TRANSFER_STATUSES),
        safeguard: z.string().nullable(),
        tiaMissing: z.boolean(),
        missingFact: z
          .string()
          .nullable()
          .optional()
          .describe("The fact to record before a firm conclusion (status to_verify, or an open point of a derogation)"),
        structural: z.boolean().optional().describe("An Art. 49 derogation used for recurring hosting or support"),
        recipientKind: z.enum(RECIPIENT_KINDS).optional(),
        art49Point: z.string().nullable().optional(),
      }),
    ),
    exposure: z.array(
      z.object({
        jurisdiction: str,
        laws: z.array(z.object({ id: str, name: str })),
        vendor: str,
        via: z.enum(["establishment", "parent"]),
        chain: z.array(str),
        shielded: z.boolean(),
        shieldReason: z.enum(["secnumcloud"]).nullable(),
        secNumCloudContradiction: z.boolean().optional(),
      }),
    ),
    secNumCloud: z
      .array(
        z.object({ service: str, vendor: str, status: z.enum(["immune", "contradiction", "to_verify"]), contradictions: z.array(str), missing: z.array(str) }),
      )
      .optional()
      .describe("SecNumCloud 3.2 § 19.6 check of each qualified service"),
    toVerify: z
      .array(z.object({ fact: str, subject: str, country: str.optional(), fr: str, en: str }))
      .optional()
      .describe("Facts to record before the analysis can conclude"),
    explanation: z.object({ fr: z.array(str), en: z.array(str) }),
  }),
  screening: z
    .object({
      result: z.enum(SCREENING_RESULTS),
      saved: z.boolean().describe("False when computed from the record and not yet confirmed by the DPO"),
      criteriaMet: z.array(z.enum(SCREENING_CRITERIA)).describe("WP248 criteria met"),
      art35: z.object({ a: z.boolean(), b: z.boolean(), c: z.boolean() }).describe("GDPR Art. 35(3) cases"),
      cnilListType: z.string().nullable().describe("Type on the CNIL list of processing requiring a DPIA (1-14)"),
      exemptListType: z.string().nullable().describe("Type on the CNIL list of exempt processing (1-12)"),
      decision: z.enum(["dpia", "no_dpia"]).nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.iso.datetime().nullable(),
    })
    .optional()
    .describe("DPIA screening (WP248 criteria, Art. 35(3), CNIL lists)"),
  dpia: z
    .object({ status: z.enum(DPIA_STATUSES) })
    .optional()
    .describe("The DPIA of the activity, when one exists"),
});

export const ExportVendorSchema = z.object({
  name: str,
  legalName: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  website: z.string().nullable(),
  country: str,
  parent: z.object({ name: z.string().nullable(), country: z.string().nullable() }),
  certifications: z.object({
    hds: z.object({ activities: z.string().nullable(), expiry: z.iso.date().nullable() }),
    iso27001Expiry: z.iso.date().nullable(),
    dpf: z.object({ certified: z.boolean().nullable(), checkedAt: z.iso.date().nullable() }),
  }),
  contact: z
    .object({ name: z.string().nullable(), email: z.string().nullable() })
    .optional()
    .describe("The vendor's contact person; absent from older exports"),
  notes: z.string().nullable().optional().describe("The DPO's notes on the vendor"),
  shareholdingWithinLimits: z
    .boolean()
    .nullable()
    .optional()
    .describe("SecNumCloud 3.2 § 19.6: no non-EU holder above 24 % of capital or votes individually, 39 % together; null: not recorded"),
  dpa: z.object({
    status: z.enum(DPA_STATUSES),
    signedAt: z.iso.date().nullable(),
    reference: z.string().nullable(),
    nextReview: z.iso.date().nullable(),
    sha256: z.string().nullable(),
    file: z
      .object({
        fileName: str,
        mediaType: z.literal("application/pdf"),
        size: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        base64: z.base64().optional().describe("The file itself (the register JSON download carries it, so that an import restores it)"),
      })
      .nullable()
      .optional()
      .describe("The signed DPA file; null when none was uploaded"),
  }),
  services: z.array(
    z.object({
      name: str,
      description: z.string().nullable().optional(),
      secNumCloud: z.object({
        qualified: z.boolean(),
        date: z.iso.date().nullable(),
        version: z.string().nullable().optional().describe("SecNumCloud version of the qualification; only 3.2 carries the § 19.6 immunity"),
        scope: z.string().nullable().optional().describe("The qualified scope, as on the ANSSI certificate"),
      }),
      nonEuAccess: z.boolean().nullable().optional().describe("A non-EU entity has technical access (support, remote administration)"),
      locations: z.array(
        z.object({
          role: z.enum(LOCATION_ROLES),
          country: str,
          region: z.string().nullable(),
          provider: z.object({ vendor: str, service: str }).nullable().describe("Set when the location is operated by a sub-processor"),
          safeguard: z.string().nullable(),
          tiaDone: z.boolean(),
          safeguardUrl: z.string().nullable().optional().describe("Where the transfer tool (SCC, BCR…) can be read"),
        }),
      ),
    }),
  ),
});

export const RegisterExportSchema = z.object({
  schemaVersion: z.literal(1),
  generator: z.literal("Registre"),
  organization: z.object({
    slug: str,
    name: str,
    siren: z.string().nullable(),
    address: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    dpo: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), cnilDesignationNumber: z.string().nullable() }),
  }),
  generatedAt: z.iso.datetime(),
  auditAnchor: z
    .object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .optional()
    .describe("The latest event of the audit hash chain when the export was made: `npm run audit:verify -- --anchor HASH` proves the log still contains it"),
  asOf: z.iso.date().nullable().describe("null for the current register; otherwise the register as it stood on that date"),
  activities: z.array(ExportActivitySchema),
  vendors: z.array(ExportVendorSchema),
  hostingSites: z.array(z.object({ name: str, country: str, city: z.string().nullable(), description: z.string().nullable().optional() })),
});

export type RegisterExport = z.infer<typeof RegisterExportSchema>;
export type ExportActivity = z.infer<typeof ExportActivitySchema>;

export function registerExportJsonSchema() {
  return {
    $id: "https://registre.example/schemas/register-export.schema.json",
    title: "Registre — register of processing activities (JSON export)",
    ...z.toJSONSchema(RegisterExportSchema, { target: "draft-2020-12" }),
  };
}
