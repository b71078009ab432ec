import fs from "node:fs";
import path from "node:path";
import type { Prisma } from "~/generated/prisma/client.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { valueChanges } from "~/utils/audit-values.ts";
import { propagateSharedVendorChange, snapshotSharedVendorTx } from "./catalogue-propagation.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import type { LinkRole, LocationRole } from "~/analysis/sovereignty.ts";
import type { DpaStatus } from "~/schemas/vendor.ts";

export class VendorConflictError extends DomainError {
  constructor() {
    super("errors.staleUpdate", { status: 409 });
  }
}
/** A vendor, service, site or link outside the organization. */
export class VendorNotFoundError extends DomainError {
  constructor() {
    super("errors.notFoundBody", { status: 404 });
  }
}
export class DuplicateVendorError extends DomainError {
  constructor() {
    super("errors.vendorExists", { status: 400, field: "name" });
  }
}
/** A shared vendor that organizations subscribe to cannot be deleted (their links would vanish). */
export class SharedVendorInUseError extends DomainError {
  constructor() {
    super("catalogue.error.in_use", { status: 409 });
  }
}

export const DPA_STATUSES = ["NONE", "REQUESTED", "SIGNED", "NOT_REQUIRED"] as const;
export const MAX_DPA_BYTES = 10 * 1024 * 1024;

export type VendorInput = {
  name: string;
  legalName: string | null;
  registrationNumber: string | null;
  website: string | null;
  country: string;
  parentName: string | null;
  parentCountry: string | null;
  contactName: string | null;
  contactEmail: string | null;
  hdsActivities: string | null;
  hdsExpiry: Date | null;
  iso27001Expiry: Date | null;
  dpfCertified: boolean | null;
  dpfCheckedAt: Date | null;
  /** SecNumCloud 3.2 § 19.6 shareholding limits respected (null: not recorded). Optional for older callers. */
  shareholdingWithinLimits?: boolean | null;
  dpaStatus: (typeof DPA_STATUSES)[number];
  dpaSignedAt: Date | null;
  dpaReference: string | null;
  dpaNextReview: Date | null;
  notes: string | null;
};

export type ServiceInput = {
  name: string;
  description: string | null;
  secNumCloudQualified: boolean;
  secNumCloudDate: Date | null;
  /** "3.2" | "3.1" | "older"; optional for older callers. */
  secNumCloudVersion?: string | null;
  secNumCloudScope?: string | null;
  nonEuAccess?: boolean | null;
};
export type LocationInput = {
  role: LocationRole;
  country: string;
  region: string | null;
  providerServiceId: string | null;
  safeguard: string | null;
  tiaDone: boolean;
  safeguardUrl: string | null;
};

async function nameTaken(organizationId: string, name: string, exceptId?: string) {
  return (await getDb().vendor.count({ where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
}

export async function createVendor(actorId: string, organizationId: string, input: VendorInput) {
  if (await nameTaken(organizationId, input.name)) throw new DuplicateVendorError();
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const v = await tx.vendor.create({ data: { ...input, organizationId } });
    await w.auditNow({ action: "vendor.created", entity: "Vendor", entityId: v.id, details: { name: v.name } });
    w.analysisChanged();
    return v;
  });
}

/** Optimistic lock on `version`, as for activities. */
export async function updateVendor(actorId: string, organizationId: string, id: string, version: number, input: VendorInput) {
  if (await nameTaken(organizationId, input.name, id)) throw new DuplicateVendorError();
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const before = await tx.vendor.findFirst({ where: { id, organizationId } });
    const shared = await snapshotSharedVendorTx(tx, id);
    const res = await tx.vendor.updateMany({ where: { id, organizationId, version }, data: { ...input, version: { increment: 1 } } });
    if (res.count === 0) {
      if ((await tx.vendor.count({ where: { id, organizationId } })) === 0) throw new VendorNotFoundError();
      throw new VendorConflictError();
    }
    const values = before ? valueChanges(before, input, Object.keys(input)) : [];
    await w.auditNow({ action: "vendor.updated", entity: "Vendor", entityId: id, details: { fields: Object.keys(input), values } });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, id, shared);
    return tx.vendor.findUniqueOrThrow({ where: { id } });
  });
}

export async function deleteVendor(actorId: string, organizationId: string, id: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const shared = await snapshotSharedVendorTx(tx, id);
    // Subscribers' links would vanish with it (ADR 020): a shared vendor in use is unshared first.
    if (shared && (await tx.vendorSubscription.count({ where: { vendorId: id } })) > 0) throw new SharedVendorInUseError();
    const res = await tx.vendor.deleteMany({ where: { id, organizationId } });
    if (res.count === 0) throw new VendorNotFoundError();
    await w.auditNow({ action: "vendor.deleted", entity: "Vendor", entityId: id });
    w.analysisChanged();
  });
}

export function getVendor(organizationId: string, id: string) {
  return getDb().vendor.findFirst({
    where: { id, organizationId },
    include: {
      services: {
        orderBy: { name: "asc" },
        include: {
          locations: { include: { providerService: { select: { id: true, name: true, vendor: { select: { id: true, name: true } } } } } },
          // Only this organization's links: a shared vendor's services are linked by subscribers too (ADR 020).
          links: { where: { organizationId }, include: { activity: { select: { id: true, ref: true, name: true, status: true, departmentId: true } } } },
          providing: { include: { service: { select: { id: true, name: true, vendor: { select: { id: true, name: true } } } } } },
        },
      },
    },
  });
}

export type VendorFilters = { q?: string; country?: string; certification?: "secnumcloud" | "hds" | "iso27001" | "dpf"; dpaStatus?: DpaStatus };

export function listVendors(organizationId: string, f: VendorFilters = {}) {
  const where: Prisma.VendorWhereInput = { organizationId };
  if (f.q) where.OR = [{ name: { contains: f.q } }, { legalName: { contains: f.q } }, { services: { some: { name: { contains: f.q } } } }];
  if (f.country) where.AND = [{ OR: [{ country: f.country }, { parentCountry: f.country }] }];
  if (f.dpaStatus) where.dpaStatus = f.dpaStatus;
  if (f.certification === "secnumcloud") where.services = { some: { secNumCloudQualified: true } };
  if (f.certification === "hds") where.hdsExpiry = { gt: new Date() };
  if (f.certification === "iso27001") where.iso27001Expiry = { gt: new Date() };
  if (f.certification === "dpf") where.dpfCertified = true;
  return getDb().vendor.findMany({
    where,
    orderBy: { name: "asc" },
    include: { services: { select: { id: true, name: true, secNumCloudQualified: true, _count: { select: { links: { where: { organizationId } } } } } } },
  });
}

export async function createService(actorId: string, organizationId: string, vendorId: string, input: ServiceInput) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const v = await tx.vendor.findFirst({ where: { id: vendorId, organizationId } });
    if (!v) throw new VendorNotFoundError();
    const shared = await snapshotSharedVendorTx(tx, vendorId);
    const s = await tx.service.create({ data: { ...input, vendorId, organizationId } });
    await w.auditNow({ action: "service.created", entity: "Service", entityId: s.id, details: { vendorId, name: s.name } });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, vendorId, shared);
    return s;
  });
}

export async function updateService(actorId: string, organizationId: string, serviceId: string, input: ServiceInput) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const before = await tx.service.findFirst({ where: { id: serviceId, organizationId } });
    const shared = before ? await snapshotSharedVendorTx(tx, before.vendorId) : null;
    const res = await tx.service.updateMany({ where: { id: serviceId, organizationId }, data: input });
    if (res.count === 0 || !before) throw new VendorNotFoundError();
    const values = valueChanges(before, input, Object.keys(input));
    await w.auditNow({ action: "service.updated", entity: "Service", entityId: serviceId, details: { fields: Object.keys(input), values } });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, before.vendorId, shared);
  });
}

export async function deleteService(actorId: string, organizationId: string, serviceId: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const existing = await tx.service.findFirst({ where: { id: serviceId, organizationId }, select: { vendorId: true } });
    const shared = existing ? await snapshotSharedVendorTx(tx, existing.vendorId) : null;
    // Subscribers' links to a shared service would be deleted with it: refused while any exists (ADR 020).
    if (shared && (await tx.activityLink.count({ where: { serviceId, organizationId: { not: organizationId } } })) > 0) throw new SharedVendorInUseError();
    const res = await tx.service.deleteMany({ where: { id: serviceId, organizationId } });
    if (res.count === 0 || !existing) throw new VendorNotFoundError();
    await w.auditNow({ action: "service.deleted", entity: "Service", entityId: serviceId });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, existing.vendorId, shared);
  });
}

/** A provider must be a service of the same organization; a cycle is allowed (the analysis stops on it). */
export async function addLocation(actorId: string, organizationId: string, serviceId: string, input: LocationInput) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const s = await tx.service.findFirst({ where: { id: serviceId, organizationId } });
    if (!s) throw new VendorNotFoundError();
    if (input.providerServiceId) {
      const p = await tx.service.findFirst({ where: { id: input.providerServiceId, organizationId } });
      if (!p || p.id === serviceId) throw new VendorNotFoundError();
    }
    const shared = await snapshotSharedVendorTx(tx, s.vendorId);
    const loc = await tx.serviceLocation.create({ data: { ...input, serviceId } });
    await w.auditNow({
      action: "service.location_added",
      entity: "Service",
      entityId: serviceId,
      details: { country: input.country, role: input.role, provider: input.providerServiceId },
    });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, s.vendorId, shared);
    return loc;
  });
}

export async function removeLocation(actorId: string, organizationId: string, locationId: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const loc = await tx.serviceLocation.findFirst({
      where: { id: locationId, service: { organizationId } },
      include: { service: { select: { vendorId: true } } },
    });
    if (!loc) throw new VendorNotFoundError();
    const shared = await snapshotSharedVendorTx(tx, loc.service.vendorId);
    await tx.serviceLocation.delete({ where: { id: locationId } });
    await w.auditNow({ action: "service.location_removed", entity: "Service", entityId: loc.serviceId, details: { country: loc.country, role: loc.role } });
    w.analysisChanged();
    await propagateSharedVendorChange({ tx, ...w }, loc.service.vendorId, shared);
  });
}

export function listServicesForPicker(organizationId: string) {
  return getDb().service.findMany({
    where: { OR: [{ organizationId }, { vendor: { shared: true, subscriptions: { some: { organizationId } } } }] },
    orderBy: [{ vendor: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, vendor: { select: { id: true, name: true, country: true } } },
  });
}

/* Own hosting sites */

export function listHostingSites(organizationId: string) {
  return getDb().hostingSite.findMany({ where: { organizationId }, orderBy: { name: "asc" }, include: { _count: { select: { links: true } } } });
}

export async function createHostingSite(
  actorId: string,
  organizationId: string,
  input: { name: string; country: string; city: string | null; description: string | null },
) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const s = await tx.hostingSite.create({ data: { ...input, organizationId } });
    await w.auditNow({ action: "hosting_site.created", entity: "HostingSite", entityId: s.id, details: { name: s.name } });
    w.analysisChanged();
    return s;
  });
}

export async function deleteHostingSite(actorId: string, organizationId: string, id: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.hostingSite.deleteMany({ where: { id, organizationId } });
    if (res.count === 0) throw new VendorNotFoundError();
    await w.auditNow({ action: "hosting_site.deleted", entity: "HostingSite", entityId: id });
    w.analysisChanged();
  });
}

/* Links between activities and services / own hosting */

export function listActivityLinks(organizationId: string, activityId: string) {
  return getDb().activityLink.findMany({
    where: { organizationId, activityId },
    // Links made in the same millisecond: the id (a cuid: time, then a counter) keeps the order they were added in.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      service: { select: { id: true, name: true, vendor: { select: { id: true, name: true, country: true } } } },
      site: { select: { id: true, name: true, country: true, city: true } },
    },
  });
}

export async function linkActivity(
  actorId: string,
  organizationId: string,
  activityId: string,
  target: { serviceId?: string; siteId?: string },
  role: LinkRole,
) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const a = await tx.activity.findFirst({ where: { id: activityId, organizationId } });
    if (!a) throw new VendorNotFoundError();
    // A service of the organization's own vendors, or of a shared vendor it subscribes to (ADR 020).
    if (
      target.serviceId &&
      !(await tx.service.findFirst({
        where: { id: target.serviceId, OR: [{ organizationId }, { vendor: { shared: true, subscriptions: { some: { organizationId } } } }] },
      }))
    )
      throw new VendorNotFoundError();
    if (target.siteId && !(await tx.hostingSite.findFirst({ where: { id: target.siteId, organizationId } }))) throw new VendorNotFoundError();
    const link = await tx.activityLink.create({
      data: { organizationId, activityId, serviceId: target.serviceId ?? null, siteId: target.siteId ?? null, role },
    });
    await w.auditNow({ action: "activity.linked", entity: "Activity", entityId: activityId, details: { ref: a.ref, ...target, role } });
    w.analysisChanged();
    return link;
  });
}

export async function unlinkActivity(actorId: string, organizationId: string, activityId: string, linkId: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const link = await tx.activityLink.findFirst({ where: { id: linkId, organizationId, activityId } });
    if (!link) throw new VendorNotFoundError();
    await tx.activityLink.delete({ where: { id: linkId } });
    await w.auditNow({
      action: "activity.unlinked",
      entity: "Activity",
      entityId: activityId,
      details: { serviceId: link.serviceId, siteId: link.siteId, role: link.role },
    });
    w.analysisChanged();
  });
}

/* DPA files: PDF only, size-limited, content-addressed, outside any public folder */

const DPA_FILE_ERRORS = { type: "errors.fileNotPdf", size: "errors.fileTooLarge", empty: "errors.fileEmpty" } as const;
export class InvalidDpaFileError extends DomainError {
  constructor(public reason: "type" | "size" | "empty") {
    super(DPA_FILE_ERRORS[reason], { status: 400, field: "dpaFile", message: reason });
  }
}

function filesDir(): string {
  const { databaseFile } = getEnv();
  return path.join(path.dirname(databaseFile), "files");
}

export function dpaFilePath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new InvalidDpaFileError("type");
  return path.join(filesDir(), `${hash}.pdf`);
}

/** Why a DPA file is refused (empty, too large, not a PDF), or null when it can be stored. */
export function dpaFileProblem(bytes: Uint8Array): InvalidDpaFileError["reason"] | null {
  if (bytes.byteLength === 0) return "empty";
  if (bytes.byteLength > MAX_DPA_BYTES) return "size";
  // The magic number, not the name or the browser's claim, decides what a file is.
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") return "type";
  return null;
}

/** The file name kept for a DPA: letters, digits and a few signs; "dpa.pdf" when nothing is left. */
export function safeDpaFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120) || "dpa.pdf";
}

/**
 * Writes a DPA file to the content-addressed store (once per content) and returns its SHA-256.
 * Also used by the register import, inside its transaction: a file written for a transaction that then
 * fails is an unreferenced copy, never a wrong one (the name is the content's hash).
 */
export function writeDpaBytes(bytes: Uint8Array): string {
  const problem = dpaFileProblem(bytes);
  if (problem) throw new InvalidDpaFileError(problem);
  const hash = sha256Hex(bytes);
  const target = dpaFilePath(hash);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target)) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  }
  return hash;
}

export async function storeDpaFile(actorId: string, organizationId: string, vendorId: string, file: { name: string; bytes: Uint8Array }) {
  const hash = writeDpaBytes(file.bytes);
  const safeName = safeDpaFileName(file.name);
  await unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.vendor.updateMany({
      where: { id: vendorId, organizationId },
      data: { dpaFileHash: hash, dpaFileName: safeName, dpaFileSize: file.bytes.byteLength, version: { increment: 1 } },
    });
    if (res.count === 0) throw new VendorNotFoundError();
    await w.auditNow({ action: "vendor.dpa_uploaded", entity: "Vendor", entityId: vendorId, details: { sha256: hash, size: file.bytes.byteLength } });
    w.analysisChanged();
  });
  return hash;
}

export async function readDpaFile(organizationId: string, vendorId: string): Promise<{ name: string; bytes: Buffer } | null> {
  const v = await getDb().vendor.findFirst({ where: { id: vendorId, organizationId }, select: { dpaFileHash: true, dpaFileName: true } });
  if (!v?.dpaFileHash) return null;
  const p = dpaFilePath(v.dpaFileHash);
  if (!fs.existsSync(p)) return null;
  return { name: v.dpaFileName ?? "dpa.pdf", bytes: fs.readFileSync(p) };
}

/** Vendor names for a picker (breach forms). */
export function listVendorChoices(organizationId: string) {
  return getDb().vendor.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
