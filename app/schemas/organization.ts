import { emailField, optionalText, requiredText, sirenField, slugField, z } from "~/utils/validation.ts";

const optionalEmail = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), emailField.optional());

/** Identity of a controller, as the register's cover and Art. 30(1)(a) need it. */
export const OrganizationFieldsSchema = z.object({
  name: requiredText(200),
  siren: sirenField,
  address: optionalText(500),
  legalRepresentative: optionalText(200),
  dpoName: optionalText(200),
  dpoEmail: optionalEmail,
  dpoPhone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[+0-9 ().-]{6,30}$/, "errors.phone")
      .optional(),
  ),
  dpoCnilNumber: optionalText(40),
  /** Staff headcount: CNIL exempt type 1 (délibération 2019-118) applies below 250. */
  headcount: z.preprocess(
    (v) =>
      v === undefined || v === null || (typeof v === "string" && v.trim() === "")
        ? undefined
        : typeof v === "string" && /^\d{1,7}$/.test(v.trim())
          ? Number(v.trim())
          : v,
    z.number({ error: "errors.headcount" }).int("errors.headcount").min(1, "errors.headcount").max(10_000_000, "errors.headcount").optional(),
  ),
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
