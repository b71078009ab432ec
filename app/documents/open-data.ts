/** The public register as open data (CSV and JSON): the same safe subset the public page shows. */
import type { PublicRegister } from "~/models/public-register.server.ts";
import { type Locale } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";
import { csvBuffer, type CsvSeparator } from "./tabular.ts";

export function publicRegisterCsv(reg: PublicRegister, locale: Locale, separator: CsvSeparator = ","): Buffer {
  const t = (k: Parameters<typeof translate>[1]) => translate(locale, k);
  const header = [
    "ref",
    "name",
    "purposes",
    "legal_bases",
    "data_subjects",
    "data_categories_and_retention",
    "recipient_types",
    "transfers",
    "computed_transfers",
    "to_verify",
    "rights",
    "version",
    "approved_at",
  ];
  const rows = reg.activities.map((a) => [
    a.ref,
    a.name,
    [a.purposes.main, ...a.purposes.sub].filter(Boolean).join(" ; "),
    a.legalBases.map((b) => `${t(`vocab.legalBasis.${b.basis}`)}${b.text ? ` — ${b.text}` : ""}`).join(" ; "),
    a.dataSubjects.map((d) => t(`vocab.dataSubject.${d}`)).join(" ; "),
    a.dataCategories
      .map(
        (d) =>
          `${t(`vocab.dataCategory.${d.category}`)} : ${[d.retention.activePeriod, d.retention.intermediatePeriod, d.retention.finalFate ? t(`vocab.finalFate.${d.retention.finalFate}`) : null].filter(Boolean).join(" / ")}`,
      )
      .join(" ; "),
    a.recipientTypes.map((r) => t(`vocab.recipientType.${r}`)).join(" ; "),
    a.transfers.map((x) => `${x.country} (${t(`vocab.safeguard.${x.safeguard}`)})`).join(" ; "),
    // Computed from the vendors: "MA (Vendor → Service → support: status)".
    a.computedTransfers
      .map((x) => `${x.country} (${x.chain.length > 0 ? x.chain.join(" → ") : x.recipient} : ${t(`sovereignty.transfer.${x.status}`)})`)
      .join(" ; "),
    // Facts still to record before the transfers' analysis can conclude, in the file's language.
    a.toVerify.map((v) => v[locale]).join(" ; "),
    a.rightsExercise ?? "",
    String(a.version),
    a.approvedAt,
  ]);
  return csvBuffer([header, ...rows], separator);
}
