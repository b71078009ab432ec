/**
 * One file of the template library (templates/<id>.json): a typical processing activity of a French
 * commune, in French and in English, that a DPO copies into the register and then adapts.
 *
 * Pure (no file access): shared by the loader (app/domain/templates.server.ts), tests and any UI.
 * Messages here are for the people who edit the data files, so they are plain English, not i18n keys.
 */
import { ActivityContentSchema, type ActivityContent } from "~/schemas/activity.ts";
import { isSensitiveCategory, OFFENCE_DATA_CATEGORY, RISK_FLAGS } from "~/reference/vocabularies.ts";
import { z } from "~/utils/validation.ts";

/**
 * CNIL list of processing types that require a DPIA (délibération n° 2018-327 du 11 octobre 2018):
 * 1 health data in care establishments, 2 genetic data of vulnerable persons, 3 HR profiling,
 * 4 constant monitoring of employees, 5 social and health alerts, 6 professional alerts
 * (whistleblowing), 7 health data warehouses or registries, 8 profiling that can exclude from a
 * contract, 9 pooled files of contract breaches, 10 profiling with external data, 11 biometrics with
 * vulnerable persons, 12 social-housing applications, 13 social or social-care support,
 * 14 large-scale location data.
 */
export const CNIL_DPIA_REQUIRED_LIST = { deliberation: "2018-327", size: 14 } as const;

/**
 * CNIL list of processing types that do not require a DPIA (délibération n° 2019-118 du 12 septembre
 * 2019): 1 HR in bodies under 250 staff without profiling, 2 suppliers, 3 the commune's electoral
 * roll, 4 works councils, 5 members and donors of non-profits, 6-9 single health professionals,
 * lawyers, commercial-court clerks and notaries, 10 school, after-school and early-childhood services
 * of collectivités, 11 physical access control and working time without biometrics, 12 breathalysers.
 */
export const CNIL_DPIA_EXEMPT_LIST = { deliberation: "2019-118", size: 12 } as const;

export const DPIA_REQUIRED_VALUES = ["likely", "unlikely", "depends"] as const;

export const TEMPLATE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const str = (max: number) => z.string().trim().min(1).max(max);
const bilingual = (max: number) => z.strictObject({ fr: str(max), en: str(max) });
const bilingualList = (max: number, min = 0) =>
  z.strictObject({ fr: z.array(str(max)).min(min).max(40), en: z.array(str(max)).min(min).max(40) }).superRefine((v, ctx) => {
    if (v.fr.length !== v.en.length) {
      ctx.addIssue({ code: "custom", path: ["en"], message: `the English list has ${v.en.length} items, the French one ${v.fr.length}` });
    }
  });

/** Formats any Zod issue for a person editing a JSON file: path, message and the useful details. */
export function describeIssue(issue: z.core.$ZodIssue, prefix: (string | number)[] = []): string {
  const path = [...prefix, ...issue.path].map(String).join(".") || "(root)";
  const details: string[] = [];
  if (issue.code === "invalid_value") details.push(`expected one of: ${issue.values.map(String).join(", ")}`);
  if (issue.code === "unrecognized_keys") details.push(`unknown keys: ${issue.keys.join(", ")}`);
  if (issue.code === "invalid_type") details.push(`expected ${issue.expected}`);
  return `${path}: ${issue.message}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

/** Keys of `raw` that the schema dropped: typos ("legalBasis") or empty values. */
function droppedKeys(raw: unknown, parsed: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((item, i) => droppedKeys(item, parsed[i], [...path, i]));
  if (raw && typeof raw === "object" && !Array.isArray(raw) && parsed && typeof parsed === "object") {
    const out: (string | number)[][] = [];
    for (const [key, value] of Object.entries(raw)) {
      const next = (parsed as Record<string, unknown>)[key];
      if (!(key in parsed) || (next === undefined && value !== undefined)) out.push([...path, key]);
      else out.push(...droppedKeys(value, next, [...path, key]));
    }
    return out;
  }
  return [];
}

type Issue = { path: (string | number)[]; message: string };

/** What a template must say beyond what the register accepts: a complete, generic Art. 30 record. */
function templateContentIssues(c: ActivityContent): Issue[] {
  const issues: Issue[] = [];
  const need = (ok: boolean, path: (string | number)[], message: string) => {
    if (!ok) issues.push({ path, message });
  };
  need(Boolean(c.description), ["description"], "a template needs a description");
  need(Boolean(c.purposes.main), ["purposes", "main"], "a template needs a main purpose");
  need(c.regime === "LED" || c.legalBases.length > 0, ["legalBases"], "a GDPR template needs at least one legal basis");
  need(
    c.legalBases.every((b) => Boolean(b.text)),
    ["legalBases"],
    "every legal basis needs its legal text",
  );
  need(
    !c.dataCategories.some((d) => isSensitiveCategory(d.category)) || c.art9Conditions.length > 0,
    ["art9Conditions"],
    "Art. 9 data needs an Art. 9(2) condition",
  );
  // GDPR Art. 10 for GDPR activities; an LED activity records its own legal basis (Directive 2016/680 art. 8, LIL art. 87).
  need(
    c.regime !== "GDPR" || !c.dataCategories.some((d) => d.category === OFFENCE_DATA_CATEGORY) || Boolean(c.art10Basis),
    ["art10Basis"],
    "offence data needs its Art. 10 basis",
  );
  need(c.regime === "GDPR" || Boolean(c.ledLegalBasis), ["ledLegalBasis"], "a Directive 2016/680 template needs the texts it relies on in ledLegalBasis");
  need(c.dataSubjects.length > 0, ["dataSubjects"], "a template needs data subjects");
  need(c.dataCategories.length > 0, ["dataCategories"], "a template needs data categories");
  need(c.recipients.length > 0, ["recipients"], "a template needs recipients");
  need(c.securityMeasures.length > 0, ["securityMeasures"], "a template needs security measures");
  need(Boolean(c.rights.exercise) && Boolean(c.rights.information), ["rights"], "a template needs how rights are exercised and how people are informed");
  need(!c.recipients.some((r) => r.type === "third_country") || c.transfers.length > 0, ["transfers"], "a third-country recipient needs its transfer");
  need(
    c.transfers.every((t) => t.safeguard !== "none"),
    ["transfers"],
    "a template never suggests a transfer without safeguard",
  );
  c.dataSubjects.forEach((s, i) => need(s.estimatedCount === undefined, ["dataSubjects", i, "estimatedCount"], "templates are generic: no estimated count"));
  c.dataCategories.forEach((d, i) => {
    need(Boolean(d.description), ["dataCategories", i, "description"], "each data category needs a description");
    need(Boolean(d.source), ["dataCategories", i, "source"], "each data category needs its source");
    need(Boolean(d.retention.activePeriod), ["dataCategories", i, "retention", "activePeriod"], "each data category needs a retention period");
    need(Boolean(d.retention.finalFate), ["dataCategories", i, "retention", "finalFate"], "each data category needs a final fate");
  });
  for (const key of ["implementationDate", "lastReviewAt", "nextReviewAt"] as const) {
    need(c[key] === undefined, [key], "templates are generic: no dates of a particular organisation");
  }
  return issues;
}

/** One language's content: a valid activity (ActivityContentSchema), complete and without unknown keys. */
const TemplateContentSchema = z.unknown().transform((raw, ctx): ActivityContent => {
  const result = ActivityContentSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues)
      ctx.addIssue({ code: "custom", path: issue.path as (string | number)[], message: describeIssue(issue).replace(/^[^:]*: /, "") });
    return z.NEVER;
  }
  for (const path of droppedKeys(raw, result.data)) ctx.addIssue({ code: "custom", path, message: "unknown or empty field" });
  for (const issue of templateContentIssues(result.data)) ctx.addIssue({ code: "custom", ...issue });
  return result.data;
});

const codes = <T>(items: T[], pick: (item: T) => unknown) => items.map((i) => String(pick(i))).join(",");
const present = (v: unknown) => (v === undefined || v === null || v === "" ? "absent" : "present");

/**
 * The English content must be a translation of the French one: same codes in the same order, same
 * counts, same flags. Returns one issue (relative to content.en) per difference.
 */
export function structureDifferences(fr: ActivityContent, en: ActivityContent): Issue[] {
  const checks: [string[], string, string][] = [
    [["regime"], fr.regime, en.regime],
    [["role"], fr.role, en.role],
    [["description"], present(fr.description), present(en.description)],
    [["purposes", "main"], present(fr.purposes.main), present(en.purposes.main)],
    [["purposes", "sub"], String(fr.purposes.sub.length), String(en.purposes.sub.length)],
    [["jointControllers"], String(fr.jointControllers.length), String(en.jointControllers.length)],
    [["processorFor"], String(fr.processorFor.length), String(en.processorFor.length)],
    [["legalBases"], codes(fr.legalBases, (b) => b.basis), codes(en.legalBases, (b) => b.basis)],
    [["art9Conditions"], codes(fr.art9Conditions, (b) => b.condition), codes(en.art9Conditions, (b) => b.condition)],
    [["art10Basis"], present(fr.art10Basis), present(en.art10Basis)],
    [["ledLegalBasis"], present(fr.ledLegalBasis), present(en.ledLegalBasis)],
    [["dataSubjects"], codes(fr.dataSubjects, (s) => s.category), codes(en.dataSubjects, (s) => s.category)],
    [["dataCategories"], codes(fr.dataCategories, (d) => d.category), codes(en.dataCategories, (d) => d.category)],
    [["dataCategories", "retention"], codes(fr.dataCategories, (d) => d.retention.finalFate), codes(en.dataCategories, (d) => d.retention.finalFate)],
    [
      ["dataCategories", "retention", "intermediatePeriod"],
      codes(fr.dataCategories, (d) => present(d.retention.intermediatePeriod)),
      codes(en.dataCategories, (d) => present(d.retention.intermediatePeriod)),
    ],
    [
      ["dataCategories", "retention", "rule"],
      codes(fr.dataCategories, (d) => present(d.retention.rule)),
      codes(en.dataCategories, (d) => present(d.retention.rule)),
    ],
    [["recipients"], codes(fr.recipients, (r) => r.type), codes(en.recipients, (r) => r.type)],
    [["transfers"], codes(fr.transfers, (t) => `${t.country}/${t.safeguard}`), codes(en.transfers, (t) => `${t.country}/${t.safeguard}`)],
    [["securityMeasures"], codes(fr.securityMeasures, (m) => m.measure), codes(en.securityMeasures, (m) => m.measure)],
    [["rights"], `${present(fr.rights.exercise)}/${present(fr.rights.information)}`, `${present(en.rights.exercise)}/${present(en.rights.information)}`],
    [["riskFlags"], codes([...RISK_FLAGS], (f) => fr.riskFlags[f]), codes([...RISK_FLAGS], (f) => en.riskFlags[f])],
  ];
  return checks
    .filter(([, a, b]) => a !== b)
    .map(([path, a, b]) => ({ path, message: `differs from the French content (fr: ${a || "none"}; en: ${b || "none"})` }));
}

export const TemplateFileSchema = z
  .strictObject({
    id: z.string().regex(TEMPLATE_ID_PATTERN, "the id must be kebab-case").max(80),
    version: z.number().int().min(1),
    asOf: z.iso.date(),
    department: bilingual(100),
    title: bilingual(200),
    summary: bilingual(300).refine((s) => !/\n/.test(s.fr) && !/\n/.test(s.en), "the summary is one sentence"),
    dpiaHint: z
      .strictObject({
        required: z.enum(DPIA_REQUIRED_VALUES),
        cnilListType: z.number().int().min(1).max(CNIL_DPIA_REQUIRED_LIST.size).nullable(),
        exemptListType: z.number().int().min(1).max(CNIL_DPIA_EXEMPT_LIST.size).nullable(),
        note: bilingual(1000),
      })
      .superRefine((d, ctx) => {
        if (d.cnilListType !== null && d.required === "unlikely") {
          ctx.addIssue({ code: "custom", path: ["required"], message: "a type on the CNIL list requiring a DPIA cannot be marked unlikely" });
        }
        if (d.exemptListType !== null && d.required === "likely") {
          ctx.addIssue({ code: "custom", path: ["required"], message: "a type on the CNIL exempt list cannot be marked likely" });
        }
      }),
    software: bilingualList(200, 1),
    sources: z
      .array(str(300))
      .min(1)
      .max(30)
      .refine((s) => new Set(s).size === s.length, "sources are listed once each"),
    toVerify: bilingualList(600),
    content: z.strictObject({ fr: TemplateContentSchema, en: TemplateContentSchema }),
  })
  .superRefine((t, ctx) => {
    // Reached only when both contents parsed; the guard keeps a failed transform from crashing here.
    if (typeof t.content.fr?.name !== "string" || typeof t.content.en?.name !== "string") return;
    for (const issue of structureDifferences(t.content.fr, t.content.en))
      ctx.addIssue({ code: "custom", path: ["content", "en", ...issue.path], message: issue.message });
  });

export type TemplateFile = z.output<typeof TemplateFileSchema>;
export type TemplateFileInput = z.input<typeof TemplateFileSchema>;

export class TemplateFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: string[],
  ) {
    super(`Invalid template file "${fileName}":\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "TemplateFileError";
  }
}

/** Parses one template file's JSON; throws a TemplateFileError naming the file and every issue. */
export function parseTemplateFile(json: unknown, fileName: string): TemplateFile {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const result = TemplateFileSchema.safeParse(json);
  const issues = result.success ? [] : result.error.issues.map((i) => describeIssue(i));
  if (!base.endsWith(".json")) issues.push(`(file): a template file name ends with .json, got "${base}"`);
  const expectedId = base.replace(/\.json$/, "");
  const id = json && typeof json === "object" && "id" in json ? (json as { id: unknown }).id : undefined;
  if (typeof id === "string" && id !== expectedId) issues.push(`id: "${id}" must equal the file name without .json ("${expectedId}")`);
  if (!result.success || issues.length > 0) throw new TemplateFileError(base, issues);
  return result.data;
}
