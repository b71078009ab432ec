import { getEnv } from "~/utils/env.server.ts";
import { renderPdfOffThread } from "~/documents/pdf-runner.server.ts";
import { toJsonLd } from "~/documents/jsonld.ts";
import { toCsv, toXlsx } from "~/documents/tabular.ts";
import type { RegisterExport } from "~/schemas/register-export.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { recordExport, type ExportFormat } from "./export-log.server.ts";
import { buildRegisterExport } from "./register-export.server.ts";
import { buildDpiaExport } from "./dpia.server.ts";
import { latestAuditAnchor } from "./audit.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type ExportRequest = {
  format: ExportFormat;
  locale: Locale;
  scope: "controller" | "processor" | "all";
  asOf?: string;
  departments?: string[] | null;
  ref?: string;
  separator?: "," | ";";
};

export class UnknownActivityError extends DomainError {
  constructor() {
    super("errors.unknownRef", { status: 400, field: "ref" });
  }
}

const EXTENSIONS: Record<ExportFormat, string> = {
  pdf: "pdf",
  "activity-pdf": "pdf",
  csv: "csv",
  xlsx: "xlsx",
  json: "json",
  jsonld: "jsonld",
  "dpia-pdf": "pdf",
  "pia-json": "json",
};

/** Keeps the activities of the requested scope and departments (the JSON, CSV and XLSX follow the same filter as the PDF). */
function filterData(data: RegisterExport, req: ExportRequest): RegisterExport {
  const activities = data.activities.filter((a) => {
    if (req.scope === "processor" && a.role !== "PROCESSOR") return false;
    if (req.scope === "controller" && a.role === "PROCESSOR") return false;
    if (req.departments?.length && !req.departments.includes(a.department ?? "")) return false;
    return true;
  });
  return { ...data, activities };
}

/** The data's own fingerprint, printed on the PDF cover (a file cannot contain its own hash). */
export function dataFingerprint(data: unknown): string {
  return sha256Hex(JSON.stringify(data));
}

export async function renderExport(
  organizationId: string,
  req: ExportRequest,
  generatedAt = new Date(),
): Promise<{ bytes: Buffer; fileName: string; data: unknown }> {
  if (req.format === "dpia-pdf" || req.format === "pia-json") {
    // One activity's DPIA: a PDF (rendered off the request thread) or the CNIL PIA tool's JSON.
    const dpia = req.ref ? await buildDpiaExport(organizationId, req.ref) : null;
    if (!dpia) throw new UnknownActivityError();
    const base = `aipd-${dpia.slug}-${req.ref}-${dpia.pdf.generatedAt.slice(0, 10)}`;
    if (req.format === "pia-json")
      return { bytes: Buffer.from(`${JSON.stringify(dpia.piaJson, null, 2)}\n`, "utf8"), fileName: `${base}-pia.json`, data: dpia.piaJson };
    return { bytes: await renderPdfOffThread({ kind: "dpia", data: dpia.pdf, opts: { locale: req.locale } }), fileName: `${base}.pdf`, data: dpia.pdf };
  }
  // The register JSON carries the vendors' DPA files, so that it fully restores a register elsewhere (ADR 008).
  const full = await buildRegisterExport(organizationId, { asOf: req.asOf, generatedAt, files: req.format === "json" });
  const data = filterData(full, req);
  const stamp = `${req.asOf ? `au-${req.asOf}` : generatedAt.toISOString().slice(0, 10)}`;
  const base = `registre-${data.organization.slug}-${stamp}`;
  const fingerprint = dataFingerprint(data);
  let bytes: Buffer;
  let fileName = `${base}.${EXTENSIONS[req.format]}`;
  switch (req.format) {
    case "pdf":
      bytes = await renderPdfOffThread({
        kind: "register",
        data,
        opts: { locale: req.locale, scope: req.scope, departments: req.departments ?? null, fingerprint },
      });
      break;
    case "activity-pdf": {
      if (!req.ref || !full.activities.some((a) => a.ref === req.ref)) throw new UnknownActivityError();
      bytes = await renderPdfOffThread({ kind: "activity", data: full, ref: req.ref, opts: { locale: req.locale, fingerprint } });
      fileName = `${data.organization.slug}-${req.ref}-${stamp}.pdf`;
      break;
    }
    case "csv":
      bytes = toCsv(data, { locale: req.locale, separator: req.separator ?? "," });
      break;
    case "xlsx":
      bytes = await toXlsx(data, { locale: req.locale });
      break;
    case "json":
      bytes = Buffer.from(`${JSON.stringify(data, null, 2)}\n`, "utf8");
      break;
    case "jsonld":
      bytes = Buffer.from(`${JSON.stringify(toJsonLd(data, { publicUrl: getEnv().PUBLIC_URL }), null, 2)}\n`, "utf8");
      break;
  }
  return { bytes, fileName, data };
}

/** Renders and records: every export made through the UI, the API or the command line is logged. */
export async function createExport(
  organizationId: string,
  actorId: string | null,
  req: ExportRequest,
  channel: "ui" | "cli" | "api",
  generatedAt = new Date(),
) {
  const { bytes, fileName, data } = await renderExport(organizationId, req, generatedAt);
  // The anchor printed in the file (register exports), or the chain's head at this moment (DPIA files): kept in the export log.
  const printed = (data as { auditAnchor?: { seq: number; hash: string } | null }).auditAnchor;
  const auditAnchor = printed !== undefined ? printed : await latestAuditAnchor();
  const record = await recordExport({
    organizationId,
    actorId,
    format: req.format,
    params: {
      locale: req.locale,
      scope: req.scope,
      asOf: req.asOf ?? null,
      departments: req.departments ?? null,
      ref: req.ref ?? null,
      separator: req.separator ?? null,
      fingerprint: dataFingerprint(data),
      auditAnchor,
    },
    bytes,
    fileName,
    channel,
  });
  return { record, bytes, fileName };
}
