/**
 * Answer letters to data-subject requests, filled from the register: purposes, legal bases,
 * recipients, retention, source, transfers and the right to complain to the CNIL. An access request
 * lists the Art. 15(1) items for each activity concerned. French and English.
 */
import type { ActivityContent } from "~/schemas/activity.ts";
import { formatDate, type Locale, type MessageKey } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import type { TextDoc } from "./breach-drafts.ts";

export type RequestLetterData = {
  organization: { name: string; address: string | null; dpoName: string | null; dpoEmail: string | null; legalRepresentative: string | null };
  request: {
    ref: string;
    type: string;
    regime: string;
    receivedAt: string;
    requesterName: string | null;
    extendedDueAt: string | null;
    extensionReason: string | null;
  };
  activities: { ref: string; content: ActivityContent }[];
};

export function requestLetter(d: RequestLetterData, locale: Locale): TextDoc {
  const t = createT(locale);
  const none = t("requests.letter.none");
  const join = (xs: string[]) => (xs.length ? xs.join(" ; ") : none);
  const type = d.request.type;
  const sections: TextDoc["sections"] = [
    {
      heading: t("requests.letter.object"),
      paragraphs: [
        t("requests.letter.greeting", { name: d.request.requesterName ?? "" }),
        t("requests.letter.received", { date: formatDate(locale, d.request.receivedAt), type: t(`requests.type.${type}` as MessageKey) }),
        t(`requests.letter.body.${type}` as MessageKey),
      ],
    },
  ];
  if (d.request.extendedDueAt)
    sections.push({
      heading: t("requests.letter.extension"),
      paragraphs: [t("requests.letter.extensionText", { date: formatDate(locale, d.request.extendedDueAt), reason: d.request.extensionReason ?? none })],
    });
  for (const a of d.activities) {
    const c = a.content;
    // Art. 15(1)(a)-(h) and 15(2), in that order, from the activity's record.
    const items: string[] = [
      `${t("requests.art15.purposes")} : ${join([c.purposes.main ?? "", ...c.purposes.sub].filter(Boolean))}`,
      `${t("requests.art15.legalBasis")} : ${join(c.legalBases.map((b) => `${t(`vocab.legalBasis.${b.basis}`)}${b.text ? ` (${b.text})` : ""}`))}`,
      `${t("requests.art15.categories")} : ${join(c.dataCategories.map((x) => t(`vocab.dataCategory.${x.category}`)))}`,
      `${t("requests.art15.recipients")} : ${join(c.recipients.map((r) => r.name))}`,
      `${t("requests.art15.retention")} : ${join(c.dataCategories.flatMap((x) => (x.retention.activePeriod ? [`${t(`vocab.dataCategory.${x.category}`)} : ${x.retention.activePeriod}`] : [])))}`,
      `${t("requests.art15.rights")}`,
      `${t("requests.art15.complaint")}`,
      `${t("requests.art15.source")} : ${join([...new Set(c.dataCategories.flatMap((x) => (x.source ? [x.source] : [])))])}`,
      `${t("requests.art15.automated")} : ${c.riskFlags.automatedDecision ? t("requests.art15.automatedYes") : t("requests.art15.automatedNo")}`,
      `${t("requests.art15.transfers")} : ${join(c.transfers.map((x) => `${x.country} — ${x.recipient} (${t(`vocab.safeguard.${x.safeguard}`)})`))}`,
    ];
    if (type === "ACCESS") sections.push({ heading: `${a.ref} — ${c.name}`, paragraphs: items });
    else sections.push({ heading: `${a.ref} — ${c.name}`, paragraphs: [items[0]!, items[1]!, items[3]!, items[9]!] });
  }
  sections.push({
    heading: t("requests.letter.contact"),
    paragraphs: [
      t("requests.letter.dpo", { dpo: [d.organization.dpoName, d.organization.dpoEmail].filter(Boolean).join(", ") || none }),
      t("requests.letter.complaint"),
    ],
  });
  return {
    title: t("requests.letter.title", { ref: d.request.ref }),
    subtitle: [d.organization.name, d.organization.address].filter(Boolean).join(" — "),
    sections,
    note: t("requests.letter.signature", { representative: d.organization.legalRepresentative ?? d.organization.name }),
  };
}
