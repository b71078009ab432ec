/** Child process of register.bench.ts: seeds the synthetic organization, so the measured process starts clean. */
import { syntheticContent } from "./synthetic-register.ts";

const N = Number(process.argv[2] ?? 5000);
process.env.LOG_LEVEL = "silent";
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { hashPassword } = await import("../../app/utils/password.server.ts");
const { createActivity, transitionActivity } = await import("../../app/models/activity.server.ts");

await dbReady();
const db = getDb();
const org = await db.organization.create({ data: { slug: "bench", name: "Commune de Bench" } });
const departments = await Promise.all(
  Array.from({ length: 12 }, (_, i) => db.department.create({ data: { organizationId: org.id, name: `Service ${i + 1}` } })),
);
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO", passwordHash: await hashPassword("bench-password-123") } });
await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });
const start = performance.now();
for (let i = 1; i <= N; i++) {
  const a = await createActivity(user.id, org.id, { content: syntheticContent(i), departmentId: departments[i % departments.length]!.id });
  if (i % 3 === 0) await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
}
console.log(`seeded ${N} activities in ${((performance.now() - start) / 1000).toFixed(1)} s`);
await disconnectDb();
