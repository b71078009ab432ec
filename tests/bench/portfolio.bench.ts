/**
 * npm run bench:portfolio — the shared DPO (issue 14): onboards ORGS organizations from one CSV (timed),
 * fills each with ACTIVITIES activities (a child process), then times the portfolio page (first
 * load, which computes every exposure snapshot, then warm loads) and its CSV export. Prints one
 * JSON line last. The shared vendor catalogue's `propagate_vendor_change_ms` joins that line when
 * the catalogue lands (see PROPAGATION below).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { rssMb, timeMany, useTemporaryDatabase } from "./bench-utils.ts";

const ORGS = Number(process.env.BENCH_ORGS ?? 300);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 100);
useTemporaryDatabase("portfolio");

const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { hashPassword } = await import("../../app/utils/password.server.ts");
const { createSession } = await import("../../app/models/session.server.ts");
const { readOnboardingFile, checkRows } = await import("../../app/import/organizations.ts");
const { onboardOrganizations } = await import("../../app/models/bulk-onboarding.server.ts");
const { isValidSiren } = await import("../../app/utils/validation.ts");
const portfolio = await import("../../app/routes/portfolio._index.tsx");
const exportRoute = await import("../../app/routes/portfolio.export.ts");

await dbReady();
const db = getDb();
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO mutualisé", passwordHash: await hashPassword("bench-password-123") } });
const service = await db.organization.create({ data: { slug: "service-dpo", name: "Service DPO", kind: "dpo_service" } });
await db.membership.create({ data: { userId: user.id, organizationId: service.id, role: "DPO" } });

function siren(i: number): string {
  const prefix = `21${String(i).padStart(6, "0")}`;
  for (let d = 0; d < 10; d++) if (isValidSiren(prefix + d)) return prefix + d;
  throw new Error("unreachable");
}
const KINDS = ["commune", "commune", "commune", "ccas", "epci", "syndicat"];
const csv = [
  "Nom;SIREN;Type;Identifiant;Courriel du contact;Département",
  ...Array.from(
    { length: ORGS },
    (_, i) =>
      `Commune ${i + 1};${siren(i + 1)};${KINDS[i % KINDS.length]};commune-${i + 1};maire${i + 1}@example.fr;${String((i % 95) + 1)
        .padStart(2, "0")
        .replace(/^20$/, "2A")}`,
  ),
].join("\n");

// Onboarding: the file read, checked and written (one unit of work), as the confirm step does.
const t0 = performance.now();
const rows = checkRows(await readOnboardingFile(new TextEncoder().encode(csv)));
const valid = rows.flatMap((r) => (r.value ? [r.value] : []));
if (valid.length !== ORGS) throw new Error(`only ${valid.length} valid rows of ${ORGS}`);
const res = await onboardOrganizations(user.id, valid);
const onboardS = (performance.now() - t0) / 1000;
if (res.created.length !== ORGS) throw new Error(`created ${res.created.length} organizations, expected ${ORGS}`);
// Idempotence, checked where it is cheap to: a second run creates nothing.
if ((await onboardOrganizations(user.id, valid)).created.length !== 0) throw new Error("second onboarding created organizations");

execFileSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "seed-portfolio.ts"), String(ACTIVITIES)], {
  stdio: "inherit",
  env: process.env,
});

const { token } = await createSession(user.id);
const ctx = { cspNonce: "", clientIp: null };
const req = (p: string) => new Request(`http://localhost${p}`, { headers: { Cookie: `registre_session=${token}` } });
let peak = rssMb();
const track = () => (peak = Math.max(peak, rssMb()));

// First load: every organization's exposure snapshot is computed and stored.
const c0 = performance.now();
await portfolio.loader({ request: req("/portfolio"), params: {}, context: ctx });
const coldMs = Math.round(performance.now() - c0);
track();
const page = await timeMany(40, (i) =>
  portfolio
    .loader({
      request: req(["/portfolio", "/portfolio?sort=exposure&dir=desc", "/portfolio?kind=commune&page=2", "/portfolio?sort=dpia&dir=desc"][i % 4]!),
      params: {},
      context: ctx,
    })
    .then(track),
);
const csvExport = await timeMany(10, () => exportRoute.loader({ request: req("/portfolio/export?format=csv"), params: {}, context: ctx }).then(track));
// One organization's analysis changes: only its snapshot is recomputed on the next load.
const one = res.created[0]!;
await db.organization.update({ where: { id: one.id }, data: { analysisVersion: { increment: 1 } } });
const a0 = performance.now();
await portfolio.loader({ request: req("/portfolio"), params: {}, context: ctx });
const oneStaleMs = Math.round(performance.now() - a0);
track();

// PROPAGATION: the shared vendor catalogue (issue 14, second half) adds `propagate_vendor_change_ms` here.
const result: Record<string, number> = {
  organizations: ORGS,
  activities_per_org: ACTIVITIES,
  onboard_300_orgs_s: Math.round(onboardS * 100) / 100,
  portfolio_cold_ms: coldMs,
  portfolio_p50_ms: page.p50,
  portfolio_p95_ms: page.p95,
  portfolio_one_stale_ms: oneStaleMs,
  portfolio_csv_p95_ms: csvExport.p95,
  rss_mb: peak,
};
await disconnectDb();
console.log(JSON.stringify(result));
