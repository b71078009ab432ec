/** The public register as open data (CSV and JSON): the same safe subset the public page shows. */
import type { PublicRegister } from "~/models/public-register.server.ts";
import { translate, type Locale } from "~/utils/i18n.ts";

/** A cell that a spreadsheet would read as a formula is prefixed with an apostrophe (OWASP CSV injection). */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function publicRegisterCsv(reg: PublicRegister, locale: Locale, separator = ","): Buffer {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  const header = ["ref", "name", "purposes", "legal_bases", "data_subjects", "data_categories_and_retention", "recipient_types", "transfers", "rights", "version", "approved_at"];
  const rows = reg.activities.map((a) => [
    a.ref,
    a.name,
    [a.purposes.main, ...a.purposes.sub].filter(Boolean).join(" ; "),
    a.legalBases.map((b) => `${t(`vocab.legalBasis.${b.basis}`)}${b.text ? ` — ${b.text}` : ""}`).join(" ; "),
    a.dataSubjects.map((d) => t(`vocab.dataSubject.${d}`)).join(" ; "),
    a.dataCategories
      .map((d) => `${t(`vocab.dataCategory.${d.category}`)} : ${[d.retention.activePeriod, d.retention.intermediatePeriod, d.retention.finalFate ? t(`vocab.finalFate.${d.retention.finalFate}`) : null].filter(Boolean).join(" / ")}`)
      .join(" ; "),
    a.recipientTypes.map((r) => t(`vocab.recipientType.${r}`)).join(" ; "),
    a.transfers.map((x) => `${x.country} (${t(`vocab.safeguard.${x.safeguard}`)})`).join(" ; "),
    a.rightsExercise ?? "",
    String(a.version),
    a.approvedAt,
  ]);
  const lines = [header, ...rows].map((r) => r.map((c) => csvCell(c ?? "", separator)).join(separator));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}
