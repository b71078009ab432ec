/**
 * Online backup and restore (issue 12 §14, ADR 010).
 *
 * A backup is one gzip file: a header line "REGISTRE-BACKUP 1", a JSON manifest line (creation time,
 * each entry's name, size and SHA-256), then the entries' bytes in manifest order. The first entry is
 * the database, copied with SQLite's online backup API (better-sqlite3 `backup()`): a consistent
 * snapshot even while the server writes. The other entries are the stored files (DPA PDFs, exports),
 * which are content-addressed and never rewritten, so copying them after the snapshot is safe.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "~/utils/env.server.ts";
import { verifyAuditChain, type ChainReport } from "./audit.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

const MAGIC = "REGISTRE-BACKUP 1";
const DB_ENTRY = "registre.db";

export type BackupEntry = { name: string; size: number; sha256: string };
export type BackupManifest = { format: 1; createdAt: string; entries: BackupEntry[] };
/** A file that is not a sound Registre backup, or a restore that would overwrite a database in use. */
export class InvalidBackupError extends DomainError {
  constructor(message: string) {
    super("domainErrors.invalidBackup", { status: 400, params: { reason: message }, message });
  }
}

function filesDir(databaseFile: string) {
  return path.join(path.dirname(databaseFile), "files");
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name), base) : d.name.endsWith(".tmp") ? [] : [path.relative(base, path.join(dir, d.name))]))
    .sort();
}

const sha256File = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Takes a consistent backup of the database and the stored files into `out`; returns the manifest. */
export async function createBackup(out: string, opts: { databaseFile?: string; now?: Date } = {}): Promise<BackupManifest> {
  const databaseFile = opts.databaseFile ?? getEnv().databaseFile;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "registre-backup-"));
  try {
    const snapshot = path.join(work, DB_ENTRY);
    const source = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
    try {
      // The copy is one backup step (better-sqlite3 first makes an empty step, then uses the returned
      // page count): a step runs inside one read transaction, a consistent snapshot, and with WAL the
      // server keeps committing meanwhile. Small steps would restart at every concurrent write and, under
      // a steady write load, never finish.
      await source.backup(snapshot, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const files = filesDir(databaseFile);
    const sources = [
      { name: DB_ENTRY, file: snapshot },
      ...listFiles(files).map((rel) => ({ name: `files/${rel.split(path.sep).join("/")}`, file: path.join(files, rel) })),
    ];
    const entries = sources.map((s) => ({ name: s.name, size: fs.statSync(s.file).size, sha256: sha256File(s.file) }));
    const manifest: BackupManifest = { format: 1, createdAt: (opts.now ?? new Date()).toISOString(), entries };
    const tmpOut = `${out}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const gz = zlib.createGzip();
    const sink = fs.createWriteStream(tmpOut);
    const done = new Promise<void>((resolve, reject) => {
      sink.on("finish", resolve);
      sink.on("error", reject);
      gz.on("error", reject);
    });
    gz.pipe(sink);
    gz.write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
    for (const s of sources) gz.write(fs.readFileSync(s.file));
    gz.end();
    await done;
    fs.renameSync(tmpOut, out);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Reads and checks a backup file: header, manifest, every entry's size and SHA-256. */
export function readBackup(file: string): { manifest: BackupManifest; entries: Map<string, Buffer> } {
  let raw: Buffer;
  try {
    raw = zlib.gunzipSync(fs.readFileSync(file));
  } catch {
    throw new InvalidBackupError("not a Registre backup (not gzip)");
  }
  const nl1 = raw.indexOf(0x0a);
  if (nl1 < 0 || raw.subarray(0, nl1).toString("utf8") !== MAGIC) throw new InvalidBackupError("not a Registre backup (bad header)");
  const nl2 = raw.indexOf(0x0a, nl1 + 1);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(raw.subarray(nl1 + 1, nl2).toString("utf8")) as BackupManifest;
  } catch {
    throw new InvalidBackupError("unreadable manifest");
  }
  if (manifest.format !== 1 || !Array.isArray(manifest.entries) || manifest.entries[0]?.name !== DB_ENTRY) throw new InvalidBackupError("unsupported manifest");
  const entries = new Map<string, Buffer>();
  let offset = nl2 + 1;
  for (const e of manifest.entries) {
    if (!/^(registre\.db|files\/[A-Za-z0-9._/-]+)$/.test(e.name) || e.name.includes("..")) throw new InvalidBackupError(`bad entry name ${e.name}`);
    const bytes = raw.subarray(offset, offset + e.size);
    if (bytes.length !== e.size) throw new InvalidBackupError(`truncated at ${e.name}`);
    if (crypto.createHash("sha256").update(bytes).digest("hex") !== e.sha256) throw new InvalidBackupError(`checksum mismatch for ${e.name}`);
    entries.set(e.name, bytes);
    offset += e.size;
  }
  if (offset !== raw.length) throw new InvalidBackupError("trailing data");
  return { manifest, entries };
}

export type BackupCheck = {
  manifest: BackupManifest;
  integrity: string;
  chain: ChainReport;
  counts: { organizations: number; activities: number; auditEvents: number };
};

/** Opens a database file on its own (not the app's connection) to check it: SQLite integrity and the audit chain. */
async function checkDatabase(file: string): Promise<Omit<BackupCheck, "manifest">> {
  const raw = new Database(file, { readonly: true });
  const integrity = String(raw.pragma("integrity_check", { simple: true }));
  raw.close();
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  try {
    const chain = await verifyAuditChain(client);
    const [organizations, activities, auditEvents] = await Promise.all([client.organization.count(), client.activity.count(), client.auditEvent.count()]);
    return { integrity, chain, counts: { organizations, activities, auditEvents } };
  } finally {
    await client.$disconnect();
  }
}

/** Checks a backup without restoring it. */
export async function checkBackup(file: string): Promise<BackupCheck> {
  const { manifest, entries } = readBackup(file);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "registre-check-"));
  try {
    const db = path.join(work, DB_ENTRY);
    fs.writeFileSync(db, entries.get(DB_ENTRY)!);
    return { manifest, ...(await checkDatabase(db)) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Checks the backup, then replaces the database (the previous one is kept next to it as
 * `<db>.before-restore-<time>`) and adds the stored files. The server must be stopped.
 */
export async function restoreBackup(file: string, opts: { databaseFile?: string; now?: Date } = {}): Promise<BackupCheck & { previous: string | null }> {
  const databaseFile = opts.databaseFile ?? getEnv().databaseFile;
  const check = await checkBackup(file);
  if (check.integrity !== "ok") throw new InvalidBackupError(`database integrity check failed: ${check.integrity}`);
  if (!check.chain.ok) throw new InvalidBackupError(`audit chain broken at event #${check.chain.brokenAt}`);
  const { entries } = readBackup(file);
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  // Refuse while another process holds the database (a running server would keep its old file open).
  if (fs.existsSync(databaseFile)) {
    // In WAL mode BEGIN EXCLUSIVE does not exclude readers; leaving WAL needs the file to ourselves,
    // so it fails (or keeps "wal") while any other connection is open.
    const probe = new Database(databaseFile, { timeout: 0 });
    let inUse = false;
    try {
      inUse = String(probe.pragma("journal_mode = DELETE", { simple: true })).toLowerCase() !== "delete";
    } catch {
      inUse = true;
    } finally {
      probe.close();
    }
    if (inUse) throw new InvalidBackupError("the database is in use: stop the server before restoring");
  }
  let previous: string | null = null;
  if (fs.existsSync(databaseFile)) {
    previous = `${databaseFile}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    fs.copyFileSync(databaseFile, previous);
  }
  const tmp = `${databaseFile}.restore.tmp`;
  fs.writeFileSync(tmp, entries.get(DB_ENTRY)!);
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(databaseFile + suffix, { force: true });
  fs.renameSync(tmp, databaseFile);
  const files = filesDir(databaseFile);
  for (const [name, bytes] of entries) {
    if (name === DB_ENTRY) continue;
    const target = path.join(files, ...name.slice("files/".length).split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.writeFileSync(target, bytes);
  }
  return { ...check, previous };
}

/** The scheduled backup: one file per run in BACKUP_DIR, older ones beyond the retention removed. */
export async function scheduledBackup(dir: string, retentionDays: number, now = new Date()): Promise<{ file: string; removed: string[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `registre-${now.toISOString().replace(/[:.]/g, "-")}.backup.gz`);
  await createBackup(file, { now });
  const cutoff = now.getTime() - retentionDays * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!/^registre-.*\.backup\.gz$/.test(name)) continue;
    const full = path.join(dir, name);
    if (full !== file && fs.statSync(full).mtimeMs < cutoff) {
      fs.rmSync(full, { force: true });
      removed.push(name);
    }
  }
  return { file, removed };
}
