/**
 * npm run bench:pdf — the register PDF for 100, 1,000 and 5,000 synthetic activities (built in
 * memory, ~15 data categories each, with vendors, transfers and exposure), each in a fresh process:
 * seconds, pages, bytes and peak RSS. For 1,000 activities, the same text written by a bare pdfkit
 * script (same font, one text() per line, no layout) gives `ratio_to_bare_pdfkit` (ours ÷ bare).
 * Times are the best of two runs (one at 5,000), RSS the highest; the ratio compares CPU times
 * (best of three alternate runs each). Prints one JSON line last.
 * Memory (peak resident set of one process each, the kernel's high-water mark; never a sum unless named so):
 * - `rss_mb`: a process that only renders (data built in it, bytes counted and dropped);
 * - `worker_rss_mb` (+ `worker_cpu_s`): the server's own PDF child process (app/documents/pdf-runner.server.ts:
 *   the activities received as a file of JSON lines, the PDF written to a file) — the figure the goals of
 *   issue 18 are about: < 300 MB at 1,000 activities, < 500 MB at 5,000;
 * - `parent_rss_mb`: the process in the server's place (it holds the export data, writes the activities'
 *   file, then reads the finished PDF back, as the export log needs its bytes); `parent_before_mb` is
 *   the same process before the export; `worker_total_rss_mb` = child + parent peaks (an upper bound:
 *   the two peaks need not coincide);
 * - `bare_rss_mb`: bare pdfkit writing the same strings; `rss_ratio_to_bare_pdfkit` = `rss_mb` at 1,000 ÷ it.
 * `load_avg` is the 1-minute load average when the run ended (2 shared cores).
 * BENCH_PDF_SIZES=100,1000 limits the sizes (default 100,1000,5000).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { fontPath } from "../../app/documents/layout.ts";
import { startRegisterPdf } from "../../app/documents/register-pdf.ts";
import type { ExportActivity, RegisterExport } from "../../app/schemas/register-export.ts";
import { isSensitiveCategory, RISK_FLAGS } from "../../app/reference/vocabularies.ts";
import { computeCompleteness } from "../../app/domain/activity-rules.ts";
import { syntheticContent } from "./synthetic-register.ts";

const DEPARTMENTS = ["État civil", "Éducation", "Ressources humaines", "Police municipale", "Urbanisme", "Finances", "Culture", "Action sociale"];
const FINGERPRINT = "9b1de3f0c2a4e6b8d0f1a3c5e7092b4d6f8a0c1e3f5a7b9d1e3f5a7c9e1b3d5f";

const VENDOR_LIST: [name: string, country: string, parentCountry: string | null][] = [
  ["Famille+", "FR", null],
  ["CloudCo", "US", "US"],
  ["Hébergeur Souverain", "FR", null],
  ["Logiciels Mairie", "FR", "DE"],
  ["Support Monde", "IN", null],
];
const VENDORS: RegisterExport["vendors"] = VENDOR_LIST.map(([name, country, parent]) => ({
  name,
  legalName: `${name} SAS`,
  registrationNumber: "RCS Grenoble 123 456 789",
  website: `https://${name.toLowerCase().replace(/[^a-z]/g, "")}.example`,
  country,
  parent: { name: parent ? `${name} Group` : null, country: parent },
  certifications: {
    hds: { activities: null, expiry: null },
    iso27001Expiry: "2027-01-31",
    dpf: { certified: country === "US" ? true : null, checkedAt: country === "US" ? "2026-10-01" : null },
  },
  dpa: { status: "SIGNED", signedAt: "2024-05-02", reference: "DPA-2024-07", nextReview: "2027-05-02", sha256: null },
  services: [
    {
      name: `Service ${name}`,
      secNumCloud: { qualified: name === "Hébergeur Souverain", date: name === "Hébergeur Souverain" ? "2025-03-01" : null },
      locations: [
        { role: "STORAGE", country: "FR", region: "Auvergne-Rhône-Alpes", provider: null, safeguard: null, tiaDone: false },
        { role: "SUPPORT", country, region: null, provider: null, safeguard: country === "FR" ? null : "SCC_C2P", tiaDone: false },
      ],
    },
  ],
}));

function exportActivity(i: number): ExportActivity {
  const c = syntheticContent(i);
  const dep = DEPARTMENTS[i % DEPARTMENTS.length]!;
  const completeness = computeCompleteness(c, "department");
  const vendor = VENDORS[i % VENDORS.length]!;
  const foreign = vendor.country !== "FR";
  return {
    ref: `T-${String(i).padStart(4, "0")}`,
    name: c.name,
    department: dep,
    status: i % 9 === 0 ? "DRAFT" : "APPROVED",
    version: i % 9 === 0 ? null : 1 + (i % 3),
    approvedAt: i % 9 === 0 ? null : "2026-03-04T09:30:00.000Z",
    role: i % 13 === 0 ? "PROCESSOR" : c.role,
    regime: c.regime,
    description: c.description,
    internalContact: c.internalContact,
    implementationDate: c.implementationDate,
    jointControllers: c.jointControllers,
    processorFor: i % 13 === 0 ? [{ controller: "Commune membre", contact: "mairie@example.fr", categories: "Instruction des dossiers" }] : c.processorFor,
    purposes: c.purposes,
    legalBases: c.legalBases,
    art9Conditions: c.art9Conditions,
    art10Basis: c.art10Basis,
    dataSubjects: c.dataSubjects,
    dataCategories: c.dataCategories.map((d) => ({ ...d, sensitive: isSensitiveCategory(d.category) })),
    recipients: c.recipients,
    transfers: c.transfers,
    securityMeasures: c.securityMeasures,
    rights: c.rights,
    riskFlags: Object.fromEntries(RISK_FLAGS.map((f, k) => [f, (i + k) % 5 === 0])) as ExportActivity["riskFlags"],
    nextReviewAt: c.nextReviewAt,
    lastReviewAt: "2026-01-15",
    completeness: { score: completeness.score, missing: completeness.missing },
    services: [{ vendor: vendor.name, service: vendor.services[0]!.name, role: "PROCESSOR", ownHosting: false }],
    analysis: {
      level: foreign ? "safeguarded_transfer" : "eu",
      countries: foreign ? ["FR", vendor.country] : ["FR"],
      reach: vendor.services[0]!.locations.map((l) => ({ country: l.country, region: l.region, role: l.role, chain: [vendor.name], ownHosting: false })),
      transfers: foreign
        ? [
            {
              country: vendor.country,
              recipient: vendor.name,
              chain: [vendor.name],
              source: "computed",
              adequacy: null,
              status: "safeguarded",
              safeguard: "SCC_C2P",
              tiaMissing: true,
            },
          ]
        : [],
      exposure: foreign
        ? [
            {
              jurisdiction: vendor.country,
              laws: vendor.country === "US" ? [{ id: "cloud-act", name: "CLOUD Act" }] : [],
              vendor: vendor.name,
              via: "establishment",
              chain: [vendor.name],
              shielded: false,
              shieldReason: null,
            },
          ]
        : [],
      explanation: {
        fr: foreign
          ? [
              `Les données peuvent se trouver dans 2 pays : FR, ${vendor.country}.`,
              `${vendor.name} : transfert vers ${vendor.country} encadré par des clauses types.`,
            ]
          : ["Toutes les données restent dans l'EEE, chez des prestataires européens."],
        en: foreign
          ? [`The data can be in 2 countries: FR, ${vendor.country}.`, `${vendor.name}: transfer to ${vendor.country} under standard clauses.`]
          : ["All data stays in the EEA, with European vendors."],
      },
    },
  };
}

export function syntheticExport(n: number): RegisterExport {
  return {
    schemaVersion: 1,
    generator: "Registre",
    organization: {
      slug: "bench",
      name: "Commune de Bench-sur-Isère",
      siren: "213800000",
      address: "1 place de la Mairie, 38000 Bench-sur-Isère",
      legalRepresentative: "Mme la Maire",
      dpo: { name: "Délégué Mutualisé", email: "dpo@bench.example", phone: "04 76 00 00 00", cnilDesignationNumber: "DPO-654321" },
    },
    generatedAt: "2026-11-28T14:05:00.000Z",
    asOf: null,
    activities: Array.from({ length: n }, (_, k) => exportActivity(k + 1)),
    vendors: VENDORS,
    hostingSites: [{ name: "Salle serveur", country: "FR", city: "Bench-sur-Isère" }],
  };
}

const OPTS = { locale: "fr", scope: "all", fingerprint: FINGERPRINT } as const;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds (user + system) since `c0`: steadier than wall time on a shared machine. */
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return Math.round((c.user + c.system) / 1e4) / 100;
};

async function ours(n: number) {
  const data = syntheticExport(n);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { stream, done } = startRegisterPdf(data, OPTS);
  let bytes = 0;
  stream.on("data", (c: Buffer) => (bytes += c.length));
  const ended = new Promise((resolve) => stream.on("end", resolve));
  const { pages } = await done;
  await ended;
  const s = (performance.now() - t0) / 1000;
  return { activities: n, s: Math.round(s * 100) / 100, cpu_s: cpuSeconds(c0), pages, bytes, rss_mb: peakRssMb() };
}

/** Writes every string our renderer draws, one per line, for the bare pdfkit run. */
async function lines(n: number, file: string) {
  const all: string[] = [];
  const { stream, done } = startRegisterPdf(syntheticExport(n), OPTS, { onText: (s) => all.push(s) });
  stream.resume();
  await done;
  fs.writeFileSync(file, JSON.stringify(all));
  return { lines: all.length };
}

async function bare(file: string) {
  const all = JSON.parse(fs.readFileSync(file, "utf8")) as string[];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = new PDFDocument({ size: "A4" });
  doc.font(fontPath("regular")).fontSize(8.5);
  let bytes = 0;
  doc.on("data", (c: Buffer) => (bytes += c.length));
  const ended = new Promise((resolve) => doc.on("end", resolve));
  for (const line of all) doc.text(line);
  doc.end();
  await ended;
  return { s: Math.round(((performance.now() - t0) / 1000) * 100) / 100, cpu_s: cpuSeconds(c0), bytes, lines: all.length, rss_mb: peakRssMb() };
}

/** The server's path: the job sent to the PDF child process, which writes the file (its peak RSS is reported). */
async function worker(n: number) {
  const { renderPdfInChild } = await import("../../app/documents/pdf-runner.server.ts");
  const data = syntheticExport(n);
  const before = peakRssMb();
  const t0 = performance.now();
  const { bytes, childPeakRssMb, childCpuS } = await renderPdfInChild(
    { kind: "register", data, opts: { ...OPTS, departments: null } },
    // The server's 5 minutes are not enough for 5,000 activities on a loaded shared machine.
    60 * 60 * 1000,
  );
  return {
    activities: n,
    s: Math.round(((performance.now() - t0) / 1000) * 100) / 100,
    bytes: bytes.byteLength,
    worker_rss_mb: childPeakRssMb,
    worker_cpu_s: childCpuS,
    parent_rss_mb: peakRssMb(),
    parent_before_mb: before,
  };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
const child = process.argv.find((a) => a.startsWith("--child="))?.slice(8);
if (!isMain) {
  // Imported for its generator (syntheticExport).
} else if (child) {
  const arg = process.argv[process.argv.length - 1]!;
  const result =
    child === "ours" ? await ours(Number(arg)) : child === "worker" ? await worker(Number(arg)) : child === "lines" ? await lines(1000, arg) : await bare(arg);
  console.log(JSON.stringify(result));
} else {
  const run = (...args: string[]) => {
    const out = execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
    return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
  };
  const sizes = (process.env.BENCH_PDF_SIZES ?? "100,1000,5000").split(",").map(Number);
  const results: Record<string, number>[] = [];
  for (const n of sizes) {
    // Best of two below 5,000 (the machine may be shared); one run at 5,000.
    const runs = [run("--child=ours", String(n))];
    if (n < 5000) runs.push(run("--child=ours", String(n)));
    const r = runs.reduce((a, x) => (x.s! < a.s! ? x : a));
    r.rss_mb = Math.max(...runs.map((x) => x.rss_mb!));
    // Once through the server's PDF child process.
    const w = run("--child=worker", String(n));
    r.worker_rss_mb = w.worker_rss_mb!;
    r.worker_cpu_s = w.worker_cpu_s!;
    r.worker_s = w.s!;
    r.parent_rss_mb = w.parent_rss_mb!;
    r.parent_before_mb = w.parent_before_mb!;
    r.worker_total_rss_mb = w.worker_rss_mb! + w.parent_rss_mb!;
    if (w.bytes !== r.bytes) throw new Error(`The child's PDF (${w.bytes} bytes) differs from the in-process one (${r.bytes} bytes)`);
    r.load_avg = Math.round(os.loadavg()[0]! * 100) / 100;
    console.log(
      `${String(n).padStart(5)} activities: ${r.s} s (${r.cpu_s} s CPU), ${r.pages} pages, ${(r.bytes! / 1e6).toFixed(1)} MB, peak RSS ${r.rss_mb} MB; ` +
        `server child: ${w.s} s (${w.worker_cpu_s} s CPU), peak RSS ${w.worker_rss_mb} MB; its parent: peak RSS ${w.parent_rss_mb} MB ` +
        `(${w.parent_before_mb} MB before the export) (load average ${r.load_avg})`,
    );
    results.push(r);
  }
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "registre-pdf-bench-")), "lines.json");
  run("--child=lines", tmp);
  // Ours and bare pdfkit alternately, three times each, at 1,000 activities; the ratio uses the
  // best CPU time of each (wall time on a shared machine mostly measures the neighbours).
  const bares: Record<string, number>[] = [];
  const ours1000: Record<string, number>[] = [];
  for (let k = 0; k < 3; k++) {
    ours1000.push(run("--child=ours", "1000"));
    bares.push(run("--child=bare", tmp));
  }
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  const best = (rs: Record<string, number>[], key: string) => Math.min(...rs.map((r) => r[key]!));
  // The 1,000 entry reports the best of all its runs.
  const at1000 = results.find((r) => r.activities === 1000);
  if (at1000) {
    at1000.s = Math.min(at1000.s!, best(ours1000, "s"));
    at1000.cpu_s = Math.min(at1000.cpu_s!, best(ours1000, "cpu_s"));
    at1000.rss_mb = Math.max(at1000.rss_mb!, ...ours1000.map((r) => r.rss_mb!));
  }
  const ratio = Math.round((best(ours1000, "cpu_s") / best(bares, "cpu_s")) * 100) / 100;
  const ratioWall = Math.round((best(ours1000, "s") / best(bares, "s")) * 100) / 100;
  const bareRss = Math.max(...bares.map((r) => r.rss_mb!));
  const ours1000Rss = Math.max(...ours1000.map((r) => r.rss_mb!));
  const rssRatio = Math.round((ours1000Rss / bareRss) * 100) / 100;
  console.log(
    `bare pdfkit, same ${bares[0]!.lines} strings: best ${best(bares, "s")} s wall, ${best(bares, "cpu_s")} s CPU (${(bares[0]!.bytes! / 1e6).toFixed(1)} MB); ` +
      `ours at 1,000: best ${best(ours1000, "s")} s wall, ${best(ours1000, "cpu_s")} s CPU; ours ÷ bare = ${ratio} (CPU), ${ratioWall} (wall); ` +
      `peak RSS ${ours1000Rss} MB, bare ${bareRss} MB: ${rssRatio}×`,
  );
  // While the server generates a 1,000-activity register (in a child process), pages keep answering.
  const during = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "page-during-pdf.ts"), "1000"], { encoding: "utf8", maxBuffer: 1 << 26 })
      .trim()
      .split("\n")
      .pop()!,
  ) as Record<string, number>;
  console.log(
    `page requests during a 1,000-activity PDF (${during.pdf_s} s): ${during.page_requests} requests, p95 ${during.page_p95_ms} ms, max ${during.page_max_ms} ms`,
  );
  console.log(
    JSON.stringify({
      pdf: results,
      ratio_to_bare_pdfkit: ratio,
      ratio_to_bare_pdfkit_wall: ratioWall,
      bare_rss_mb: bareRss,
      rss_ratio_to_bare_pdfkit: rssRatio,
      page_during_pdf_max_ms: during.page_max_ms,
      page_during_pdf_p95_ms: during.page_p95_ms,
      load_avg: Math.round(os.loadavg()[0]! * 100) / 100,
      goals: { worker_rss_mb_1000: 300, worker_rss_mb_5000: 500 },
    }),
  );
}
