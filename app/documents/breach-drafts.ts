/**
 * Drafts built from the breach register: the CNIL notification (sections in the order of the CNIL's
 * online form) and the Art. 34(2) letter to the people concerned. One neutral structure renders to
 * plain text (to paste into the CNIL form or a mail) and to PDF (text-pdf.ts).
 */
import { breachClock, needsDelayReason } from "~/analysis/breach.ts";
import { CNIL_FORM_SECTIONS, type CnilFormSection } from "~/reference/cnil-breach-form.ts";
import type { BreachContent } from "~/schemas/breach.ts";
import { formatDate, type Locale, type MessageKey } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";

export type TextDoc = { title: string; subtitle?: string; sections: { heading: string; paragraphs: string[] }[]; note?: string };

export type BreachDraftData = {
  organization: {
    name: string;
    siren: string | null;
    address: string | null;
    dpoName: string | null;
    dpoEmail: string | null;
    dpoPhone: string | null;
    dpoCnilNumber: string | null;
    legalRepresentative: string | null;
  };
  breach: { ref: string; status: string; content: BreachContent };
  activities: { ref: string; name: string }[];
  vendors: { name: string; country: string }[];
  notifications: { kind: string; sentAt: string; reference: string | null; delayReason: string | null }[];
  /** When the draft is dated (a fixed value in tests). */
  generatedAt: string;
};

const line = (label: string, value: string | null | undefined, none: string) => `${label} : ${value && value.trim() !== "" ? value : none}`;

export function cnilNotificationDraft(d: BreachDraftData, locale: Locale): TextDoc {
  const t = createT(locale);
  const c = d.breach.content;
  const none = t("breaches.draft.none");
  const date = (iso: string | undefined) => (iso ? formatDate(locale, iso, true) : none);
  const o = d.organization;
  const a = c.assessment;
  const initial = d.notifications.find((n) => n.kind === "INITIAL");
  const kind = initial ? "COMPLEMENTARY" : "INITIAL";
  const sentOrNow = initial ? new Date(initial.sentAt) : new Date(d.generatedAt);
  const late = needsDelayReason(new Date(c.awareAt), sentOrNow);
  const clock = breachClock(new Date(c.awareAt), initial ? new Date(initial.sentAt) : null, new Date(d.generatedAt));
  const sections: Record<CnilFormSection, string[]> = {
    notificationType: [
      line(t("breaches.cnil.kind"), t(`breaches.notification.${kind}`), none),
      t("breaches.cnil.kindHelp"),
      ...d.notifications.map((n) => `${t(`breaches.notification.${n.kind as "INITIAL"}`)} — ${date(n.sentAt)}${n.reference ? ` (${n.reference})` : ""}`),
    ],
    organization: [
      line(t("fields.orgName"), o.name, none),
      line(t("fields.siren"), o.siren, none),
      line(t("fields.address"), o.address, none),
      line(t("fields.legalRepresentative"), o.legalRepresentative, none),
      line(t("breaches.cnil.dpo"), [o.dpoName, o.dpoEmail, o.dpoPhone].filter(Boolean).join(", "), none),
      line(t("fields.dpoCnilNumber"), o.dpoCnilNumber, none),
    ],
    chronology: [
      line(t("breaches.field.startedAt"), date(c.startedAt), none),
      line(t("breaches.field.endedAt"), c.endedAt ? date(c.endedAt) : t("breaches.ongoing"), none),
      line(t("breaches.field.discoveredAt"), date(c.discoveredAt), none),
      line(t("breaches.field.awareAt"), date(c.awareAt), none),
      line(t("breaches.field.discoveryMeans"), c.discoveryMeans, none),
      line(t("breaches.cnil.deadline"), date(clock.deadline.toISOString()), none),
      ...(late ? [line(t("breaches.field.delayReason"), initial?.delayReason ?? t("breaches.cnil.delayToExplain"), none)] : []),
    ],
    nature: [
      line(t("breaches.field.nature"), c.nature.map((n) => t(`breaches.nature.${n}`)).join(", "), none),
      line(t("breaches.field.description"), c.description, none),
      line(t("breaches.field.cause"), c.cause, none),
      line(t("breaches.field.vendors"), d.vendors.map((v) => `${v.name} (${v.country})`).join(", "), none),
      line(t("breaches.field.activities"), d.activities.map((x) => `${x.ref} ${x.name}`).join("; "), none),
    ],
    data: [
      line(t("breaches.field.dataCategories"), c.dataCategories.map((x) => t(`vocab.dataCategory.${x}`)).join(", "), none),
      line(t("breaches.field.approxRecords"), c.approxRecords === null ? null : String(c.approxRecords), none),
    ],
    subjects: [
      line(
        t("breaches.field.subjects"),
        c.subjects.map((s) => `${t(`vocab.dataSubject.${s.category}`)}${s.count !== null ? ` (${s.count})` : ""}`).join(", "),
        none,
      ),
      line(t("breaches.field.approxPeople"), c.approxPeople === null ? null : String(c.approxPeople), none),
    ],
    consequences: [
      line(t("breaches.field.consequences"), c.consequences, none),
      line(t("breaches.field.risk"), a ? `${t(`breaches.risk.${a.risk}`)} — ${a.reasoning}` : t("breaches.risk.unassessed"), none),
      ...(a
        ? [
            t("breaches.cnil.enisa", {
              score:
                Math.round(
                  (a.enisa.dpc * a.enisa.ei + a.enisa.confidentiality + a.enisa.integrity + a.enisa.availability + (a.enisa.malicious ? 0.5 : 0)) * 100,
                ) / 100,
            }),
          ]
        : []),
    ],
    measures: [line(t("breaches.field.measures"), c.measures, none)],
    information: a
      ? [
          line(t("breaches.field.informSubjects"), a.informSubjects ? t("breaches.yes") : t("breaches.no"), none),
          line(t("breaches.field.informReasoning"), a.informReasoning, none),
          ...(a.exemption ? [line(t("breaches.field.exemption"), t(`breaches.exemption.${a.exemption}`), none)] : []),
          ...(a.subjectsInformedAt
            ? [line(t("breaches.field.subjectsInformedAt"), date(a.subjectsInformedAt), none), line(t("breaches.field.informChannel"), a.informChannel, none)]
            : []),
        ]
      : [t("breaches.risk.unassessed")],
    crossBorder: [line(t("breaches.field.crossBorder"), c.crossBorder, none)],
  };
  return {
    title: t("breaches.cnil.title"),
    subtitle: `${o.name} — ${d.breach.ref} — ${c.title}`,
    sections: CNIL_FORM_SECTIONS.map((s) => ({ heading: t(`breaches.cnil.section.${s}` as MessageKey), paragraphs: sections[s] })),
    note: t("breaches.cnil.note", { date: formatDate(locale, d.generatedAt, true) }),
  };
}

/** Art. 34(2): clear and plain language; nature of the breach, DPO contact, likely consequences, measures. */
export function subjectLetterDraft(d: BreachDraftData, locale: Locale): TextDoc {
  const t = createT(locale);
  const c = d.breach.content;
  const o = d.organization;
  const none = t("breaches.draft.none");
  const dpo = [o.dpoName, o.dpoEmail, o.dpoPhone].filter(Boolean).join(", ") || none;
  return {
    title: t("breaches.letter.title"),
    subtitle: o.name,
    sections: [
      {
        heading: t("breaches.letter.what"),
        paragraphs: [t("breaches.letter.intro", { organization: o.name, date: formatDate(locale, c.awareAt) }), c.description],
      },
      { heading: t("breaches.letter.data"), paragraphs: [c.dataCategories.map((x) => t(`vocab.dataCategory.${x}`)).join(", ") || none] },
      { heading: t("breaches.letter.consequences"), paragraphs: [c.consequences ?? none] },
      { heading: t("breaches.letter.measures"), paragraphs: [c.measures ?? none, t("breaches.letter.advice")] },
      { heading: t("breaches.letter.contact"), paragraphs: [t("breaches.letter.dpo", { dpo }), t("breaches.letter.complaint")] },
    ],
    note: t("breaches.letter.signature", { representative: o.legalRepresentative ?? o.name }),
  };
}

export function textDocToPlain(doc: TextDoc): string {
  const out = [doc.title, ...(doc.subtitle ? [doc.subtitle] : []), ""];
  doc.sections.forEach((s, i) => {
    out.push(`${i + 1}. ${s.heading}`, ...s.paragraphs, "");
  });
  if (doc.note) out.push(doc.note, "");
  return out.join("\n");
}
