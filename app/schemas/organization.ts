import { blank, emailField, optionalText, requiredText, sirenField, slugField, z } from "~/utils/validation.ts";

const optionalEmail = z.preprocess(blank, emailField.optional());

/**
 * Staff headcount: CNIL exempt type 1 (délibération 2019-118) applies below 250. A whole number from 0
 * to 10,000,000, blank when unknown; "1 200" (French thousands separator) is read as 1200.
 */
export const headcountField = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") return v;
    const digits = v.replace(/[\s\u00a0\u202f]/g, "");
    if (digits === "") return undefined;
    return /^\d{1,9}$/.test(digits) ? Number(digits) : v;
  },
  z.number({ error: "errors.headcount" }).int("errors.headcount").min(0, "errors.headcount").max(10_000_000, "errors.headcount").optional(),
);

/** Identity of a controller, as the register's cover and Art. 30(1)(a) need it. */
export const OrganizationFieldsSchema = z.object({
  name: requiredText(200),
  siren: sirenField,
  address: optionalText(500),
  legalRepresentative: optionalText(200),
  dpoName: optionalText(200),
  dpoEmail: optionalEmail,
  dpoPhone: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^[+0-9 ().-]{6,30}$/, "errors.phone")
      .optional(),
  ),
  dpoCnilNumber: optionalText(40),
  headcount: headcountField,
  defaultLocale: z.enum(["fr", "en"]),
  /** Shown on the accessibility statement: where people report an accessibility issue. */
  accessibilityContact: optionalText(300),
});

export const OrganizationCreateSchema = OrganizationFieldsSchema.extend({ slug: slugField });
export const OrganizationUpdateSchema = OrganizationFieldsSchema.extend({ version: z.coerce.number().int().min(1) });

export function toOrganizationInput(v: z.infer<typeof OrganizationFieldsSchema>) {
  return {
    name: v.name,
    siren: v.siren ?? null,
    address: v.address ?? null,
    legalRepresentative: v.legalRepresentative ?? null,
    dpoName: v.dpoName ?? null,
    dpoEmail: v.dpoEmail ?? null,
    dpoPhone: v.dpoPhone ?? null,
    dpoCnilNumber: v.dpoCnilNumber ?? null,
    headcount: v.headcount ?? null,
    defaultLocale: v.defaultLocale,
    accessibilityContact: v.accessibilityContact ?? null,
  };
}
