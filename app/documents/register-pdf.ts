/**
 * The register of processing activities as a PDF (GDPR Art. 30): cover, table of contents, summary
 * table, one section per activity with every Art. 30 item, annexes (vendors and hosting, transfers
 * outside the EU, glossary). A function of the export data (app/schemas/register-export.ts) only.
 */
import crypto from "node:crypto";
import { countryName } from "~/reference/countries.ts";
import { RISK_FLAGS } from "~/reference/vocabularies.ts";
import type { ExportActivity, RegisterExport } from "~/schemas/register-export.ts";
import { formatDate, type Locale, type MessageKey, type T } from "~/utils/i18n.ts";
import { createT, isMessageKey, translate } from "~/utils/messages.server.ts";
import {
  collectStream,
  COLORS,
  createDocument,
  PdfLayout,
  shortHash,
  STYLES,
  type Bookmark,
  type Cell,
  type Chrome,
  type RowSource,
  type TocEntry,
} from "./layout.ts";

export type RegisterScope = "controller" | "processor" | "all";
export type RegisterPdfOptions = { locale: Locale; scope: RegisterScope; departments?: string[] | null; fingerprint: string };
export type PdfHooks = { onText?: (s: string) => void };
export type PdfRun = { stream: PDFKit.PDFDocument; done: Promise<{ pages: number }> };

/**
 * The activities of a register, read one at a time: the PDF child process keeps them as JSON lines
 * in a file and parses each one when it is drawn, so that it never holds the whole register as
 * objects (ADR 024). `json(i)` is `JSON.stringify` of activity `i` (the document ID hashes it).
 */
export type ActivityList = { readonly length: number; at(i: number): ExportActivity; json(i: number): string };

/** An in-memory register as an ActivityList. */
export function activityArray(activities: ExportActivity[]): ActivityList {
  return { length: activities.length, at: (i) => activities[i]!, json: (i) => JSON.stringify(activities[i]!) };
}

function inScope(a: ExportActivity, scope: RegisterScope, deps: Set<string> | null): boolean {
  return (scope === "all" || (scope === "processor") === (a.role === "PROCESSOR")) && (!deps || (a.department !== null && deps.has(a.department)));
}
const departmentSet = (departments?: string[] | null) => (departments && departments.length > 0 ? new Set(departments) : null);

/** Processor activities form the Art. 30(2) register; every other role the Art. 30(1) one. */
export function selectActivities(data: RegisterExport, scope: RegisterScope, departments?: string[] | null): ExportActivity[] {
  const deps = departmentSet(departments);
  return data.activities.filter((a) => inScope(a, scope, deps));
}

/** The same selection over an ActivityList (each activity read once, only the chosen indexes kept). */
function selectList(all: ActivityList, scope: RegisterScope, departments?: string[] | null): ActivityList {
  const deps = departmentSet(departments);
  const chosen: number[] = [];
  for (let i = 0; i < all.length; i++) if (inScope(all.at(i), scope, deps)) chosen.push(i);
  if (chosen.length === all.length) return all;
  return { length: chosen.length, at: (i) => all.at(chosen[i]!), json: (i) => all.json(chosen[i]!) };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by the activity sheet)

export type DocContext = { L: PdfLayout; t: T; locale: Locale; data: RegisterExport };

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

export function anchorOf(ref: string): string {
  return `activity-${ref}`;
}

function labelOf(t: T, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

const helpersCache = new WeakMap<DocContext, ReturnType<typeof createHelpers>>();
function makeHelpers(ctx: DocContext) {
  let h = helpersCache.get(ctx);
  if (!h) {
    h = createHelpers(ctx);
    helpersCache.set(ctx, h);
  }
  return h;
}

function createHelpers(ctx: DocContext) {
  const { t, locale } = ctx;
  // Dates repeat a lot (review dates, approvals): format each once.
  const dates = new Map<string, string>();
  const date = (d: string) => {
    let s = dates.get(d);
    if (s === undefined) {
      s = formatDate(locale, d);
      dates.set(d, s);
    }
    return s;
  };
  const np = t("pdf.value.notProvided");
  const na = t("pdf.value.notAvailable");
  const numbers = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  return {
    np,
    na,
    text: (s: string | null | undefined) => (present(s) ? s : np),
    date: (d: string | null | undefined) => (present(d) ? date(d) : na),
    number: (n: number | undefined) => (n === undefined ? na : numbers.format(n)),
    country: (code: string) => `${countryName(code, locale)} (${code})`,
    yesNo: (b: boolean) => t(b ? "pdf.value.yes" : "pdf.value.no"),
    labelled: (label: string, value: string | null | undefined) => (present(value) ? t("pdf.value.labelled", { label, value }) : label),
    safeguard: (code: string | null | undefined) => {
      if (!present(code)) return na;
      return labelOf(t, `vocab.safeguard.${code}`, labelOf(t, `pdf.locationSafeguard.${code}`, code));
    },
    chain: (chain: string[]) => chain.join(" → "),
  };
}

export function documentId(parts: unknown[], activities: ExportActivity[] | ActivityList): Buffer {
  const list = Array.isArray(activities) ? activityArray(activities) : activities;
  const h = crypto.createHash("sha256");
  for (const p of parts) h.update(JSON.stringify(p ?? null)).update("\n");
  for (let i = 0; i < list.length; i++) h.update(list.json(i)).update("\n");
  return h.digest();
}

export function documentChrome(t: T, locale: Locale, data: RegisterExport, title: string, fingerprint: string): Chrome {
  const generated = t("pdf.footer.generated", { date: formatDate(locale, data.generatedAt, true) });
  return {
    headerLeft: data.organization.name,
    headerRight: title,
    footerLeft: `${generated} · ${t("pdf.footer.fingerprint", { hash: shortHash(fingerprint) })}`,
    pageLabel: (page, pages) => t("pdf.footer.page", { page, pages }),
  };
}

const LINK = { ...STYLES.cell, color: COLORS.accent };

// ---------------------------------------------------------------------------------------------
// One activity: every Art. 30 item

/** Section headings of an activity, in order (the tests check each one is present). */
export function activitySectionKeys(role: ExportActivity["role"]): MessageKey[] {
  const p = role === "PROCESSOR";
  return [
    p ? "pdf.section.controllersProcessor" : "pdf.section.controllers",
    p ? "pdf.section.purposesProcessor" : "pdf.section.purposes",
    "pdf.section.legalBases",
    "pdf.section.sensitive",
    "pdf.section.dataSubjects",
    "pdf.section.dataCategories",
    "pdf.section.recipients",
    p ? "pdf.section.transfersProcessor" : "pdf.section.transfers",
    p ? "pdf.section.securityProcessor" : "pdf.section.security",
    "pdf.section.rights",
    "pdf.section.vendors",
    "pdf.section.exposure",
    "pdf.section.risk",
    "pdf.section.completeness",
  ];
}

export function renderActivity(ctx: DocContext, a: ExportActivity, opts: { level: 1 | 2; bookmark: Bookmark | "root"; sectionBookmarks: boolean }): void {
  const { L, t, locale, data } = ctx;
  const h = makeHelpers(ctx);
  const org = data.organization;
  const proc = a.role === "PROCESSOR";
  const keys = activitySectionKeys(a.role);
  const activityMark = L.heading(opts.level, t("pdf.activity.heading", { ref: a.ref, name: a.name }), { anchor: anchorOf(a.ref), bookmark: opts.bookmark });
  const sub = opts.level === 1 ? 2 : 3;
  let n = 0;
  const section = () => {
    const key = keys[n++]!;
    L.heading(sub, t(key), { bookmark: opts.sectionBookmarks ? activityMark : undefined, keep: 34 });
  };
  const minor = (text: string) => L.heading(4, text, { keep: 26 });
  const none = (text: string) => L.paragraph(text, STYLES.note);
  /** The analysis' conclusion on a transfer, with the fact to record when it cannot conclude (issue 10). */
  const statusCell = (x: ExportActivity["analysis"]["transfers"][number]): Cell => {
    const status = t(`sovereignty.transfer.${x.status}`);
    const fact = x.missingFact ? factLabel(x.missingFact) : null;
    return fact ? { text: status, note: t("legal.dashboard.missingFact", { fact }) } : status;
  };
  const factLabel = (fact: string) => {
    const key = `sovereignty.fact.${fact}`;
    return isMessageKey(key) ? t(key) : fact;
  };

  L.keyValues([
    [t("pdf.activity.status"), t(`vocab.status.${a.status}`)],
    [
      t("pdf.activity.version"),
      a.version !== null ? t("pdf.value.versionApproved", { number: a.version, date: h.date(a.approvedAt) }) : t("pdf.value.neverApproved"),
    ],
    [t("pdf.activity.department"), h.text(a.department)],
    [t("pdf.activity.role"), t(`vocab.role.${a.role}`)],
    [t("pdf.activity.regime"), t(`vocab.regime.${a.regime}`)],
    [t("pdf.activity.internalContact"), h.text(a.internalContact)],
    [t("pdf.activity.implementationDate"), h.date(a.implementationDate)],
    [t("pdf.activity.lastReview"), h.date(a.lastReviewAt)],
    [t("pdf.activity.nextReview"), h.date(a.nextReviewAt)],
    [t("pdf.activity.completeness"), t("pdf.value.percent", { value: a.completeness.score })],
  ]);
  if (present(a.description)) {
    minor(t("pdf.activity.description"));
    L.paragraph(a.description);
  }

  // Art. 30(1)(a) / 30(2)(a)
  section();
  const dpo = [org.dpo.name, org.dpo.email, org.dpo.phone].filter(present).join(" · ");
  L.keyValues([
    [t(proc ? "pdf.controllers.processor" : "pdf.controllers.controller"), [org.name, org.address].filter(present).join(", ")],
    [t("pdf.controllers.representative"), h.text(org.legalRepresentative)],
    [t("pdf.controllers.dpo"), h.text(dpo)],
    [t("pdf.controllers.dpoCnil"), h.text(org.dpo.cnilDesignationNumber)],
  ]);
  if (proc) {
    minor(t("pdf.controllers.for"));
    if (a.processorFor.length === 0) none(t("pdf.controllers.noFor"));
    else
      L.table(
        [
          { header: t("pdf.col.controller"), width: 1.2 },
          { header: t("pdf.col.contact"), width: 1.2 },
          { header: t("pdf.col.categories"), width: 1.8 },
        ],
        a.processorFor.map((p) => [p.controller, h.text(p.contact), h.text(p.categories)]),
      );
  }
  if (a.jointControllers.length > 0) {
    minor(t("pdf.controllers.joint"));
    L.table(
      [
        { header: t("pdf.col.name"), width: 1.2 },
        { header: t("pdf.col.contact"), width: 1.2 },
        { header: t("pdf.col.arrangement"), width: 1.8 },
      ],
      a.jointControllers.map((j) => [j.name, h.text(j.contact), h.text(j.arrangement)]),
    );
  } else if (!proc) none(t("pdf.controllers.noJoint"));

  // Art. 30(1)(b) / 30(2)(b)
  section();
  L.keyValues([[t("pdf.purposes.main"), h.text(a.purposes.main)]]);
  if (a.purposes.sub.length > 0) {
    minor(t("pdf.purposes.sub"));
    L.list(a.purposes.sub);
  }
  if (proc && a.processorFor.some((p) => present(p.categories)))
    L.list(a.processorFor.filter((p) => present(p.categories)).map((p) => h.labelled(p.controller, p.categories)));

  // Art. 6
  section();
  if (a.regime === "LED") none(t("pdf.legalBases.led"));
  if (a.legalBases.length === 0) none(t("pdf.legalBases.none"));
  else
    L.table(
      [
        { header: t("pdf.legalBases.col.basis"), width: 1.4 },
        { header: t("pdf.legalBases.col.text"), width: 1.4 },
        { header: t("pdf.legalBases.col.purpose"), width: 1.4 },
      ],
      a.legalBases.map((b) => [t(`vocab.legalBasis.${b.basis}`), h.text(b.text), h.text(b.purpose)]),
    );

  // Art. 9 and 10
  section();
  const sensitive = a.dataCategories.filter((d) => d.sensitive).map((d) => t(`vocab.dataCategory.${d.category}`));
  const offences = a.dataCategories.some((d) => d.category === "offences");
  if (sensitive.length === 0 && a.art9Conditions.length === 0 && !present(a.art10Basis) && !offences) none(t("pdf.sensitive.none"));
  else {
    if (sensitive.length > 0) L.keyValues([[t("pdf.sensitive.categories"), sensitive.join(", ")]]);
    if (sensitive.length > 0 || a.art9Conditions.length > 0) {
      minor(t("pdf.sensitive.art9"));
      if (a.art9Conditions.length === 0) none(h.np);
      else L.list(a.art9Conditions.map((c) => h.labelled(t(`vocab.art9.${c.condition}`), c.text)));
    }
    if (offences || present(a.art10Basis)) L.keyValues([[t("pdf.sensitive.art10"), h.text(a.art10Basis)]]);
  }

  // Art. 30(1)(c): data subjects
  section();
  if (a.dataSubjects.length === 0) none(t("pdf.dataSubjects.none"));
  else
    L.table(
      [
        { header: t("pdf.dataSubjects.col.category"), width: 1.4 },
        { header: t("pdf.dataSubjects.col.description"), width: 2.2 },
        { header: t("pdf.dataSubjects.col.count"), width: 0.8, align: "right" },
      ],
      a.dataSubjects.map((s) => [t(`vocab.dataSubject.${s.category}`), h.text(s.description), h.number(s.estimatedCount)]),
    );

  // Art. 30(1)(c) and (f): categories of data and retention
  section();
  if (a.dataCategories.length === 0) none(t("pdf.dataCategories.none"));
  else
    L.table(
      [
        { header: t("pdf.dataCategories.col.category"), width: 1.5 },
        { header: t("pdf.dataCategories.col.description"), width: 1.5 },
        { header: t("pdf.dataCategories.col.active"), width: 0.85 },
        { header: t("pdf.dataCategories.col.intermediate"), width: 0.95 },
        { header: t("pdf.dataCategories.col.finalFate"), width: 0.9 },
        { header: t("pdf.dataCategories.col.rule"), width: 1.05 },
      ],
      a.dataCategories.map((d) => {
        const label = t(`vocab.dataCategory.${d.category}`);
        const details = [d.description, present(d.source) ? t("pdf.dataCategories.source", { source: d.source }) : undefined].filter(present).join("\n");
        return [
          d.sensitive ? { text: t("pdf.dataCategories.sensitiveMark", { label }), style: STYLES.cellBold } : label,
          details || h.np,
          h.text(d.retention.activePeriod),
          h.text(d.retention.intermediatePeriod),
          d.retention.finalFate ? t(`vocab.finalFate.${d.retention.finalFate}`) : h.np,
          h.text(d.retention.rule),
        ];
      }),
    );

  // Art. 30(1)(d): recipients
  section();
  if (a.recipients.length === 0) none(t("pdf.recipients.none"));
  else
    L.table(
      [
        { header: t("pdf.recipients.col.type"), width: 1 },
        { header: t("pdf.recipients.col.name"), width: 2 },
      ],
      a.recipients.map((r) => [t(`vocab.recipientType.${r.type}`), r.name]),
    );

  // Art. 30(1)(e) / 30(2)(c): transfers
  section();
  const computed = a.analysis.transfers.filter((x) => x.source === "computed");
  if (a.transfers.length === 0 && computed.length === 0) none(t("pdf.transfers.none"));
  else {
    minor(t("pdf.transfers.declared"));
    if (a.transfers.length === 0) none(t("pdf.transfers.noneDeclared"));
    else
      L.table(
        [
          { header: t("pdf.transfers.col.country"), width: 1 },
          { header: t("pdf.transfers.col.recipient"), width: 1.2 },
          { header: t("pdf.transfers.col.safeguard"), width: 1.5 },
          { header: t("pdf.transfers.col.documentation"), width: 1.3 },
        ],
        a.transfers.map((x) => {
          // The facts the analysis relies on (Art. 30(1)(e), Art. 49, TIA, DPF), when recorded.
          const yesNo = (b: boolean) => t(b ? "pdf.value.yes" : "pdf.value.no");
          const lab = (label: string, value: string) => (locale === "fr" ? `${label} : ${value}` : `${label}: ${value}`);
          const details = [
            x.recipientKind ? lab(t("tabular.transfer.recipientKind"), t(`legal.transfer.recipientKind.${x.recipientKind}`)) : null,
            x.art49Point ? t(`legal.transfer.art49Point.${x.art49Point}`) : null,
            x.tiaDone !== undefined ? lab(t("tabular.transfer.tiaDone"), yesNo(x.tiaDone)) : null,
            x.dpfCertified !== undefined ? lab(t("tabular.transfer.dpfCertified"), yesNo(x.dpfCertified)) : null,
          ].filter((d): d is string => d !== null);
          const safeguard = h.safeguard(x.safeguard);
          return [
            h.country(x.country),
            x.recipient,
            details.length ? { text: safeguard, note: details.join(locale === "fr" ? " ; " : "; ") } : safeguard,
            h.text(x.documentationUrl),
          ];
        }),
      );
    const judged = a.analysis.transfers.filter((x) => x.source !== "computed");
    if (judged.length > 0) {
      minor(t("pdf.transfers.judged"));
      L.table(
        [
          { header: t("pdf.transfers.col.country"), width: 0.9 },
          { header: t("pdf.transfers.col.recipient"), width: 1.3 },
          { header: t("pdf.transfers.col.status"), width: 1.6 },
          { header: t("pdf.transfers.col.tia"), width: 0.8 },
        ],
        judged.map((x) => [h.country(x.country), x.recipient, statusCell(x), x.tiaMissing ? t("pdf.transfers.tiaMissing") : t("pdf.transfers.tiaOk")]),
      );
    }
    if (computed.length > 0) {
      minor(t("pdf.transfers.computed"));
      L.table(
        [
          { header: t("pdf.transfers.col.country"), width: 0.9 },
          { header: t("pdf.transfers.col.chain"), width: 1.3 },
          { header: t("pdf.transfers.col.status"), width: 1.4 },
          { header: t("pdf.transfers.col.safeguard"), width: 1.2 },
          { header: t("pdf.transfers.col.tia"), width: 0.8 },
        ],
        computed.map((x) => [
          h.country(x.country),
          x.chain.length ? h.chain(x.chain) : x.recipient,
          statusCell(x),
          h.safeguard(x.safeguard),
          x.tiaMissing ? t("pdf.transfers.tiaMissing") : t("pdf.transfers.tiaOk"),
        ]),
      );
    }
  }

  // Art. 30(1)(g) / 30(2)(d): security
  section();
  if (a.securityMeasures.length === 0) none(t("pdf.security.none"));
  else L.list(a.securityMeasures.map((m) => h.labelled(t(`vocab.security.${m.measure}`), m.details)));

  // Rights and information
  section();
  L.keyValues([
    [t("pdf.rights.exercise"), h.text(a.rights.exercise)],
    [t("pdf.rights.information"), h.text(a.rights.information)],
  ]);

  // Vendors, hosting, locations
  section();
  if (a.services.length === 0) none(t("pdf.vendors.none"));
  else {
    minor(t("pdf.vendors.services"));
    L.table(
      [
        { header: t("pdf.vendors.col.vendor"), width: 1.3 },
        { header: t("pdf.vendors.col.service"), width: 1.6 },
        { header: t("pdf.vendors.col.role"), width: 1.3 },
      ],
      a.services.map((s) => [s.ownHosting ? t("pdf.vendors.ownHosting") : h.text(s.vendor), s.service, labelOf(t, `pdf.linkRole.${s.role}`, s.role)]),
    );
  }
  if (a.analysis.reach.length > 0) {
    minor(t("pdf.vendors.reach"));
    L.table(
      [
        { header: t("pdf.vendors.col.country"), width: 1.1 },
        { header: t("pdf.vendors.col.region"), width: 0.9 },
        { header: t("pdf.vendors.col.role"), width: 0.9 },
        { header: t("pdf.vendors.col.chain"), width: 1.8 },
      ],
      a.analysis.reach.map((r) => [
        h.country(r.country),
        r.region ?? h.na,
        labelOf(t, `pdf.locationRole.${r.role}`, r.role),
        r.ownHosting ? `${h.chain(r.chain)} (${t("pdf.vendors.ownHosting")})` : h.chain(r.chain),
      ]),
    );
  } else if (a.services.length > 0) none(t("pdf.vendors.noReach"));

  // Exposure
  section();
  /**
   * SecNumCloud 3.2 § 19.6, as the analysis checked it for the vendor's qualified services: immune,
   * contradicted (the vendor is reached by this very law) or to verify; never a bare tick box.
   */
  const secNumCloudCell = (vendor: string): Cell => {
    const checks = (a.analysis.secNumCloud ?? []).filter((s) => s.vendor === vendor);
    if (checks.length === 0) return t("pdf.exposure.snc.none");
    const worst = checks.find((c) => c.status === "contradiction") ?? checks.find((c) => c.status === "to_verify") ?? checks[0]!;
    const facts = worst.status === "contradiction" ? worst.contradictions : worst.missing;
    const text = t(`pdf.exposure.snc.${worst.status}`);
    return facts.length ? { text, note: facts.map(factLabel).join(locale === "fr" ? " ; " : "; ") } : text;
  };
  L.keyValues([
    [t("pdf.exposure.level"), t(`sovereignty.level.${a.analysis.level}`)],
    [t("pdf.exposure.countries"), a.analysis.countries.length ? a.analysis.countries.map(h.country).join(", ") : t("pdf.value.none")],
  ]);
  L.paragraph(t(`sovereignty.levelHelp.${a.analysis.level}`), STYLES.note);
  if (a.analysis.exposure.length === 0) {
    if (a.analysis.level !== "unknown") none(t("pdf.exposure.none"));
  } else
    L.table(
      [
        { header: t("pdf.exposure.col.jurisdiction"), width: 0.9 },
        { header: t("pdf.exposure.col.laws"), width: 1.5 },
        { header: t("pdf.exposure.col.vendor"), width: 1.3 },
        { header: t("pdf.exposure.col.via"), width: 0.9 },
        { header: t("pdf.exposure.col.shielded"), width: 0.9 },
      ],
      a.analysis.exposure.map((e) => [
        h.country(e.jurisdiction),
        e.laws.length ? e.laws.map((l) => l.name).join(", ") : h.na,
        e.chain.length > 1 ? { text: e.vendor, note: h.chain(e.chain) } : e.vendor,
        t(`pdf.exposure.via.${e.via}`),
        secNumCloudCell(e.vendor),
      ]),
    );
  if ((a.analysis.toVerify ?? []).length > 0) {
    minor(t("sovereignty.toVerifyTitle"));
    L.list(a.analysis.toVerify!.map((v) => v[locale]));
  }
  const explanation = a.analysis.explanation[locale];
  if (explanation.length > 0) {
    minor(t("pdf.exposure.explanation"));
    L.list(explanation);
  }

  // Risk criteria (DPIA)
  section();
  const flags = RISK_FLAGS.filter((f) => a.riskFlags[f]);
  if (flags.length === 0) none(t("pdf.risk.none"));
  else {
    none(t("pdf.risk.intro"));
    L.list(flags.map((f) => t(`vocab.riskFlag.${f}`)));
    L.paragraph(t("pdf.risk.count", { count: flags.length }));
  }

  // Completeness
  section();
  L.paragraph(t("pdf.completeness.score", { score: a.completeness.score }));
  if (a.completeness.missing.length === 0) none(t("pdf.completeness.complete"));
  else {
    minor(t("pdf.completeness.missing"));
    L.list(a.completeness.missing.map((m) => t(`completeness.${m}`)));
  }
}

// ---------------------------------------------------------------------------------------------
// The register

const GLOSSARY = [
  "register",
  "processing",
  "personalData",
  "dataSubject",
  "controller",
  "jointController",
  "processor",
  "recipient",
  "legalBasis",
  "sensitiveData",
  "offenceData",
  "retention",
  "transfer",
  "adequacy",
  "scc",
  "bcr",
  "tia",
  "dpf",
  "foreignLaw",
  "secNumCloud",
  "dpo",
  "dpia",
  "led",
  "cnil",
] as const;

const ANCHORS = {
  toc: "toc",
  summary: "summary",
  activities: "activities",
  annexes: "annexes",
  vendors: "annex-vendors",
  transfers: "annex-transfers",
  glossary: "annex-glossary",
} as const;

/** Vendors and own hosting sites that the selected activities use (all of them for the full register). */
function relevantVendors(data: RegisterExport, activities: ActivityList, filtered: boolean) {
  if (!filtered) return { vendors: data.vendors, sites: data.hostingSites };
  const names = new Set<string>();
  const sites = new Set<string>();
  for (let i = 0; i < activities.length; i++) {
    const a = activities.at(i);
    for (const s of a.services) {
      if (s.vendor) names.add(s.vendor);
      if (s.ownHosting) sites.add(s.service);
    }
    for (const r of a.analysis.reach) for (const c of r.chain) names.add(c);
    for (const x of a.analysis.transfers) for (const c of x.chain) names.add(c);
    for (const e of a.analysis.exposure) {
      names.add(e.vendor);
      for (const c of e.chain) names.add(c);
    }
  }
  return { vendors: data.vendors.filter((v) => names.has(v.name)), sites: data.hostingSites.filter((s) => sites.has(s.name)) };
}

async function buildRegister(ctx: DocContext, activities: ActivityList, opts: RegisterPdfOptions): Promise<void> {
  const { L, t, locale, data } = ctx;
  const h = makeHelpers(ctx);
  const org = data.organization;

  // Cover
  L.newPage("cover");
  L.y = 150;
  L.coverBand();
  L.paragraph(t("pdf.register.title"), STYLES.title, { tag: "H1", gap: 2 });
  L.paragraph(t("pdf.register.subtitle"), STYLES.subtitle, { gap: 10 });
  L.paragraph(t(`pdf.scope.${opts.scope}`), { ...STYLES.h3, color: COLORS.accent }, { gap: 34 });
  L.paragraph(org.name, STYLES.h1, { gap: 10 });
  const dpo = [org.dpo.name, org.dpo.email, org.dpo.phone].filter(present).join(" · ");
  L.keyValues(
    [
      [t("pdf.cover.siren"), h.text(org.siren)],
      [t("pdf.cover.address"), h.text(org.address)],
      [t("pdf.cover.legalRepresentative"), h.text(org.legalRepresentative)],
      [t("pdf.cover.dpo"), h.text(dpo)],
      [t("pdf.cover.dpoCnil"), h.text(org.dpo.cnilDesignationNumber)],
      [t("pdf.cover.scope"), t(`pdf.scope.${opts.scope}`)],
      [t("pdf.cover.departments"), opts.departments?.length ? opts.departments.join(", ") : t("pdf.cover.allDepartments")],
      [t("pdf.cover.state"), data.asOf ? t("pdf.cover.asOf", { date: formatDate(locale, data.asOf) }) : t("pdf.cover.current")],
      [t("pdf.cover.generatedAt"), formatDate(locale, data.generatedAt, true)],
      [t("pdf.cover.activityCount"), h.number(activities.length)],
      [t("pdf.cover.fingerprint"), opts.fingerprint],
      [
        t("pdf.cover.auditAnchor"),
        data.auditAnchor ? t("pdf.cover.auditAnchorValue", { seq: data.auditAnchor.seq, hash: data.auditAnchor.hash }) : t("pdf.cover.auditAnchorNone"),
      ],
    ],
    0.36,
  );
  L.space(16);
  L.paragraph(t("pdf.cover.notice"), STYLES.note);

  // Table of contents
  const heading = (a: ExportActivity) => t("pdf.activity.heading", { ref: a.ref, name: a.name });
  const entries: TocEntry[] = [
    { title: t("pdf.summary.title"), anchor: ANCHORS.summary, level: 1 },
    { title: t("pdf.activities.title"), anchor: ANCHORS.activities, level: 1 },
    ...Array.from({ length: activities.length }, (_, i): TocEntry => {
      const a = activities.at(i);
      return { title: heading(a), anchor: anchorOf(a.ref), level: 2 };
    }),
    { title: t("pdf.annexes.title"), anchor: ANCHORS.annexes, level: 1 },
    { title: t("pdf.annex.vendors.title"), anchor: ANCHORS.vendors, level: 2 },
    { title: t("pdf.annex.transfers.title"), anchor: ANCHORS.transfers, level: 2 },
    { title: t("pdf.annex.glossary.title"), anchor: ANCHORS.glossary, level: 2 },
  ];
  L.newPage();
  L.heading(1, t("pdf.toc.title"), { anchor: ANCHORS.toc, bookmark: "root", keep: 0 });
  await L.toc(entries);
  await L.tick();

  // Summary table
  L.newPage();
  L.beginGroup("Sect");
  L.heading(1, t("pdf.summary.title"), { anchor: ANCHORS.summary, bookmark: "root" });
  if (activities.length === 0) L.paragraph(t("pdf.summary.empty"), STYLES.note);
  else {
    L.paragraph(t("pdf.summary.intro", { count: h.number(activities.length) }), STYLES.note, { gap: 6 });
    await L.tableAsync(
      [
        { header: t("pdf.summary.col.ref"), width: 0.85 },
        { header: t("pdf.summary.col.name"), width: 2.4 },
        { header: t("pdf.summary.col.department"), width: 1.3 },
        { header: t("pdf.summary.col.legalBasis"), width: 1.9 },
        { header: t("pdf.summary.col.sensitive"), width: 0.95 },
        { header: t("pdf.summary.col.dpia"), width: 0.6 },
        { header: t("pdf.summary.col.lastReview"), width: 1.05 },
      ],
      // Row by row: one activity read for each row when it is measured or drawn.
      rowSource(activities.length, (i): Cell[] => {
        const a = activities.at(i);
        return [
          { text: a.ref, style: LINK, goTo: anchorOf(a.ref) },
          a.name,
          a.department ?? h.na,
          a.legalBases.length ? a.legalBases.map((b) => t(`vocab.legalBasis.${b.basis}`)).join("; ") : a.regime === "LED" ? t("vocab.regime.LED") : h.na,
          h.yesNo(a.dataCategories.some((d) => d.sensitive) || a.art9Conditions.length > 0),
          // The DPIA's status when one exists, otherwise the screening's result.
          a.dpia ? t(`dpia.status.${a.dpia.status}`) : a.screening ? t(`dpia.result.${a.screening.result}`) : h.na,
          h.date(a.lastReviewAt),
        ];
      }),
    );
  }
  L.endGroup();
  await L.tick();

  // Activities
  L.newPage();
  L.beginGroup("Sect");
  const activitiesMark = L.heading(1, t("pdf.activities.title"), { anchor: ANCHORS.activities, bookmark: "root", keep: 60 });
  if (activities.length === 0) L.paragraph(t("pdf.summary.empty"), STYLES.note);
  for (let i = 0; i < activities.length; i++) {
    if (i > 0) L.newPage();
    L.beginGroup("Sect");
    renderActivity(ctx, activities.at(i), { level: 2, bookmark: activitiesMark, sectionBookmarks: false });
    L.endGroup();
    await L.tick();
  }
  L.endGroup();

  // Annexes
  const filtered = opts.scope !== "all" || Boolean(opts.departments?.length);
  const { vendors, sites } = relevantVendors(data, activities, filtered);
  L.newPage();
  L.beginGroup("Sect");
  const annexMark = L.heading(1, t("pdf.annexes.title"), { anchor: ANCHORS.annexes, bookmark: "root", keep: 60 });
  L.beginGroup("Sect");
  L.heading(2, t("pdf.annex.vendors.title"), { anchor: ANCHORS.vendors, bookmark: annexMark });
  L.paragraph(t("pdf.annex.vendors.intro"), STYLES.note, { gap: 6 });
  if (vendors.length === 0) L.paragraph(t("pdf.annex.vendors.empty"), STYLES.note);
  else {
    L.table(
      [
        { header: t("pdf.annex.vendors.col.vendor"), width: 1.5 },
        { header: t("pdf.annex.vendors.col.country"), width: 1.2 },
        { header: t("pdf.annex.vendors.col.certifications"), width: 1.6 },
        { header: t("pdf.annex.vendors.col.dpa"), width: 1.3 },
      ],
      vendors.map((v): Cell[] => {
        const id = [
          present(v.legalName) ? t("pdf.annex.vendors.legalName", { value: v.legalName }) : null,
          present(v.registrationNumber) ? t("pdf.annex.vendors.registration", { value: v.registrationNumber }) : null,
          v.website,
        ].filter(present);
        const place = [
          h.country(v.country),
          present(v.parent.name)
            ? t("pdf.annex.vendors.parent", { name: v.parent.name, country: v.parent.country ? h.country(v.parent.country) : h.na })
            : null,
        ].filter(present);
        const certs = [
          present(v.certifications.hds.activities) || v.certifications.hds.expiry
            ? t("pdf.annex.vendors.hds", { activities: h.text(v.certifications.hds.activities), date: h.date(v.certifications.hds.expiry) })
            : null,
          v.certifications.iso27001Expiry ? t("pdf.annex.vendors.iso", { date: h.date(v.certifications.iso27001Expiry) }) : null,
          v.certifications.dpf.certified === null
            ? null
            : t(v.certifications.dpf.certified ? "pdf.annex.vendors.dpfYes" : "pdf.annex.vendors.dpfNo", { date: h.date(v.certifications.dpf.checkedAt) }),
          ...v.services
            .filter((s) => s.secNumCloud.qualified)
            // The version and the scope decide the § 19.6 immunity: a missing one shows as "not provided".
            .map((s) =>
              t("pdf.annex.vendors.secNumCloudDetail", {
                service: s.name,
                date: h.date(s.secNumCloud.date),
                version: s.secNumCloud.version ?? h.na,
                scope: s.secNumCloud.scope ?? h.na,
              }),
            ),
        ].filter(present);
        const status = labelOf(t, `pdf.dpaStatus.${v.dpa.status}`, v.dpa.status);
        const dpa = [
          v.dpa.signedAt ? t("pdf.annex.vendors.dpaSigned", { status, date: h.date(v.dpa.signedAt) }) : status,
          present(v.dpa.reference) ? t("pdf.annex.vendors.dpaReference", { value: v.dpa.reference }) : null,
          v.dpa.nextReview ? t("pdf.annex.vendors.dpaReview", { date: h.date(v.dpa.nextReview) }) : null,
        ].filter(present);
        return [
          { text: v.name, style: STYLES.cellBold, note: id.length ? id.join("\n") : undefined },
          place.join("\n"),
          certs.length ? certs.join("\n") : h.na,
          dpa.join("\n"),
        ];
      }),
    );
    await L.tick();
    L.heading(3, t("pdf.annex.services.title"));
    const rows: Cell[][] = [];
    for (const v of vendors)
      for (const s of v.services) {
        if (s.locations.length === 0) rows.push([`${v.name}\n${s.name}`, h.na, h.na, h.na, h.na, h.na]);
        for (const l of s.locations)
          rows.push([
            `${v.name}\n${s.name}`,
            labelOf(t, `pdf.locationRole.${l.role}`, l.role),
            [h.country(l.country), l.region].filter(present).join(", "),
            l.provider ? `${l.provider.vendor}\n${l.provider.service}` : h.na,
            h.safeguard(l.safeguard),
            present(l.safeguard) ? h.yesNo(l.tiaDone) : h.na,
          ]);
      }
    if (rows.length === 0) L.paragraph(t("pdf.annex.services.empty"), STYLES.note);
    else
      await L.tableAsync(
        [
          { header: t("pdf.annex.services.col.service"), width: 1.5 },
          { header: t("pdf.annex.services.col.role"), width: 0.9 },
          { header: t("pdf.annex.services.col.place"), width: 1.1 },
          { header: t("pdf.annex.services.col.provider"), width: 1.2 },
          { header: t("pdf.annex.services.col.safeguard"), width: 1.3 },
          { header: t("pdf.annex.services.col.tia"), width: 0.5 },
        ],
        rows,
      );
  }
  L.heading(3, t("pdf.annex.sites.title"));
  if (sites.length === 0) L.paragraph(t("pdf.annex.sites.empty"), STYLES.note);
  else
    L.table(
      [
        { header: t("pdf.annex.sites.col.name"), width: 1.6 },
        { header: t("pdf.annex.sites.col.country"), width: 1.2 },
        { header: t("pdf.annex.sites.col.city"), width: 1.2 },
      ],
      sites.map((s) => [s.name, h.country(s.country), h.text(s.city)]),
    );
  L.endGroup();
  await L.tick();

  L.newPage();
  L.beginGroup("Sect");
  L.heading(2, t("pdf.annex.transfers.title"), { anchor: ANCHORS.transfers, bookmark: annexMark });
  L.paragraph(t("pdf.annex.transfers.intro"), STYLES.note, { gap: 6 });
  // Which activity and which of its transfers each row shows; the row is built when it is needed.
  const transfers: [activity: number, transfer: number][] = [];
  for (let i = 0; i < activities.length; i++) {
    const count = activities.at(i).analysis.transfers.length;
    for (let k = 0; k < count; k++) transfers.push([i, k]);
  }
  if (transfers.length === 0) L.paragraph(t("pdf.annex.transfers.empty"), STYLES.note);
  else
    await L.tableAsync(
      [
        { header: t("pdf.summary.col.ref"), width: 0.75 },
        { header: t("pdf.transfers.col.country"), width: 0.95 },
        { header: t("pdf.transfers.col.recipient"), width: 1.3 },
        { header: t("pdf.transfers.col.source"), width: 0.85 },
        { header: t("pdf.transfers.col.status"), width: 1.35 },
        { header: t("pdf.transfers.col.safeguard"), width: 1.2 },
        { header: t("pdf.annex.services.col.tia"), width: 0.75 },
      ],
      rowSource(transfers.length, (j): Cell[] => {
        const [i, k] = transfers[j]!;
        const a = activities.at(i);
        const x = a.analysis.transfers[k]!;
        return [
          { text: a.ref, style: LINK, goTo: anchorOf(a.ref) },
          h.country(x.country),
          x.chain.length > 1 ? { text: x.recipient, note: h.chain(x.chain) } : x.recipient,
          t(`pdf.transfers.source.${x.source}`),
          t(`sovereignty.transfer.${x.status}`),
          h.safeguard(x.safeguard),
          x.source === "declared" ? h.na : x.tiaMissing ? t("pdf.transfers.tiaMissing") : t("pdf.transfers.tiaOk"),
        ];
      }),
    );
  L.endGroup();
  await L.tick();

  L.newPage();
  L.beginGroup("Sect");
  L.heading(2, t("pdf.annex.glossary.title"), { anchor: ANCHORS.glossary, bookmark: annexMark });
  const other: Locale = locale === "fr" ? "en" : "fr";
  const collator = new Intl.Collator(locale === "fr" ? "fr-FR" : "en-GB");
  const terms = GLOSSARY.map((k) => ({
    term: t(`pdf.glossary.${k}.term`),
    other: translate(other, `pdf.glossary.${k}.term`),
    definition: t(`pdf.glossary.${k}.definition`),
  })).sort((x, y) => collator.compare(x.term, y.term));
  L.table(
    [
      { header: t("pdf.annex.glossary.col.term"), width: 1.3 },
      { header: t("pdf.annex.glossary.col.definition"), width: 3 },
    ],
    terms.map((g): Cell[] => [
      { text: g.term, style: STYLES.cellBold, note: g.other === g.term ? undefined : t("pdf.annex.glossary.otherLanguage", { term: g.other }) },
      g.definition,
    ]),
  );
  L.endGroup();
  L.endGroup();
}

const rowSource = (length: number, row: (i: number) => Cell[]): RowSource => ({ length, row });

/** Starts rendering; `stream` is the PDF, `done` resolves with the page count when it is complete. */
export function startRegisterPdf(data: RegisterExport, opts: RegisterPdfOptions, hooks: PdfHooks = {}): PdfRun {
  return startRegisterPdfFrom(data, activityArray(data.activities), opts, hooks);
}

/**
 * The same document, its activities read from `all` (not from `data.activities`, which may be empty):
 * the PDF child's path, where each activity is parsed from its JSON line when it is needed.
 */
export function startRegisterPdfFrom(data: RegisterExport, all: ActivityList, opts: RegisterPdfOptions, hooks: PdfHooks = {}): PdfRun {
  const t = createT(opts.locale);
  const activities = selectList(all, opts.scope, opts.departments);
  const title = t("pdf.register.title");
  const org = data.organization.name;
  const doc = createDocument({
    title,
    lang: opts.locale,
    author: org,
    subject: t("pdf.register.subject", { org }),
    keywords: t("pdf.register.keywords", { org }),
    creationDate: new Date(data.generatedAt),
    idSeed: documentId(
      [
        "register",
        opts.locale,
        opts.scope,
        opts.departments ?? null,
        opts.fingerprint,
        data.generatedAt,
        data.asOf,
        data.organization,
        data.vendors,
        data.hostingSites,
      ],
      activities,
    ),
  });
  const L = new PdfLayout(doc, documentChrome(t, opts.locale, data, title, opts.fingerprint));
  L.onText = hooks.onText ?? null;
  const ctx: DocContext = { L, t, locale: opts.locale, data };
  const done = (async () => {
    await Promise.resolve();
    const result = await L.run(() => buildRegister(ctx, activities, opts));
    doc.end();
    return result;
  })();
  done.catch((err: unknown) => doc.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: doc, done };
}

/** The register as a PDF stream (rendering yields to the event loop between activities). */
export function renderRegisterPdf(data: RegisterExport, opts: RegisterPdfOptions): NodeJS.ReadableStream {
  return startRegisterPdf(data, opts).stream;
}

/** The whole register PDF in memory. */
export async function generateRegisterPdfBuffer(data: RegisterExport, opts: RegisterPdfOptions): Promise<Buffer> {
  const { stream, done } = startRegisterPdf(data, opts);
  const [buffer] = await Promise.all([collectStream(stream), done]);
  return buffer;
}
