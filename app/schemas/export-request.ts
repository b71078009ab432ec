import { emptyToUndefined, z } from "~/utils/validation.ts";

export const EXPORT_FORMATS = ["pdf", "activity-pdf", "csv", "xlsx", "json", "jsonld", "dpia-pdf", "pia-json"] as const;
/** Formats about one activity: they need a `ref`. */
export const ONE_ACTIVITY_FORMATS: readonly ExportFormat[] = ["activity-pdf", "dpia-pdf", "pia-json"];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A share link lives at most this long. */
export const SHARE_MAX_DAYS = 90;

/** The i18n key of a format's label (message keys use "_" where format codes use "-"). */
export function formatLabel(format: string) {
  return `exports.format.${format.replace(/-/g, "_") as "pdf" | "activity_pdf" | "csv" | "xlsx" | "json" | "jsonld" | "dpia_pdf" | "pia_json" | "public_json" | "public_csv"}` as const;
}

/** One schema for the export form and the command line. */
export const ExportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    locale: z.enum(["fr", "en"]).default("fr"),
    scope: z.enum(["controller", "processor", "all"]).default("all"),
    asOf: z.preprocess(emptyToUndefined, z.iso.date({ error: "errors.date" }).optional()),
    departments: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().min(1).max(200)).max(100)),
    ref: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^T-\d{4,}$/, "errors.refRequired")
        .optional(),
    ),
    separator: z.enum(["comma", "semicolon"]).default("comma"),
  })
  .refine((v) => !ONE_ACTIVITY_FORMATS.includes(v.format) || Boolean(v.ref), { path: ["ref"], message: "errors.refRequired" });
