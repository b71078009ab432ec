/**
 * Search and filter of the template library (pure): accent- and case-insensitive words over the title,
 * summary and purposes in the user's language, and a department filter by a language-independent slug.
 */
import type { TemplateFile } from "~/schemas/template.ts";
import type { Locale } from "~/utils/i18n.ts";
import { slugify } from "~/utils/slug.ts";

/** "Élections, État-civil" -> "elections, etat-civil": comparable whatever the accents and case. */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .toLowerCase();
}

/** The department filter's value: the slug of the French name, the same in both languages. */
export function departmentKey(t: TemplateFile): string {
  return slugify(t.department.fr);
}

export type TemplateSummary = {
  id: string;
  title: string;
  department: string;
  departmentKey: string;
  summary: string;
  dpia: TemplateFile["dpiaHint"]["required"];
  cnilListType: number | null;
};

export function summarize(t: TemplateFile, locale: Locale): TemplateSummary {
  return {
    id: t.id,
    title: t.title[locale],
    department: t.department[locale],
    departmentKey: departmentKey(t),
    summary: t.summary[locale],
    dpia: t.dpiaHint.required,
    cnilListType: t.dpiaHint.cnilListType,
  };
}

/** Every word of `q` must appear somewhere in the template's title, summary or purposes. */
export function searchTemplates(templates: readonly TemplateFile[], locale: Locale, query: { q?: string; department?: string }): TemplateSummary[] {
  const words = fold(query.q ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return templates
    .filter((t) => !query.department || departmentKey(t) === query.department)
    .filter((t) => {
      if (words.length === 0) return true;
      const c = t.content[locale];
      const haystack = fold([t.title[locale], t.summary[locale], c.purposes.main ?? "", ...c.purposes.sub].join(" \n "));
      return words.every((w) => haystack.includes(w));
    })
    .map((t) => summarize(t, locale))
    .sort((a, b) => a.title.localeCompare(b.title, locale));
}

/** The departments of the library, for the filter, sorted in the user's language. */
export function templateDepartments(templates: readonly TemplateFile[], locale: Locale): { key: string; label: string; count: number }[] {
  const byKey = new Map<string, { key: string; label: string; count: number }>();
  for (const t of templates) {
    const key = departmentKey(t);
    const entry = byKey.get(key) ?? { key, label: t.department[locale], count: 0 };
    entry.count += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label, locale));
}
