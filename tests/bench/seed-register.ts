/**
 * Child process of register.bench.ts: seeds the synthetic organization(s), so the measured process starts clean.
 * Arguments: activities per organization (default 5,000), organizations (default 1; the measured one is "bench").
 * Up to 240 activities are created through the app (createActivity, every third approved); the others are
 * copies of those made by bulk-clone.ts, so 50,000 activities or 300 organizations seed in seconds.
 */
import { cloneActivities } from "./bulk-clone.ts";
import { syntheticContent } from "./synthetic-register.ts";

const N = Number(process.argv[2] ?? 5000);
const ORGS = Number(process.argv[3] ?? 1);
// A multiple of 12 (departments) and of 3 (approvals): a copy keeps its template's department and status.
const TEMPLATES = 240;
process.env.LOG_LEVEL = "silent";
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { hashPassword } = await import("../../app/utils/password.server.ts");
const { createActivity, transitionActivity } = await import("../../app/models/activity.server.ts");

await dbReady();
const db = getDb();
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO", passwordHash: await hashPassword("bench-password-123") } });
const orgIds: string[] = [];
for (let o = 1; o <= ORGS; o++) {
  const org = await db.organization.create({ data: { slug: o === 1 ? "bench" : `bench-${o}`, name: `Commune de Bench ${o}` } });
  await db.department.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ organizationId: org.id, name: `Service ${i + 1}` })) });
  await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });
  orgIds.push(org.id);
}
const departments = await db.department.findMany({ where: { organizationId: orgIds[0]! } });
const byName = new Map(departments.map((d) => [d.name, d.id]));
const start = performance.now();
const templateIds: string[] = [];
for (let i = 1; i <= Math.min(N, TEMPLATES); i++) {
  const a = await createActivity(user.id, orgIds[0]!, { content: syntheticContent(i), departmentId: byName.get(`Service ${(i % 12) + 1}`)! });
  if (i % 3 === 0) await transitionActivity(user.id, orgIds[0]!, a.id, a.revision, "approve");
  templateIds.push(a.id);
}
await disconnectDb();
const file = process.env.DATABASE_URL!.replace(/^file:/, "");
if (N > TEMPLATES) cloneActivities(file, { templateIds, targetOrgId: orgIds[0]!, from: TEMPLATES + 1, to: N });
for (const orgId of orgIds.slice(1)) cloneActivities(file, { templateIds, targetOrgId: orgId, from: 1, to: N });
console.log(`seeded ${ORGS} organization(s) x ${N} activities in ${((performance.now() - start) / 1000).toFixed(1)} s`);
