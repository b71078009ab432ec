/**
 * The breach register (Art. 33(5)) as a table (CSV and XLSX, cells neutralised like the register's
 * exports) and as a document (PDF through the TextDoc renderer). Every breach, notified or not.
 */
import ExcelJS from "exceljs";
import { breachClock } from "~/analysis/breach.ts";
import type { BreachContent } from "~/schemas/breach.ts";
import { formatDate, type Locale } from "~/utils/i18n.ts";
import { createT } from "~/utils/messages.server.ts";
import type { TextDoc } from "./breach-drafts.ts";
import { csvBuffer, neutraliseCell } from "./tabular.ts";

export type BreachRegisterRow = {
  ref: string;
  status: string;
  risk: string | null;
  parsed: BreachContent;
  notifications: { kind: string; sentAt: Date; reference: string | null; delayReason: string | null }[];
};

export function breachRegisterTable(rows: readonly BreachRegisterRow[], locale: Locale): string[][] {
  const t = createT(locale);
  const date = (d: string | Date | undefined) => (d ? formatDate(locale, d, true) : "");
  const header = [
    t("breaches.col.ref"),
    t("breaches.field.title"),
    t("breaches.col.status"),
    t("breaches.field.awareAt"),
    t("breaches.field.startedAt"),
    t("breaches.field.endedAt"),
    t("breaches.field.nature"),
    t("breaches.field.description"),
    t("breaches.field.dataCategories"),
    t("breaches.field.approxPeople"),
    t("breaches.field.consequences"),
    t("breaches.field.measures"),
    t("breaches.field.risk"),
    t("breaches.field.riskReasoning"),
    t("breaches.field.notifyCnil"),
    t("breaches.field.notifyReasoning"),
    t("breaches.field.informSubjects"),
    t("breaches.field.informReasoning"),
    t("breaches.section.notifications"),
    t("breaches.col.clock"),
  ];
  const body = rows.map((r) => {
    const c = r.parsed;
    const a = c.assessment;
    const initial = r.notifications.find((n) => n.kind === "INITIAL");
    const clock = breachClock(new Date(c.awareAt), initial?.sentAt ?? null, new Date(c.awareAt), a ? a.notifyCnil : null);
    return [
      r.ref,
      c.title,
      t(`breaches.status.${r.status as "OPEN"}`),
      date(c.awareAt),
      date(c.startedAt),
      date(c.endedAt),
      c.nature.map((n) => t(`breaches.nature.${n}`)).join(", "),
      c.description,
      c.dataCategories.map((x) => t(`vocab.dataCategory.${x}`)).join(", "),
      c.approxPeople === null ? "" : String(c.approxPeople),
      c.consequences ?? "",
      c.measures ?? "",
      r.risk ? t(`breaches.risk.${r.risk as "NONE"}`) : t("breaches.risk.unassessed"),
      a?.reasoning ?? "",
      a ? (a.notifyCnil ? t("breaches.yes") : t("breaches.no")) : "",
      a?.notifyReasoning ?? "",
      a ? (a.informSubjects ? t("breaches.yes") : t("breaches.no")) : "",
      a?.informReasoning ?? "",
      r.notifications
        .map(
          (n) =>
            `${t(`breaches.notification.${n.kind as "INITIAL"}`)} ${date(n.sentAt)}${n.reference ? ` (${n.reference})` : ""}${n.delayReason ? ` — ${n.delayReason}` : ""}`,
        )
        .join("; "),
      initial ? t(`breaches.clock.${clock.state as "notified_in_time"}`, { deadline: date(clock.deadline) }) : "",
    ];
  });
  return [header, ...body];
}

export function breachRegisterCsv(rows: readonly BreachRegisterRow[], locale: Locale): Buffer {
  return csvBuffer(breachRegisterTable(rows, locale), ",");
}

export async function breachRegisterXlsx(rows: readonly BreachRegisterRow[], locale: Locale, generatedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = generatedAt;
  wb.modified = generatedAt;
  const ws = wb.addWorksheet(createT(locale)("breaches.title").slice(0, 31));
  for (const r of breachRegisterTable(rows, locale)) ws.addRow(r.map((v) => (v === "" ? null : neutraliseCell(v))));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function breachRegisterDoc(rows: readonly BreachRegisterRow[], organization: string, locale: Locale, generatedAt: Date): TextDoc {
  const t = createT(locale);
  const [header, ...body] = breachRegisterTable(rows, locale);
  return {
    title: t("breaches.title"),
    subtitle: organization,
    sections: body.map((cells) => ({
      heading: `${cells[0]} — ${cells[1]}`,
      paragraphs: cells.slice(2).flatMap((v, i) => (v ? [`${header![i + 2]} : ${v}`] : [])),
    })),
    note: t("breaches.export.note", { date: formatDate(locale, generatedAt, true) }),
  };
}
