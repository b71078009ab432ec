/** Child process of vendors.bench.ts: 5,000 activities, 2,000 vendors, sub-processors three levels deep. */
import { cloneActivities } from "./bulk-clone.ts";
import { syntheticContent } from "./synthetic-register.ts";

const ACTIVITIES = Number(process.argv[2] ?? 5000);
const VENDORS = Number(process.argv[3] ?? 2000);
process.env.LOG_LEVEL = "silent";
const { dbReady, getDb, disconnectDb } = await import("../../app/utils/db.server.ts");
const { createActivity } = await import("../../app/models/activity.server.ts");

await dbReady();
const db = getDb();
const org = await db.organization.create({ data: { slug: "bench", name: "Métropole de Bench" } });
const departments = await Promise.all(
  Array.from({ length: 12 }, (_, i) => db.department.create({ data: { organizationId: org.id, name: `Service ${i + 1}` } })),
);
const user = await db.user.create({ data: { email: "dpo@bench.example", name: "DPO", passwordHash: "x" } });
await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "DPO" } });

// Deterministic pseudo-random choices, so every run measures the same graph.
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const COUNTRIES = ["FR", "FR", "FR", "DE", "IE", "NL", "BE", "ES", "US", "GB", "CH", "IN", "MA", "CA", "JP"] as const;

// Level 0: hosting providers; level 1: platforms on them; level 2: SaaS editors on the platforms.
const levels = [Math.round(VENDORS * 0.05), Math.round(VENDORS * 0.2), VENDORS - Math.round(VENDORS * 0.05) - Math.round(VENDORS * 0.2)];
const servicesByLevel: string[][] = [[], [], []];
let n = 0;
for (let level = 0; level < 3; level++) {
  for (let i = 0; i < levels[level]!; i++) {
    const country = pick(COUNTRIES);
    const parentCountry = rnd() < 0.2 ? "US" : null;
    const vendor = await db.vendor.create({
      data: {
        organizationId: org.id,
        name: `Prestataire ${++n}`,
        country,
        parentCountry,
        parentName: parentCountry ? "Holding Inc." : null,
        dpfCertified: country === "US" ? rnd() < 0.6 : null,
      },
    });
    for (let k = 0; k < (rnd() < 0.5 ? 1 : 2); k++) {
      const service = await db.service.create({
        data: { organizationId: org.id, vendorId: vendor.id, name: `Service ${k + 1}`, secNumCloudQualified: level === 0 && rnd() < 0.1 },
      });
      servicesByLevel[level]!.push(service.id);
      const providers = level === 0 ? [] : servicesByLevel[level - 1]!;
      await db.serviceLocation.createMany({
        data: [
          { serviceId: service.id, role: "STORAGE", country: pick(COUNTRIES), providerServiceId: providers.length ? pick(providers) : null },
          {
            serviceId: service.id,
            role: pick(["PROCESSING", "BACKUP", "SUPPORT"] as const),
            country: pick(COUNTRIES),
            safeguard: rnd() < 0.5 ? "SCC_C2P" : null,
            tiaDone: rnd() < 0.5,
          },
        ],
      });
    }
  }
}
const linkable = [...servicesByLevel[2]!, ...servicesByLevel[1]!];
const start = performance.now();
// Up to 240 activities through the app; the others are copies (bulk-clone.ts), each with its own links.
const TEMPLATES = 240;
const templateIds: string[] = [];
for (let i = 1; i <= Math.min(ACTIVITIES, TEMPLATES); i++) {
  const a = await createActivity(user.id, org.id, { content: syntheticContent(i), departmentId: departments[i % departments.length]!.id });
  const k = 1 + Math.floor(rnd() * 3);
  await db.activityLink.createMany({
    data: Array.from({ length: k }, () => ({ organizationId: org.id, activityId: a.id, serviceId: pick(linkable), role: "PROCESSOR" })),
  });
  templateIds.push(a.id);
}
await disconnectDb();
if (ACTIVITIES > TEMPLATES)
  cloneActivities(process.env.DATABASE_URL!.replace(/^file:/, ""), {
    templateIds,
    targetOrgId: org.id,
    from: TEMPLATES + 1,
    to: ACTIVITIES,
    links: () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ serviceId: pick(linkable), role: "PROCESSOR" })),
  });
console.log(
  `seeded ${VENDORS} vendors, ${servicesByLevel.flat().length} services and ${ACTIVITIES} activities in ${((performance.now() - start) / 1000).toFixed(1)} s`,
);
