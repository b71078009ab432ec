import fs from "node:fs";
import path from "node:path";
import { generateSecureRandomString, sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { hashPassword, verifyPassword } from "~/utils/password.server.ts";
import { attemptSucceeded, beginAttempt } from "./login-throttle.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

import { SHARE_MAX_DAYS, type ExportFormat } from "~/schemas/export-request.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type { ExportFormat };
/** Downloads of the public register (open data), logged like the other exports. */
export type PublicExportFormat = "public-json" | "public-csv";

function exportsDir(): string {
  return path.join(path.dirname(getEnv().databaseFile), "files", "exports");
}

function exportPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad hash");
  return path.join(exportsDir(), sha256);
}

/** Every export is kept (content-addressed) so it can be shared and verified later. */
export async function recordExport(input: {
  organizationId: string;
  actorId: string | null;
  /** Register formats, plus the breach register's own files (issue 15), which the generate form does not offer. */
  format: ExportFormat | PublicExportFormat | "breach-pdf" | "breach-csv" | "breach-xlsx";
  params: Record<string, unknown>;
  bytes: Uint8Array;
  fileName: string;
  /** "public": a download of the public register's open data (no account). */
  channel: "ui" | "cli" | "api" | "public";
}) {
  const sha256 = sha256Hex(input.bytes);
  const target = exportPath(sha256);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target)) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, input.bytes);
    fs.renameSync(tmp, target);
  }
  return unitOfWork({ actorId: input.actorId, organizationId: input.organizationId }, async ({ tx, ...w }) => {
    const rec = await tx.exportRecord.create({
      data: {
        organizationId: input.organizationId,
        actorId: input.actorId,
        format: input.format,
        params: JSON.stringify(input.params),
        sha256,
        size: input.bytes.byteLength,
        fileName: input.fileName,
        channel: input.channel,
      },
    });
    w.audit("export.created", "Export", rec.id, { format: input.format, sha256, size: rec.size, channel: input.channel });
    return rec;
  });
}

export async function listExports(organizationId: string, take = 50) {
  const rows = await getDb().exportRecord.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take,
    include: { shares: { orderBy: { createdAt: "desc" }, include: { _count: { select: { accesses: true } } } } },
  });
  const actors = await getDb().user.findMany({ where: { id: { in: rows.flatMap((r) => (r.actorId ? [r.actorId] : [])) } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, actor: r.actorId ? (names.get(r.actorId) ?? null) : null }));
}

export function getExport(organizationId: string, id: string) {
  return getDb().exportRecord.findFirst({ where: { id, organizationId } });
}

export function readExportBytes(sha256: string): Buffer | null {
  const p = exportPath(sha256);
  return fs.existsSync(p) ? fs.readFileSync(p) : null;
}

/** Public: is this fingerprint a genuine export of this instance? Nothing of the content is disclosed. */
export async function verifyFingerprint(hash: string) {
  const h = hash.toLowerCase();
  if (!/^[0-9a-f]{12}([0-9a-f]{52})?$/.test(h)) return [];
  // Two fingerprints are accepted: the file's own SHA-256, and the document fingerprint printed on PDF
  // covers (SHA-256 of the data the file was made from, kept in the record's params; page footers show
  // its first 12 digits). A file cannot contain its own hash, hence the second one.
  const full = h.length === 64;
  const rows = await getDb().exportRecord.findMany({
    where: { OR: [full ? { sha256: h } : { sha256: { startsWith: h } }, { params: { contains: `"fingerprint":"${h}${full ? '"' : ""}` } }] },
    orderBy: { createdAt: "asc" },
    select: { format: true, createdAt: true, sha256: true, organization: { select: { name: true, slug: true } } },
  });
  return rows.map((r) => ({
    organization: r.organization.name,
    slug: r.organization.slug,
    format: r.format,
    createdAt: r.createdAt,
    kind: (r.sha256.startsWith(h) ? "file" : "document") as "file" | "document",
  }));
}

/* Share links */

/** An expiry outside the allowed window (400), or an export outside the organization (404, as for every such resource). */
export class ShareLinkError extends DomainError {
  constructor(what: "expiry" | "export") {
    super(
      what === "expiry" ? "errors.shareExpiry" : "errors.notFoundBody",
      what === "expiry" ? { status: 400, field: "expiresAt", message: what } : { status: 404, message: what },
    );
  }
}

export async function createShareLink(
  actorId: string,
  organizationId: string,
  exportId: string,
  input: { recipient: string; expiresAt: Date; passphrase: string | null },
  now = new Date(),
) {
  if (input.expiresAt.getTime() <= now.getTime() || input.expiresAt.getTime() > now.getTime() + SHARE_MAX_DAYS * 24 * 3600 * 1000)
    throw new ShareLinkError("expiry");
  const token = generateSecureRandomString() + generateSecureRandomString();
  const passphraseHash = input.passphrase ? await hashPassword(input.passphrase) : null;
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const exp = await tx.exportRecord.findFirst({ where: { id: exportId, organizationId } });
    if (!exp) throw new ShareLinkError("export");
    const link = await tx.shareLink.create({
      data: {
        organizationId,
        exportId,
        recipient: input.recipient,
        tokenHash: sha256Hex(token),
        passphraseHash,
        expiresAt: input.expiresAt,
        createdById: actorId,
        createdAt: now,
      },
    });
    w.audit("share.created", "ShareLink", link.id, { exportId, expiresAt: input.expiresAt.toISOString(), passphrase: passphraseHash !== null });
    return { token, link };
  });
}

export async function revokeShareLink(actorId: string, organizationId: string, id: string) {
  return unitOfWork({ actorId, organizationId }, async ({ tx, ...w }) => {
    const res = await tx.shareLink.updateMany({ where: { id, organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) return false;
    w.audit("share.revoked", "ShareLink", id);
    return true;
  });
}

/**
 * Erases the IP address and user agent of share-link accesses older than the retention period
 * (SHARE_IP_RETENTION_DAYS). The access itself (when, outcome) stays for accountability.
 */
export async function purgeShareAccessIps(now = new Date(), days = getEnv().SHARE_IP_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const res = await getDb().shareAccess.updateMany({
    where: { at: { lt: cutoff }, OR: [{ ipAddress: { not: null } }, { userAgent: { not: null } }] },
    data: { ipAddress: null, userAgent: null },
  });
  return res.count;
}

export async function listShareAccesses(organizationId: string, shareLinkId: string) {
  // Never show an address past its retention period, even if the daily purge has not run yet.
  await purgeShareAccessIps();
  return getDb().shareAccess.findMany({ where: { shareLinkId, shareLink: { organizationId } }, orderBy: { at: "desc" }, take: 200 });
}

export type ShareOpenResult =
  | { status: "ok"; fileName: string; format: string; bytes: Buffer; recipient: string; organization: string }
  | { status: "needs_passphrase" | "wrong_passphrase" | "expired" | "revoked" | "not_found" | "throttled"; recipient?: string; organization?: string };

/** Every attempt on a live link is logged; passphrase guesses are throttled like logins. */
export async function openShareLink(
  token: string,
  passphrase: string | null,
  meta: { ipAddress: string | null; userAgent: string | null },
  now = new Date(),
): Promise<ShareOpenResult> {
  if (!/^[a-z0-9]{48}$/.test(token)) return { status: "not_found" };
  const db = getDb();
  const link = await db.shareLink.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { export: true } });
  if (!link) return { status: "not_found" };
  const org = await db.organization.findUniqueOrThrow({ where: { id: link.organizationId }, select: { name: true } });
  const who = { recipient: link.recipient, organization: org.name };
  const log = (outcome: string) =>
    db.shareAccess.create({ data: { shareLinkId: link.id, outcome, ipAddress: meta.ipAddress, userAgent: meta.userAgent?.slice(0, 300) ?? null, at: now } });
  if (link.revokedAt) {
    await log("revoked");
    return { status: "revoked", ...who };
  }
  if (link.expiresAt <= now) {
    await log("expired");
    return { status: "expired", ...who };
  }
  if (link.passphraseHash) {
    if (!passphrase) return { status: "needs_passphrase", ...who };
    const keys = [{ kind: "account" as const, key: `share:${link.id}` }];
    if (await beginAttempt(keys, now)) {
      await log("throttled");
      return { status: "throttled", ...who };
    }
    if (!(await verifyPassword(link.passphraseHash, passphrase))) {
      await log("wrong_passphrase");
      return { status: "wrong_passphrase", ...who };
    }
    await attemptSucceeded(keys);
  }
  const bytes = readExportBytes(link.export.sha256);
  if (!bytes) return { status: "not_found" };
  await log("downloaded");
  return { status: "ok", fileName: link.export.fileName, format: link.export.format, bytes, ...who };
}

/** What the share page shows before any download; not logged as an access. */
export async function peekShareLink(token: string, now = new Date()) {
  if (!/^[a-z0-9]{48}$/.test(token)) return { status: "not_found" as const };
  const link = await getDb().shareLink.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { export: { select: { format: true, fileName: true, size: true } } },
  });
  if (!link) return { status: "not_found" as const };
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: link.organizationId }, select: { name: true } });
  const base = {
    recipient: link.recipient,
    organization: org.name,
    format: link.export.format,
    fileName: link.export.fileName,
    size: link.export.size,
    expiresAt: link.expiresAt.toISOString(),
  };
  if (link.revokedAt) return { status: "revoked" as const, ...base };
  if (link.expiresAt <= now) return { status: "expired" as const, ...base };
  return { status: "open" as const, passphrase: link.passphraseHash !== null, ...base };
}
