/**
 * Bulk onboarding files (issue 14, ADR 019): one organization per row of a CSV or XLSX, with the
 * columns name, SIREN, type, slug, address, contact e-mail and département (French or English
 * headers, in any order). Pure reading and validation; the model checks the database.
 */
import { z } from "zod";
import { isDepartmentCode, ORGANIZATION_KINDS } from "~/analysis/portfolio.ts";
import type { MessageKey } from "~/utils/i18n.ts";
import { slugify } from "~/utils/slug.ts";
import { blankThen, emailField, isValidSiren, optionalText, requiredText, slugField } from "~/utils/validation.ts";
import { decodeText, detectSeparator, looksBinary, parseCsv } from "./csv.ts";
import { ImportFileError } from "./limits.ts";
import { isZip, readXlsx } from "./xlsx.ts";

export const ONBOARDING_MAX_ROWS = 1000;

const FIELDS = ["name", "siren", "kind", "slug", "address", "email", "departmentCode"] as const;
type Field = (typeof FIELDS)[number];

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** Header spellings, folded (no accents, no punctuation). */
const HEADERS: Record<Field, string[]> = {
  name: ["name", "nom", "raison sociale", "denomination", "collectivite", "organisation", "organization"],
  siren: ["siren", "numero siren", "n siren"],
  kind: ["type", "kind", "type de collectivite", "nature", "categorie"],
  slug: ["slug", "identifiant", "adresse web", "identifier"],
  address: ["address", "adresse", "adresse postale", "postal address"],
  email: ["email", "e mail", "courriel", "contact", "contact email", "e mail du contact", "courriel du contact", "email du maire", "contact e mail"],
  departmentCode: ["departement", "department", "code departement", "dep", "dept"],
};

/** Type labels, folded, to kinds. */
const KINDS: Record<string, (typeof ORGANIZATION_KINDS)[number]> = {
  commune: "commune",
  mairie: "commune",
  municipality: "commune",
  epci: "epci",
  intercommunalite: "epci",
  "communaute de communes": "epci",
  "communaute d agglomeration": "epci",
  "communaute urbaine": "epci",
  metropole: "epci",
  ccas: "ccas",
  cias: "ccas",
  syndicat: "syndicat",
  "syndicat intercommunal": "syndicat",
  "syndicat mixte": "syndicat",
  departement: "departement",
  department: "departement",
  "conseil departemental": "departement",
  region: "region",
  "service dpo": "dpo_service",
  "dpo service": "dpo_service",
  dpo_service: "dpo_service",
  "centre de gestion": "dpo_service",
  autre: "other",
  other: "other",
};

export function kindOf(label: string): (typeof ORGANIZATION_KINDS)[number] | null {
  const f = fold(label);
  return KINDS[f] ?? KINDS[label.trim().toLowerCase()] ?? null;
}

/** One row as validated: what the model creates. */
export const OnboardingRowSchema = z.object({
  name: requiredText(200),
  siren: z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s.\u00a0]/g, "") : v), z.string().refine(isValidSiren, "errors.siren")),
  kind: z.enum(ORGANIZATION_KINDS, { error: "portfolio.onboard.errors.kind" }),
  slug: slugField,
  address: optionalText(500),
  email: emailField,
  departmentCode: z.preprocess(
    blankThen((s) => s.toUpperCase()),
    z.string().refine(isDepartmentCode, "portfolio.onboard.errors.department").optional(),
  ),
});
export type OnboardingRow = z.infer<typeof OnboardingRowSchema>;

export type RowProblem = { field: Field | "row"; key: MessageKey };
export type CheckedRow = { line: number; input: Record<Field, string>; value: OnboardingRow | null; problems: RowProblem[] };

/** Validates raw rows (header already mapped): schema, then duplicates inside the file. */
export function checkRows(raw: { line: number; input: Record<Field, string> }[]): CheckedRow[] {
  const out = raw.map((r): CheckedRow => {
    const kind = r.input.kind.trim() === "" ? "" : (kindOf(r.input.kind) ?? r.input.kind);
    const slug = r.input.slug.trim() === "" ? slugify(r.input.name).slice(0, 60).replace(/-+$/, "") : r.input.slug.trim();
    const parsed = OnboardingRowSchema.safeParse({ ...r.input, kind, slug });
    if (parsed.success) return { line: r.line, input: r.input, value: parsed.data, problems: [] };
    return {
      line: r.line,
      input: r.input,
      value: null,
      problems: parsed.error.issues.map((i) => ({ field: (i.path[0] as Field | undefined) ?? "row", key: i.message.split("|")[0] as MessageKey })),
    };
  });
  const seen = { siren: new Map<string, number>(), slug: new Map<string, number>() };
  for (const r of out) {
    if (!r.value) continue;
    for (const f of ["siren", "slug"] as const) {
      const first = seen[f].get(r.value[f]);
      if (first !== undefined) {
        r.problems.push({ field: f, key: f === "siren" ? "portfolio.onboard.errors.duplicateSiren" : "portfolio.onboard.errors.duplicateSlug" });
      } else seen[f].set(r.value[f], r.line);
    }
    if (r.problems.length) r.value = null;
  }
  return out;
}

function mapHeader(header: string[]): Map<Field, number> {
  const m = new Map<Field, number>();
  header.forEach((h, i) => {
    const f = fold(h);
    for (const field of FIELDS) if (!m.has(field) && HEADERS[field].includes(f)) m.set(field, i);
  });
  return m;
}

/** Reads a CSV or XLSX file into raw rows. Throws ImportFileError when the file as a whole cannot be used. */
export async function readOnboardingFile(bytes: Uint8Array): Promise<{ line: number; input: Record<Field, string> }[]> {
  let table: { line: number; cells: string[] }[];
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    table = sheet.rows.map((r) => ({ line: r.rowNumber, cells: r.cells.map((c) => (typeof c === "string" ? c : "")) }));
  } else {
    if (looksBinary(bytes)) throw new ImportFileError("portfolio.onboard.errors.format");
    const { text } = decodeText(bytes);
    table = parseCsv(text, detectSeparator(text), 1).map((cells, i) => ({ line: i + 1, cells }));
  }
  const nonEmpty = table.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new ImportFileError("portfolio.onboard.errors.empty");
  const map = mapHeader(header.cells);
  const missing = (["name", "siren", "email"] as const).filter((f) => !map.has(f));
  if (missing.length) throw new ImportFileError("portfolio.onboard.errors.columns", { columns: missing.join(", ") });
  if (rows.length === 0) throw new ImportFileError("portfolio.onboard.errors.empty");
  if (rows.length > ONBOARDING_MAX_ROWS) throw new ImportFileError("portfolio.onboard.errors.tooMany", { max: ONBOARDING_MAX_ROWS });
  return rows.map((r) => ({
    line: r.line,
    input: Object.fromEntries(FIELDS.map((f) => [f, map.has(f) ? (r.cells[map.get(f)!] ?? "").trim() : ""])) as Record<Field, string>,
  }));
}
