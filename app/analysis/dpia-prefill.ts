/**
 * Prefills the CNIL method's questions (111-227) from the register record, the activity's vendor
 * links and its sovereignty analysis. Pure. What the register cannot tell is flagged "to complete".
 */
import type { Analysis } from "~/analysis/sovereignty.ts";
import { DPIA_MEASURES } from "~/reference/dpia-measures.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import { DPIA_QUESTIONS, type DpiaAnswers, type DpiaMeasure, type DpiaQuestion } from "~/schemas/dpia.ts";
import { countryList, countryName } from "~/reference/countries.ts";
import { type Locale, type MessageKey, type T } from "~/utils/i18n.ts";
import { isMessageKey, serverTranslator } from "~/utils/messages.server.ts";
import { translateToVerify } from "~/utils/sovereignty-text.ts";

export type PrefillLink = { role: string; vendor: string | null; service: string; dpaStatus: string | null; siteName: string | null };
export type PrefillInput = { content: ActivityContent; links: PrefillLink[]; analysis: Analysis | null };

export function prefillDpia(input: PrefillInput, t: T, locale: Locale = "fr"): DpiaAnswers {
  const c = input.content;
  const k = (key: string) => t(key as MessageKey);
  const join = (xs: string[]) => xs.filter(Boolean).join(", ");
  const unknown = t("dpia.prefill.unknown");
  const lines: Record<DpiaQuestion, string[]> = Object.fromEntries(DPIA_QUESTIONS.map((q) => [q, []])) as unknown as Record<DpiaQuestion, string[]>;
  const cat = (x: string) => k(`vocab.dataCategory.${x}`);

  // 111
  lines["111"].push(t("dpia.prefill.name", { name: c.name }));
  if (c.description) lines["111"].push(c.description);
  if (c.purposes.main) lines["111"].push(t("dpia.prefill.purpose", { text: c.purposes.main }));
  if (c.dataSubjects.length)
    lines["111"].push(
      t("dpia.prefill.subjects", {
        list: join(c.dataSubjects.map((s) => k(`vocab.dataSubject.${s.category}`) + (s.description ? ` (${s.description})` : ""))),
      }),
    );
  // 112
  lines["112"].push(t("dpia.prefill.role", { role: k(`vocab.role.${c.role}`) }));
  if (c.internalContact) lines["112"].push(t("dpia.prefill.contact", { text: c.internalContact }));
  if (c.jointControllers.length)
    lines["112"].push(t("dpia.prefill.jointControllers", { list: join(c.jointControllers.map((j) => j.name + (j.arrangement ? ` — ${j.arrangement}` : ""))) }));
  const processors = input.links.filter((l) => l.role === "PROCESSOR" || l.role === "SUB_PROCESSOR" || l.role === "HOSTING");
  if (processors.length)
    lines["112"].push(t("dpia.prefill.processors", { list: join(processors.map((l) => (l.vendor ? `${l.vendor} — ${l.service}` : l.service))) }));
  // 121
  for (const d of c.dataCategories) {
    const retention = [d.retention.activePeriod, d.retention.intermediatePeriod].filter(Boolean).join(" + ") || unknown;
    lines["121"].push(
      t("dpia.prefill.dataLine", {
        category: cat(d.category) + (d.description ? ` (${d.description})` : ""),
        retention,
        fate: d.retention.finalFate ? k(`vocab.finalFate.${d.retention.finalFate}`) : unknown,
      }),
    );
  }
  if (c.recipients.length)
    lines["121"].push(t("dpia.prefill.recipients", { list: join(c.recipients.map((r) => `${r.name} (${k(`vocab.recipientType.${r.type}`)})`)) }));
  // 122
  for (const d of c.dataCategories)
    lines["122"].push(
      t("dpia.prefill.sourceLine", {
        category: cat(d.category),
        source: d.source ?? unknown,
        fate: d.retention.finalFate ? k(`vocab.finalFate.${d.retention.finalFate}`) : unknown,
      }),
    );
  // 123
  for (const l of input.links) {
    const places = input.analysis
      ? join([...new Set(input.analysis.reach.filter((r) => (l.siteName ? r.ownHosting : r.chain[0] === l.vendor)).map((r) => r.country))])
      : "";
    lines["123"].push(
      t("dpia.prefill.assetLine", {
        service: l.vendor ? `${l.vendor} — ${l.service}` : l.service,
        role: k(`pdf.linkRole.${l.role}`),
        places: places || unknown,
      }),
    );
  }
  if (input.analysis?.countries.length) lines["123"].push(t("dpia.prefill.countries", { list: countryList(input.analysis.countries, locale) }));
  // 211-215
  if (c.purposes.main) lines["211"].push(t("dpia.prefill.purpose", { text: c.purposes.main }));
  if (c.purposes.sub.length) lines["211"].push(t("dpia.prefill.subPurposes", { list: join(c.purposes.sub) }));
  if (c.legalBases.length)
    lines["212"].push(t("dpia.prefill.legalBasis", { list: join(c.legalBases.map((b) => k(`vocab.legalBasis.${b.basis}`) + (b.text ? ` — ${b.text}` : ""))) }));
  if (c.art9Conditions.length)
    lines["212"].push(t("dpia.prefill.art9", { list: join(c.art9Conditions.map((a) => a.condition + (a.text ? ` — ${a.text}` : ""))) }));
  if (c.art10Basis) lines["212"].push(t("dpia.prefill.art10", { text: c.art10Basis }));
  if (c.dataCategories.length) lines["213"].push(t("dpia.prefill.minimisation", { list: join(c.dataCategories.map((d) => cat(d.category))) }));
  for (const d of c.dataCategories) {
    if (d.retention.activePeriod || d.retention.intermediatePeriod)
      lines["215"].push(
        t("dpia.prefill.retention", {
          category: cat(d.category),
          active: d.retention.activePeriod ?? unknown,
          intermediate: d.retention.intermediatePeriod ?? unknown,
        }),
      );
  }
  // 221-225
  if (c.rights.information) lines["221"].push(t("dpia.prefill.information", { text: c.rights.information }));
  // Consent may be the Art. 6 basis or the Art. 9(2)(a) explicit consent for sensitive data: never say "no consent" then.
  const consent6 = c.legalBases.some((b) => b.basis === "a");
  const consent9 = c.art9Conditions.some((a) => a.condition === "a");
  if (consent6) lines["222"].push(t("dpia.prefill.consentBasis"));
  if (consent9) lines["222"].push(t("dpia.prefill.explicitConsent9"));
  if (!consent6 && !consent9 && c.legalBases.length) lines["222"].push(t("dpia.prefill.noConsent"));
  if (c.rights.exercise) for (const q of ["223", "224", "225"] as const) lines[q].push(t("dpia.prefill.rights", { text: c.rights.exercise }));
  // 226
  for (const l of processors)
    if (l.vendor) lines["226"].push(t("dpia.prefill.dpaLine", { vendor: l.vendor, service: l.service, dpa: k(`vendors.dpaStatus.${l.dpaStatus ?? "NONE"}`) }));
  // 227
  const transfers = input.analysis?.transfers ?? c.transfers.map((x) => ({ country: x.country, recipient: x.recipient, status: x.safeguard }));
  for (const x of transfers) {
    const status =
      "status" in x && x.status
        ? isMessageKey(`sovereignty.transfer.${x.status}`)
          ? t(`sovereignty.transfer.${x.status}` as MessageKey)
          : String(x.status)
        : "";
    lines["227"].push(t("dpia.prefill.transferLine", { country: countryName(x.country, locale), recipient: x.recipient, status }));
  }
  for (const v of input.analysis?.toVerify ?? []) lines["227"].push(translateToVerify(v, serverTranslator(locale)));
  if (input.analysis?.exposure.length)
    lines["227"].push(
      t("dpia.prefill.exposure", { list: join([...new Set(input.analysis.exposure.map((e) => `${countryName(e.jurisdiction, locale)} (${e.vendor})`))]) }),
    );
  if (input.analysis && transfers.length === 0) lines["227"].push(t("dpia.prefill.noTransfer"));

  const out: DpiaAnswers = {};
  for (const q of DPIA_QUESTIONS) {
    const text = lines[q].join("\n");
    out[q] = { text, prefilled: text.length > 0, toComplete: text.length === 0 || q === "113" || q === "214" };
  }
  return out;
}

/** Measures prefilled from the record's security measures, with the library's wording. */
export function prefillMeasures(content: ActivityContent, locale: Locale): DpiaMeasure[] {
  const out: DpiaMeasure[] = [];
  for (const s of content.securityMeasures) {
    const lib = DPIA_MEASURES.find((m) => m.securityMeasure === s.measure);
    if (!lib) continue;
    out.push({ code: lib.code, title: locale === "fr" ? lib.fr : lib.en, text: s.details ?? (locale === "fr" ? lib.textFr : lib.textEn) });
  }
  return out;
}
