/**
 * Vendors, their services and where those run, and the organization's own hosting sites. One set of
 * schemas for the forms and for imports: what a form accepts is what an import accepts.
 * Messages are i18n keys (see app/utils/validation.ts). Client-safe: no server import.
 */
import { LOCATION_ROLES, LOCATION_SAFEGUARDS, SECNUMCLOUD_VERSIONS } from "~/analysis/sovereignty.ts";
import { isCountryCode } from "~/reference/countries.ts";
// Types only: erased at build time, so this module stays client-safe.
import type { LocationInput, ServiceInput, VendorInput } from "~/models/vendor.server.ts";
import { blank, blankThen, z } from "~/utils/validation.ts";

/** Same values as DPA_STATUSES in app/models/vendor.server.ts (a test checks they agree). */
export const DPA_STATUSES = ["NONE", "REQUESTED", "SIGNED", "NOT_REQUIRED"] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];
export const CERTIFICATIONS = ["secnumcloud", "hds", "iso27001", "dpf"] as const;
export const DPF_CHOICES = ["yes", "no", ""] as const;

const text = (max: number) => z.preprocess(blank, z.string().max(max).optional());
const required = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));
/** YYYY-MM-DD as an <input type="date"> sends it. */
const isoDate = z.preprocess(blank, z.iso.date({ error: "errors.date" }).optional());
const url = z.preprocess(
  blank,
  z
    .url({ protocol: /^https?$/, error: "errors.url" })
    .max(500)
    .optional(),
);
const email = z.preprocess(
  blankThen((s) => s.toLowerCase()),
  z.email().max(254).optional(),
);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
const countryCode = z.string().refine(isCountryCode, "errors.country");
const requiredCountry = z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v), countryCode);
const optionalCountry = z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v), countryCode.optional());
const id = z.preprocess(blank, z.string().max(40).optional());

/** EU VAT prefixes (Greece is EL; XI is Northern Ireland under the Windsor Framework). */
const VAT_PREFIXES = "AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI";

/**
 * SIREN (9 digits), SIRET (14 digits) or an EU VAT number (FR + 2 key characters + SIREN; other member
 * states: prefix + 2 to 12 letters or digits). Only the shape is checked: some valid SIRETs fail Luhn.
 */
export function isRegistrationNumber(value: string): boolean {
  if (/^\d{9}$/.test(value) || /^\d{14}$/.test(value)) return true;
  if (value.startsWith("FR")) return /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/.test(value);
  return new RegExp(`^(?:${VAT_PREFIXES})[0-9A-Z+*]{2,12}$`).test(value) && /\d/.test(value);
}

const registrationNumber = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s.-]+/g, "").toUpperCase() || undefined : v),
  z.string().max(20, "errors.registrationNumber").refine(isRegistrationNumber, "errors.registrationNumber").optional(),
);

/** "yes" | "no" | "" (unknown or not applicable) → true | false | null. */
const dpfCertified = z.preprocess(
  (v) => (v === "yes" ? true : v === "no" ? false : v === undefined || v === null || v === "" ? null : v),
  z.boolean({ error: "errors.choice" }).nullable(),
);

/** "yes" | "no" | "" → true | false | null, for facts that may not be known yet. */
const triState = dpfCertified;

const version = z.preprocess((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : v), z.number().int().min(1));

const vendorShape = {
  name: required(200),
  legalName: text(200),
  registrationNumber,
  website: url,
  country: requiredCountry,
  parentName: text(200),
  parentCountry: optionalCountry,
  contactName: text(200),
  contactEmail: email,
  hdsActivities: text(1000),
  hdsExpiry: isoDate,
  iso27001Expiry: isoDate,
  dpfCertified,
  dpfCheckedAt: isoDate,
  shareholdingWithinLimits: triState,
  dpaStatus: z.preprocess((v) => (v === undefined || v === "" ? "NONE" : v), z.enum(DPA_STATUSES)),
  dpaSignedAt: isoDate,
  dpaReference: text(200),
  dpaNextReview: isoDate,
  notes: text(4000),
};

type VendorShapeOutput = z.infer<z.ZodObject<typeof vendorShape>>;

function refineVendor(v: VendorShapeOutput, ctx: z.RefinementCtx) {
  // Only an organisation established in the US can join the Data Privacy Framework (Decision 2023/1795, Annex I).
  if (v.dpfCertified === true && v.country !== "US") ctx.addIssue({ code: "custom", path: ["dpfCertified"], message: "errors.dpfUsOnly" });
  if (v.dpfCertified !== null && !v.dpfCheckedAt) ctx.addIssue({ code: "custom", path: ["dpfCheckedAt"], message: "errors.dpfCheckedAtRequired" });
  if (v.dpaStatus === "SIGNED" && !v.dpaSignedAt) ctx.addIssue({ code: "custom", path: ["dpaSignedAt"], message: "errors.dpaSignedAtRequired" });
  // ISO dates compare as strings.
  if (v.dpaSignedAt && v.dpaNextReview && v.dpaNextReview <= v.dpaSignedAt)
    ctx.addIssue({ code: "custom", path: ["dpaNextReview"], message: "errors.dateOrder" });
}

/** Creation and import: no version. */
export const VendorFormSchema = z.object({ ...vendorShape, version: z.preprocess(blank, version.optional()) }).superRefine(refineVendor);
/** Edit: the version the form was loaded at (optimistic lock). */
export const VendorUpdateSchema = z.object({ ...vendorShape, version }).superRefine(refineVendor);
export type VendorFormValue = z.infer<typeof VendorFormSchema>;

export const ServiceFormSchema = z
  .object({
    name: required(200),
    description: text(2000),
    secNumCloudQualified: checkbox,
    secNumCloudDate: isoDate,
    secNumCloudVersion: z.preprocess(blank, z.enum(SECNUMCLOUD_VERSIONS, { error: "errors.choice" }).optional()),
    secNumCloudScope: text(1000),
    nonEuAccess: triState,
  })
  .superRefine((v, ctx) => {
    if (v.secNumCloudQualified && !v.secNumCloudDate) ctx.addIssue({ code: "custom", path: ["secNumCloudDate"], message: "errors.secNumCloudDateRequired" });
    // Version and scope stay optional (older records): without them the analysis says "to verify" and names them.
  });

export const LocationFormSchema = z.object({
  role: z.enum(LOCATION_ROLES),
  country: requiredCountry,
  region: text(120),
  providerServiceId: id,
  safeguard: z.preprocess(blank, z.enum(LOCATION_SAFEGUARDS).optional()),
  tiaDone: checkbox,
  safeguardUrl: url,
});

export const HostingSiteFormSchema = z.object({
  name: required(200),
  country: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? "FR" : typeof v === "string" ? v.trim().toUpperCase() : v),
    countryCode,
  ),
  city: text(120),
  description: text(2000),
});

/** Dates are stored at midnight UTC, as the register does. */
const toDate = (d: string | undefined) => (d ? new Date(`${d}T00:00:00.000Z`) : null);

export function toVendorInput(v: VendorShapeOutput): VendorInput {
  return {
    name: v.name,
    legalName: v.legalName ?? null,
    registrationNumber: v.registrationNumber ?? null,
    website: v.website ?? null,
    country: v.country,
    parentName: v.parentName ?? null,
    parentCountry: v.parentCountry ?? null,
    contactName: v.contactName ?? null,
    contactEmail: v.contactEmail ?? null,
    hdsActivities: v.hdsActivities ?? null,
    hdsExpiry: toDate(v.hdsExpiry),
    iso27001Expiry: toDate(v.iso27001Expiry),
    dpfCertified: v.dpfCertified,
    dpfCheckedAt: toDate(v.dpfCheckedAt),
    shareholdingWithinLimits: v.shareholdingWithinLimits,
    dpaStatus: v.dpaStatus,
    dpaSignedAt: toDate(v.dpaSignedAt),
    dpaReference: v.dpaReference ?? null,
    dpaNextReview: toDate(v.dpaNextReview),
    notes: v.notes ?? null,
  };
}

export function toServiceInput(v: z.infer<typeof ServiceFormSchema>): ServiceInput {
  return {
    name: v.name,
    description: v.description ?? null,
    secNumCloudQualified: v.secNumCloudQualified,
    secNumCloudDate: v.secNumCloudQualified ? toDate(v.secNumCloudDate) : null,
    secNumCloudVersion: v.secNumCloudQualified ? (v.secNumCloudVersion ?? null) : null,
    secNumCloudScope: v.secNumCloudQualified ? (v.secNumCloudScope ?? null) : null,
    nonEuAccess: v.nonEuAccess,
  };
}

export function toLocationInput(v: z.infer<typeof LocationFormSchema>): LocationInput {
  return {
    role: v.role,
    country: v.country,
    region: v.region ?? null,
    providerServiceId: v.providerServiceId ?? null,
    safeguard: v.safeguard ?? null,
    tiaDone: v.tiaDone,
    safeguardUrl: v.safeguardUrl ?? null,
  };
}

export function toHostingSiteInput(v: z.infer<typeof HostingSiteFormSchema>): {
  name: string;
  country: string;
  city: string | null;
  description: string | null;
} {
  return { name: v.name, country: v.country, city: v.city ?? null, description: v.description ?? null };
}

/** A stored date as the value of an <input type="date">. */
export function dateInputValue(d: Date | string | null | undefined): string {
  if (!d) return "";
  return (typeof d === "string" ? d : d.toISOString()).slice(0, 10);
}
