/**
 * Register import: preview (parse and plan, nothing written) and commit (everything in ONE
 * transaction, or nothing). Parsing is pure (app/import/); this module decides, for each row, which
 * activity it becomes:
 * - spreadsheet rows: the activity with the same reference (T-0001) if there is one, else the activity
 *   with the same name (case- and accent-insensitive) not already taken by another row, else a new
 *   draft. An existing activity keeps the fields the file does not carry (rights, risk flags…).
 *   A draft is updated; an approved activity is never overwritten: saving it opens a new draft and the
 *   approved version stays in the register; a submitted activity is withdrawn back to draft first.
 *   Importing the same file twice changes nothing the second time ("unchanged").
 * - register JSON exported from this same organization (same slug): matched on the reference, like a
 *   spreadsheet row, so that re-importing an export changes nothing; from another register: every
 *   activity becomes a new draft with a new reference (the references belong to that other register).
 * Departments are matched by name (case- and accent-insensitive); an unknown one is left empty, with a warning.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ColumnMapping } from "~/import/headers.ts";
import { IMPORT_LIMITS, type ImportMessage } from "~/import/limits.ts";
import { buildContent, MERGE_WARNINGS } from "~/import/merge.ts";
import { norm } from "~/import/normalize.ts";
import { parseImportFile, type ParsedImport, type ParsedRow } from "~/import/parse.ts";
import type { ActivityContent } from "~/schemas/activity.ts";
import { ExportActivitySchema, type RegisterExport } from "~/schemas/register-export.ts";
import type { ActivityStatus } from "~/reference/vocabularies.ts";
import { diffContents } from "~/domain/activity-diff.ts";
import { getDb, sqlDate, type Tx, writeStatement } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { ActivityNotFoundError, derivedColumns, formatRef, parseContent, saveActivityInUnit, transitionActivityInUnit } from "./activity.server.ts";
import { unitOfWork, type Work } from "./unit-of-work.server.ts";
import { searchKeys, searchRow } from "./activity-search.server.ts";
import { safeDpaFileName, writeDpaBytes } from "./vendor.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type ImportAction = "create" | "update" | "newDraft" | "unchanged";

export type PreviewRow = {
  rowNumber: number;
  /** The reference given in the file (spreadsheet column or source register). */
  sourceRef: string | null;
  name: string | null;
  /** null when the row has errors. */
  action: ImportAction | null;
  /** The existing activity the row updates. */
  target: { id: string; ref: string; name: string; status: ActivityStatus } | null;
  departmentId: string | null;
  departmentName: string | null;
  content?: ActivityContent;
  errors: ImportMessage[];
  warnings: ImportMessage[];
};

export type ImportCounts = { rows: number; create: number; update: number; newDraft: number; unchanged: number; errors: number; warnings: number };

export type ImportPreview = {
  format: ParsedImport["format"];
  encoding?: ParsedImport["encoding"];
  separator?: ParsedImport["separator"];
  sheet?: string;
  headerRow?: number;
  columns: ParsedImport["columns"];
  unmatched: ParsedImport["unmatched"];
  fileErrors: ImportMessage[];
  fileWarnings: ImportMessage[];
  rows: PreviewRow[];
  counts: ImportCounts;
  /** Register JSON: vendors, services, locations, own hosting sites and activity links the import adds. */
  catalogue: CatalogueCounts;
  /** No file error and no row error: the import can be confirmed. */
  canCommit: boolean;
  sha256: string;
  /** Kept so that the commit re-plans against the database as it is then. */
  parsed: ParsedImport;
};

export type CatalogueCounts = { vendors: number; services: number; locations: number; sites: number; links: number };

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00.000Z`) : null);
const serviceKey = (vendor: string, service: string) => `${vendor}\u0000${service}`;

/**
 * The DPA file a register JSON carries, written to the file store (its hash was checked when the file
 * was read: app/import/parse.ts). Without the bytes (an older export, or a file missing from the
 * source's store), the vendor is restored without a file.
 */
function restoredDpaFile(file: RegisterExport["vendors"][number]["dpa"]["file"]) {
  if (!file?.base64) return {};
  const hash = writeDpaBytes(Buffer.from(file.base64, "base64"));
  return { dpaFileHash: hash, dpaFileName: safeDpaFileName(file.fileName), dpaFileSize: file.size };
}

/**
 * A register JSON brings its vendor catalogue: vendors (matched on their name, unique in an organization),
 * their services (vendor and service names), locations (service, role, country, region, provider), own
 * hosting sites (name) and the activities' links (activity, service or site, role). What the
 * organization already has is kept as it is; only what is missing is added, so importing the same file
 * again adds nothing. `activityIds[i]`: the activity of row i (null: row not imported). With `write`
 * false, only counts (the preview). The caller records the audit event and the analysis change.
 */
async function syncCatalogue(db: Db, organizationId: string, parsed: ParsedImport, activityIds: (string | null)[], write: boolean): Promise<CatalogueCounts> {
  const counts: CatalogueCounts = { vendors: 0, services: 0, locations: 0, sites: 0, links: 0 };
  const cat = parsed.catalogue;
  if (!cat) return counts;
  const [vendors, sites, links] = await Promise.all([
    db.vendor.findMany({
      // Shared vendors it subscribes to count as present (ADR 020); the import never writes into them.
      where: { OR: [{ organizationId }, { shared: true, subscriptions: { some: { organizationId } } }] },
      select: {
        id: true,
        name: true,
        organizationId: true,
        services: { select: { id: true, name: true, locations: { select: { role: true, country: true, region: true, providerServiceId: true } } } },
      },
    }),
    db.hostingSite.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db.activityLink.findMany({ where: { organizationId }, select: { activityId: true, serviceId: true, siteId: true, role: true } }),
  ]);
  let placeholder = 0;
  const newId = () => (write ? newCuid() : `planned-${placeholder++}`);
  const vendorIds = new Map(vendors.map((v) => [v.name, v.id]));
  const sharedNames = new Set(vendors.filter((v) => v.organizationId !== organizationId).map((v) => v.name));
  const serviceIds = new Map<string, string>();
  const locationKeys = new Set<string>();
  const locationKey = (serviceId: string, l: { role: string; country: string; region: string | null; providerServiceId: string | null }) =>
    JSON.stringify([serviceId, l.role, l.country, l.region ?? null, l.providerServiceId ?? null]);
  for (const v of vendors)
    for (const s of v.services) {
      serviceIds.set(serviceKey(v.name, s.name), s.id);
      for (const l of s.locations) locationKeys.add(locationKey(s.id, l));
    }
  const siteIds = new Map(sites.map((s) => [s.name, s.id]));
  const linkKeys = new Set(links.map((l) => JSON.stringify([l.activityId, l.serviceId, l.siteId, l.role])));

  for (const v of cat.vendors) {
    let vendorId = vendorIds.get(v.name);
    if (!vendorId) {
      vendorId = newId();
      vendorIds.set(v.name, vendorId);
      counts.vendors++;
      if (write)
        await db.vendor.create({
          data: {
            id: vendorId,
            organizationId,
            name: v.name,
            legalName: v.legalName,
            registrationNumber: v.registrationNumber,
            website: v.website,
            country: v.country,
            parentName: v.parent.name,
            parentCountry: v.parent.country,
            contactName: v.contact?.name ?? null,
            contactEmail: v.contact?.email ?? null,
            notes: v.notes ?? null,
            shareholdingWithinLimits: v.shareholdingWithinLimits ?? null,
            hdsActivities: v.certifications.hds.activities,
            hdsExpiry: day(v.certifications.hds.expiry),
            iso27001Expiry: day(v.certifications.iso27001Expiry),
            dpfCertified: v.certifications.dpf.certified,
            dpfCheckedAt: day(v.certifications.dpf.checkedAt),
            dpaStatus: v.dpa.status,
            dpaSignedAt: day(v.dpa.signedAt),
            dpaReference: v.dpa.reference,
            dpaNextReview: day(v.dpa.nextReview),
            ...restoredDpaFile(v.dpa.file),
          },
        });
    }
    if (sharedNames.has(v.name)) continue;
    for (const s of v.services) {
      const key = serviceKey(v.name, s.name);
      if (serviceIds.has(key)) continue;
      const id = newId();
      serviceIds.set(key, id);
      counts.services++;
      if (write)
        await db.service.create({
          data: {
            id,
            organizationId,
            vendorId,
            name: s.name,
            description: s.description ?? null,
            secNumCloudQualified: s.secNumCloud.qualified,
            secNumCloudDate: day(s.secNumCloud.date),
            // The § 19.6 facts (issue 10), when the file carries them.
            secNumCloudVersion: s.secNumCloud.version ?? null,
            secNumCloudScope: s.secNumCloud.scope ?? null,
            nonEuAccess: s.nonEuAccess ?? null,
          },
        });
    }
  }
  // Locations once every service exists: a provider may be listed further down.
  for (const v of cat.vendors)
    for (const s of v.services) {
      if (sharedNames.has(v.name)) continue;
      const serviceId = serviceIds.get(serviceKey(v.name, s.name))!;
      for (const l of s.locations) {
        const providerServiceId = l.provider ? (serviceIds.get(serviceKey(l.provider.vendor, l.provider.service)) ?? null) : null;
        const key = locationKey(serviceId, { ...l, providerServiceId });
        if (locationKeys.has(key)) continue;
        locationKeys.add(key);
        counts.locations++;
        if (write)
          await db.serviceLocation.create({
            data: {
              serviceId,
              role: l.role,
              country: l.country,
              region: l.region,
              providerServiceId,
              safeguard: l.safeguard,
              tiaDone: l.tiaDone,
              safeguardUrl: l.safeguardUrl ?? null,
            },
          });
      }
    }
  for (const h of cat.hostingSites) {
    if (siteIds.has(h.name)) continue;
    const id = newId();
    siteIds.set(h.name, id);
    counts.sites++;
    if (write)
      await db.hostingSite.create({ data: { id, organizationId, name: h.name, country: h.country, city: h.city, description: h.description ?? null } });
  }
  for (const [i, row] of parsed.rows.entries()) {
    const activityId = activityIds[i];
    if (!activityId) continue;
    for (const l of row.services ?? []) {
      const serviceId = l.ownHosting ? null : (serviceIds.get(serviceKey(l.vendor ?? "", l.service)) ?? null);
      const siteId = l.ownHosting ? (siteIds.get(l.service) ?? null) : null;
      if (!serviceId && !siteId) continue;
      const key = JSON.stringify([activityId, serviceId, siteId, l.role]);
      if (linkKeys.has(key)) continue;
      linkKeys.add(key);
      counts.links++;
      if (write) await db.activityLink.create({ data: { organizationId, activityId, serviceId, siteId, role: l.role } });
    }
  }
  return counts;
}

export class ImportHasErrorsError extends DomainError {
  constructor(public preview: Pick<ImportPreview, "counts" | "fileErrors">) {
    super("errors.import.hasErrors", { status: 400, message: "import has errors" });
  }
}

type Db = ReturnType<typeof getDb> | Tx;

type Existing = { id: string; ref: string; name: string; status: ActivityStatus; departmentId: string | null; revision: number; seq: number };

const REF = /^T-\d{4,}$/;

async function loadExisting(db: Db, organizationId: string) {
  const [activities, departments] = await Promise.all([
    db.activity.findMany({
      where: { organizationId },
      select: { id: true, ref: true, name: true, status: true, departmentId: true, revision: true, seq: true },
      orderBy: { seq: "asc" },
    }),
    db.department.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  const byRef = new Map(activities.map((a) => [a.ref, a]));
  const byName = new Map<string, Existing[]>();
  for (const a of activities) {
    if (a.status === "ARCHIVED") continue;
    const k = norm(a.name);
    byName.set(k, [...(byName.get(k) ?? []), a]);
  }
  const depByName = new Map(departments.map((d) => [norm(d.name), d]));
  const depById = new Map(departments.map((d) => [d.id, d]));
  return { byRef, byName, depByName, depById };
}

async function loadContents(db: Db, organizationId: string, ids: string[]): Promise<Map<string, ActivityContent>> {
  const out = new Map<string, ActivityContent>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.activity.findMany({ where: { organizationId, id: { in: chunk } }, select: { id: true, content: true } });
    for (const r of rows) out.set(r.id, parseContent(r.content));
  }
  return out;
}

const CARRIED_BY_JSON = new Set(Object.keys(ExportActivitySchema.shape));
const CARRIED_BY_JSON_TRANSFER = new Set(Object.keys(ExportActivitySchema.shape.transfers.element.shape));

/**
 * A register JSON over an activity of this register: the fields its format does not carry (a newer
 * field of the record, a detail of a transfer) are kept, as a spreadsheet keeps what it has no column for.
 */
function keepUncarried(existing: ActivityContent, content: ActivityContent): ActivityContent {
  const out: Record<string, unknown> = { ...content };
  for (const [k, v] of Object.entries(existing)) if (!CARRIED_BY_JSON.has(k) && out[k] === undefined) out[k] = v;
  out.transfers = content.transfers.map((t) => {
    const same = existing.transfers.find((e) => e.country === t.country && e.recipient === t.recipient);
    if (!same) return t;
    const kept = Object.entries(same).filter(([k]) => !CARRIED_BY_JSON_TRANSFER.has(k) && (t as Record<string, unknown>)[k] === undefined);
    return { ...t, ...Object.fromEntries(kept) };
  });
  return out as ActivityContent;
}

/** The approved version in force of each activity that has one (what a register export shows for it). */
async function loadApprovedVersions(
  db: Db,
  organizationId: string,
  ids: string[],
): Promise<Map<string, { content: ActivityContent; departmentId: string | null }>> {
  const out = new Map<string, { content: ActivityContent; departmentId: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.activityVersion.findMany({
      where: { organizationId, activityId: { in: ids.slice(i, i + 500) }, validTo: null },
      select: { activityId: true, content: true, departmentId: true },
    });
    for (const r of rows) out.set(r.activityId, { content: parseContent(r.content), departmentId: r.departmentId });
  }
  return out;
}

function countsOf(rows: PreviewRow[]): ImportCounts {
  const c: ImportCounts = { rows: rows.length, create: 0, update: 0, newDraft: 0, unchanged: 0, errors: 0, warnings: 0 };
  for (const r of rows) {
    if (r.action) c[r.action]++;
    if (r.errors.length) c.errors++;
    if (r.warnings.length) c.warnings++;
  }
  return c;
}

/** Decides what each parsed row becomes in this organization (reads only). */
async function plan(db: Db, organizationId: string, parsed: ParsedImport): Promise<PreviewRow[]> {
  const { byRef, byName, depByName, depById } = await loadExisting(db, organizationId);
  const org = parsed.format === "json" ? await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { slug: true } }) : null;
  const ownJson = org !== null && parsed.sourceOrganization === org.slug;
  const taken = new Map<string, number>(); // activity id -> row number that updates it
  const targets: (Existing | null)[] = parsed.rows.map(() => null);
  const extra: ImportMessage[][] = parsed.rows.map(() => []);
  const nameOf = (row: ParsedRow) => row.content?.name ?? row.patch?.name;

  if (parsed.format === "json" && !ownJson) {
    parsed.rows.forEach((row, i) => {
      const name = nameOf(row);
      const same = name ? byName.get(norm(name))?.[0] : undefined;
      if (same) extra[i]!.push({ key: "import.warn.sameNameExists", params: { ref: same.ref } });
    });
  } else {
    // References first, then names: a row naming T-0002 keeps it even if an earlier row has its name.
    parsed.rows.forEach((row, i) => {
      const hit = row.ref && REF.test(row.ref) ? byRef.get(row.ref) : undefined;
      if (!hit) return;
      if (hit.status === "ARCHIVED") {
        extra[i]!.push({ key: "import.warn.archivedRef", params: { ref: hit.ref } });
        return;
      }
      const other = taken.get(hit.id);
      if (other !== undefined) {
        extra[i]!.push({ key: "errors.import.duplicateTarget", params: { ref: hit.ref, row: other } });
        return;
      }
      const name = nameOf(row);
      if (name && norm(name) !== norm(hit.name)) extra[i]!.push({ key: "import.warn.renamed", params: { ref: hit.ref, name: hit.name } });
      targets[i] = hit;
      taken.set(hit.id, row.rowNumber);
    });
    parsed.rows.forEach((row, i) => {
      const name = nameOf(row);
      if (targets[i] || !name || extra[i]!.some((m) => m.key === "errors.import.duplicateTarget")) return;
      const hit = byName.get(norm(name))?.find((a) => !taken.has(a.id));
      if (!hit) return;
      targets[i] = hit;
      taken.set(hit.id, row.rowNumber);
    });
  }

  const targetIds = targets.flatMap((t) => (t ? [t.id] : []));
  const contents = await loadContents(db, organizationId, targetIds);
  const approvedVersions = await loadApprovedVersions(db, organizationId, targetIds);
  return parsed.rows.map((row, i): PreviewRow => {
    const target = targets[i]!;
    const planned = extra[i]!;
    const errors = planned.filter((m) => m.key.startsWith("errors."));
    const warnings = [...row.warnings, ...planned.filter((m) => !m.key.startsWith("errors."))];
    let content = row.content;
    let rowErrors = row.errors;
    const existing = target ? contents.get(target.id) : undefined;
    if (target && existing && !row.patch && content) content = keepUncarried(existing, content);
    if (target && existing && row.patch) {
      // The row over what the activity already holds: fields the file lacks are kept.
      const built = buildContent(row.patch, existing);
      content = built.content;
      rowErrors = built.errors;
      warnings.splice(0, warnings.length, ...warnings.filter((w) => !MERGE_WARNINGS.includes(w.key)), ...built.warnings);
    }
    // Department: by name; absent column -> unchanged for an update, none for a new activity.
    let departmentId: string | null = target?.departmentId ?? null;
    if (row.department !== undefined) {
      if (row.department === null) departmentId = null;
      else {
        const d = depByName.get(norm(row.department));
        if (d) departmentId = d.id;
        else {
          warnings.push({ key: "import.warn.unknownDepartment", params: { department: row.department } });
          if (!target) departmentId = null;
        }
      }
    }
    const allErrors = [...rowErrors, ...errors];
    let action: ImportAction | null = null;
    if (allErrors.length === 0 && content) {
      if (!target || !existing) action = "create";
      else if (diffContents(existing, content).length === 0 && departmentId === target.departmentId) action = "unchanged";
      else if (sameAsApproved(row, target, approvedVersions.get(target.id), departmentId)) action = "unchanged";
      else action = target.status === "APPROVED" || target.status === "SUBMITTED" ? "newDraft" : "update";
    }
    return {
      rowNumber: row.rowNumber,
      sourceRef: row.ref ?? null,
      name: content?.name ?? row.patch?.name ?? null,
      action,
      target: target ? { id: target.id, ref: target.ref, name: target.name, status: target.status } : null,
      departmentId,
      departmentName: departmentId ? (depById.get(departmentId)?.name ?? null) : null,
      content,
      errors: allErrors,
      warnings,
    };
  });
}

/**
 * A register export shows an activity's approved version, even while a newer draft is being written.
 * Re-importing that export must not overwrite the draft with the approved text: a row that says exactly
 * what the approved version says (department included) changes nothing.
 */
function sameAsApproved(
  row: ParsedRow,
  target: Existing,
  approved: { content: ActivityContent; departmentId: string | null } | undefined,
  departmentId: string | null,
): boolean {
  if (!approved || target.status === "APPROVED") return false;
  const content = row.patch ? buildContent(row.patch, approved.content).content : row.content && keepUncarried(approved.content, row.content);
  const dep = row.department === undefined ? approved.departmentId : departmentId;
  return content !== undefined && dep === approved.departmentId && diffContents(approved.content, content).length === 0;
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/**
 * The last file parsed, kept for the request that commits it (issue 18, ADR 025). The import page
 * parses the file to show its preview, and the confirmation parses the same file again (previewImport
 * then commitImport): for a 5,000-row XLSX that second parse was two thirds of the commit's CPU time.
 * Parsing is a pure function of the bytes and the column mapping, so the same bytes and mapping give
 * the same rows; the commit still re-plans them against the database inside its transaction. One
 * entry only (a new file replaces it, after its own parse has released the previous one), dropped
 * once committed or after the pending upload's time to live.
 */
let lastParsed: { key: string; parsed: ParsedImport } | null = null;
let lastParsedTimer: NodeJS.Timeout | undefined;

function forgetParsed() {
  lastParsed = null;
  clearTimeout(lastParsedTimer);
}

async function parseOnce(bytes: Uint8Array, sha: string, mapping: ColumnMapping | undefined): Promise<ParsedImport> {
  const key = `${sha}\u0000${JSON.stringify(mapping ?? {})}`;
  if (lastParsed?.key === key) return lastParsed.parsed;
  // Released before the next parse: two large files are never held at once.
  forgetParsed();
  const parsed = await parseImportFile(bytes, { mapping });
  lastParsed = { key, parsed };
  lastParsedTimer = setTimeout(forgetParsed, IMPORT_LIMITS.pendingTtlMs);
  lastParsedTimer.unref();
  return parsed;
}

/** Parses the file and plans the import. Throws ImportFileError when the file cannot be read; writes nothing. */
export async function previewImport(organizationId: string, bytes: Uint8Array, mapping?: ColumnMapping): Promise<ImportPreview> {
  const sha = sha256(bytes);
  const parsed = await parseOnce(bytes, sha, mapping);
  const rows = await plan(getDb(), organizationId, parsed);
  const counts = countsOf(rows);
  const catalogue = await syncCatalogue(
    getDb(),
    organizationId,
    parsed,
    rows.map((r, i) => (r.action === null ? null : (r.target?.id ?? `planned-activity-${i}`))),
    false,
  );
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    separator: parsed.separator,
    sheet: parsed.sheet,
    headerRow: parsed.headerRow,
    columns: parsed.columns,
    unmatched: parsed.unmatched,
    fileErrors: parsed.fileErrors,
    fileWarnings: Object.values(catalogue).some((n) => n > 0)
      ? [...parsed.fileWarnings, { key: "import.warn.catalogueAdded", params: catalogue }]
      : parsed.fileWarnings,
    rows,
    counts,
    catalogue,
    canCommit: parsed.fileErrors.length === 0 && counts.errors === 0 && rows.length > 0,
    sha256: sha,
    parsed,
  };
}

let idCounter = crypto.randomInt(0, 36 ** 4);
const fingerprint = (process.pid.toString(36) + crypto.randomBytes(2).toString("hex")).slice(-4).padStart(4, "0");

/** A cuid (v1 layout, 25 characters), the form of the ids Prisma generates for @default(cuid()). */
export function newCuid(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = crypto.randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, "0").slice(-8);
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${fingerprint}${random}`;
}

/** The tables insertRows writes (the import, and a shared vendor's propagation), and the form of a column name: the only identifiers its SQL interpolates. */
const BULK_TABLES: ReadonlySet<string> = new Set(["Activity", "ActivitySearch", "AuditEvent", "CatalogueImpact"]);
const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Multi-row INSERTs, `perStatement` rows each, with bound values, on the unit of work's transaction
 * (writeStatement: the write connection's handle, ADR 025). Full batches reuse one prepared statement;
 * only the last, shorter batch prepares its own. Each statement's values are built only when it runs, so
 * a large import stays small in memory, and the event loop gets a turn between statements.
 */
export async function insertRows(tx: Tx, table: string, columns: string[], count: number, row: (i: number) => unknown[], perStatement: number) {
  if (!BULK_TABLES.has(table) || columns.length === 0 || !columns.every((c) => COLUMN_NAME.test(c)))
    throw new Error(`insertRows: ${table} (${columns.join(", ")}) is not a bulk-insert target`);
  const one = `(${columns.map(() => "?").join(", ")})`;
  const sql = (n: number) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: n }, () => one).join(", ")}`;
  for (let i = 0; i < count; i += perStatement) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const n = Math.min(perStatement, count - i);
    const args: unknown[] = [];
    for (let k = 0; k < n; k++) {
      const values = row(i + k);
      if (values.length !== columns.length) throw new Error(`insertRows: ${values.length} values for ${columns.length} columns`);
      for (const v of values) args.push(v);
    }
    writeStatement(tx, sql(n)).run(args);
  }
}

/**
 * New activities, a hundred per statement: exactly the rows, search-index entries and chained audit
 * events ("activity.created") that createActivityInUnit writes one activity at a time, with eight Prisma
 * queries each (~5 ms, and garbage that a 5,000-row import turns into hundreds of MB). The SQL is
 * written in Prisma's storage format; tests/unit/import.test.ts checks that both write the same
 * thing, column by column: change them together.
 */
export async function createActivitiesInUnit(
  w: Work,
  actorId: string | null,
  organizationId: string,
  items: { content: ActivityContent; departmentId: string | null }[],
): Promise<{ id: string; ref: string }[]> {
  if (items.length === 0) return [];
  const { tx } = w;
  const departmentIds = [...new Set(items.flatMap((i) => (i.departmentId ? [i.departmentId] : [])))];
  const departments = departmentIds.length
    ? await tx.department.findMany({ where: { organizationId, id: { in: departmentIds } }, select: { id: true, name: true } })
    : [];
  if (departments.length !== departmentIds.length) throw new ActivityNotFoundError("department");
  const depName = new Map(departments.map((d) => [d.id, d.name]));
  const org = await tx.organization.update({
    where: { id: organizationId },
    data: { activitySeq: { increment: items.length } },
    select: { activitySeq: true },
  });
  const first = org.activitySeq - items.length + 1;
  const created = items.map((_, i) => ({ id: newCuid(), ref: formatRef(first + i) }));

  // The activity rows (createActivityInUnit's data, derivedColumns included; status, revision… take their defaults).
  const now = sqlDate(new Date());
  await insertRows(
    tx,
    "Activity",
    [
      "id",
      "organizationId",
      "seq",
      "ref",
      "departmentId",
      "content",
      "prefilledPaths",
      "name",
      "regime",
      "role",
      "legalBases",
      "hasSensitive",
      "hasOffences",
      "completeness",
      "nextReviewAt",
      "createdById",
      "updatedById",
      "createdAt",
      "updatedAt",
    ],
    items.length,
    (i) => {
      const { content, departmentId } = items[i]!;
      const d = derivedColumns(content, departmentId);
      return [
        created[i]!.id,
        organizationId,
        first + i,
        created[i]!.ref,
        departmentId,
        JSON.stringify(content),
        "[]",
        d.name,
        d.regime,
        d.role,
        d.legalBases,
        d.hasSensitive ? 1 : 0,
        d.hasOffences ? 1 : 0,
        d.completeness,
        d.nextReviewAt ? sqlDate(d.nextReviewAt) : null,
        actorId,
        actorId,
        now,
        now,
      ];
    },
    100,
  );

  // The search index (indexActivity's columns), each row under its activity's rowid (ADR 021).
  const keys = await searchKeys(tx, organizationId, first, first + items.length - 1);
  await insertRows(
    tx,
    "ActivitySearch",
    ["rowid", "activityId", "organizationId", "name", "purposes", "description", "categories", "department"],
    items.length,
    (i) => {
      const { content, departmentId } = items[i]!;
      const r = searchRow(content, departmentId ? (depName.get(departmentId) ?? null) : null);
      const key = keys.get(created[i]!.id);
      if (key === undefined) throw new Error(`No rowid read back for the new activity ${created[i]!.id}`);
      return [key, created[i]!.id, organizationId, r.name, r.purposes, r.description, r.categories, r.department];
    },
    100,
  );

  // The same "activity.created" events as createActivityInUnit, chained by the audit module: written
  // now, in batches, rather than queued one by one in the unit (5,000 rows), and counted as the unit's audit.
  await w.auditBatch(
    created.map((a) => ({
      actorId,
      organizationId,
      action: "activity.created",
      entity: "Activity",
      entityId: a.id,
      details: { ref: a.ref, prefilled: false },
    })),
    (rows) =>
      insertRows(
        tx,
        "AuditEvent",
        ["seq", "at", "actorId", "organizationId", "action", "entity", "entityId", "details", "prevHash", "hash"],
        rows.length,
        (i) => rows[i]!,
        200,
      ),
  );
  // New activities can carry declared transfers: cached sovereignty analyses are out of date.
  w.analysisChanged(organizationId);
  return created;
}

export type CommitResult = { created: number; updated: number; newDrafts: number; unchanged: number; refs: string[]; catalogue?: CatalogueCounts };

/**
 * Writes the import, all rows or none: one transaction, re-planned inside it against the database as
 * it is then. Throws ImportHasErrorsError (nothing written) if the file or any row has an error.
 * `actorId` null = the command line (recorded as the system in the audit log).
 */
export async function commitImport(actorId: string | null, organizationId: string, preview: ImportPreview): Promise<CommitResult> {
  if (!preview.canCommit) throw new ImportHasErrorsError(preview);
  // createdById/updatedById are nullable: a command-line import is the system's, like a CLI export.
  const actor = actorId as string;
  const result = await unitOfWork(
    { actorId, organizationId },
    async (w) => {
      const { tx } = w;
      const rows = await plan(tx, organizationId, preview.parsed);
      const counts = countsOf(rows);
      if (counts.errors > 0) throw new ImportHasErrorsError({ counts, fileErrors: preview.fileErrors });
      const revisions = new Map<string, number>();
      if (rows.some((r) => r.target)) {
        const current = await tx.activity.findMany({
          where: { organizationId, id: { in: rows.flatMap((r) => (r.target && r.action !== "unchanged" ? [r.target.id] : [])) } },
          select: { id: true, revision: true },
        });
        for (const c of current) revisions.set(c.id, c.revision);
      }
      const result: CommitResult = { created: 0, updated: 0, newDrafts: 0, unchanged: 0, refs: [] };
      // New activities first, in file order, so that their references follow the file.
      const creates = rows.filter((r) => r.action === "create");
      const created = await createActivitiesInUnit(
        w,
        actorId,
        organizationId,
        creates.map((r) => ({ content: r.content!, departmentId: r.departmentId })),
      );
      result.created = created.length;
      result.refs.push(...created.map((a) => a.ref));
      // The vendor catalogue and the links of a register JSON, matched on names (see syncCatalogue).
      const createdIds = new Map(creates.map((r, k) => [r, created[k]!.id]));
      const catalogue = await syncCatalogue(
        tx,
        organizationId,
        preview.parsed,
        rows.map((r) => createdIds.get(r) ?? (r.action !== null ? (r.target?.id ?? null) : null)),
        true,
      );
      result.catalogue = catalogue;
      if (Object.values(catalogue).some((n) => n > 0)) {
        w.audit("import.catalogue_restored", "Organization", organizationId, catalogue);
        w.analysisChanged(organizationId);
      }
      for (const r of rows) {
        const content = r.content!;
        if (r.action === "update" || r.action === "newDraft") {
          const t = r.target!;
          let revision = revisions.get(t.id)!;
          // A submitted record goes back to draft first, exactly as its editor's "withdraw" would.
          if (t.status === "SUBMITTED")
            revision = (await transitionActivityInUnit(w, actor, organizationId, t.id, revision, "withdraw", { comment: "import" })).revision;
          await saveActivityInUnit(w, actor, organizationId, t.id, revision, { content, departmentId: r.departmentId });
          if (r.action === "update") result.updated++;
          else result.newDrafts++;
          result.refs.push(t.ref);
        } else if (r.action === "unchanged") {
          result.unchanged++;
        }
      }
      w.audit("import.committed", "Organization", organizationId, {
        format: preview.format,
        sha256: preview.sha256,
        rows: rows.length,
        created: result.created,
        updated: result.updated,
        newDrafts: result.newDrafts,
        unchanged: result.unchanged,
      });
      return result;
    },
    { timeout: 10 * 60_000 },
  );
  // Committed: its rows are no longer needed (a failed commit keeps them, to fix the mapping and retry).
  if (lastParsed?.parsed === preview.parsed) forgetParsed();
  return result;
}

/* Files waiting for confirmation (the preview page works without JavaScript: the file stays on the server). */

function pendingDir(): string {
  return path.join(path.dirname(getEnv().databaseFile), "tmp", "imports");
}

type PendingMeta = { organizationId: string; userId: string; fileName: string; createdAt: number };
const PENDING_ID = /^[a-f0-9]{32}$/;

/** Deletes pending files older than the TTL (called on every upload). */
export function cleanupPendingImports(now = Date.now()) {
  const dir = pendingDir();
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    try {
      if (now - fs.statSync(p).mtimeMs > IMPORT_LIMITS.pendingTtlMs) fs.rmSync(p, { force: true });
    } catch {
      // Already gone.
    }
  }
}

export function storePendingImport(organizationId: string, userId: string, fileName: string, bytes: Uint8Array): string {
  cleanupPendingImports();
  const id = crypto.randomBytes(16).toString("hex");
  const dir = pendingDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id}.bin`), bytes);
  const meta: PendingMeta = { organizationId, userId, fileName: fileName.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120), createdAt: Date.now() };
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(meta));
  return id;
}

/** The pending file, if it exists, is not expired and belongs to this user in this organization. */
export function readPendingImport(organizationId: string, userId: string, id: string, now = Date.now()): { bytes: Uint8Array; fileName: string } | null {
  if (!PENDING_ID.test(id)) return null;
  const dir = pendingDir();
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, `${id}.json`), "utf8")) as PendingMeta;
    if (meta.organizationId !== organizationId || meta.userId !== userId) return null;
    if (now - meta.createdAt > IMPORT_LIMITS.pendingTtlMs) {
      deletePendingImport(id);
      return null;
    }
    return { bytes: new Uint8Array(fs.readFileSync(path.join(dir, `${id}.bin`))), fileName: meta.fileName };
  } catch {
    return null;
  }
}

export function deletePendingImport(id: string) {
  if (!PENDING_ID.test(id)) return;
  const dir = pendingDir();
  fs.rmSync(path.join(dir, `${id}.bin`), { force: true });
  fs.rmSync(path.join(dir, `${id}.json`), { force: true });
}
