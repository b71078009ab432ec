/**
 * npm run bench:dpia — the demo city in a temporary database, its HR DPIA enriched (every answer
 * long, 40 measures, 60 action-plan rows, every risk assessed), then its PDF generated 10 times
 * in-process (data loading included). Prints one JSON line last: {"dpia_pdf_ms": p95} (target < 2000).
 */
import { timeMany, useTemporaryDatabase } from "./bench-utils.ts";

useTemporaryDatabase("dpia");
const { dbReady, disconnectDb, getDb } = await import("../../app/utils/db.server.ts");
const { seedDemo } = await import("../../app/models/demo-seed.server.ts");
const { buildDpiaPdfData, getDpia, saveDpiaContent } = await import("../../app/models/dpia.server.ts");
const { generateDpiaPdfBuffer } = await import("../../app/documents/dpia-pdf.ts");
const { DPIA_QUESTIONS, DpiaRisksSchema } = await import("../../app/schemas/dpia.ts");

await dbReady();
const { org } = await seedDemo("bench-password-123");
const db = getDb();
const activity = await db.activity.findFirstOrThrow({ where: { organizationId: org.id, name: { startsWith: "Santé au travail" } } });
const user = await db.user.findUniqueOrThrow({ where: { email: "rh@demo.example" } });
const dpia = (await getDpia(org.id, activity.id))!;
const para = (n: number, seed: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${seed} ${i + 1} : les données sont traitées par des agents habilités, conservées selon les durées réglementaires et protégées par des mesures techniques et organisationnelles adaptées.`,
  ).join("\n");
const risk = (s: number, l: number) => ({
  impacts: para(4, "Impact"),
  threats: para(4, "Menace"),
  sources: para(3, "Source"),
  measures: para(4, "Mesure"),
  severity: s,
  likelihood: l,
  residualSeverity: Math.max(1, s - 1),
  residualLikelihood: Math.max(1, l - 1),
});
await saveDpiaContent(user.id, org.id, dpia, dpia.version, {
  answers: Object.fromEntries(DPIA_QUESTIONS.map((q, i) => [q, { text: para(8, `Réponse ${q}`), prefilled: i % 3 === 0, toComplete: i % 5 === 0 }])),
  measures: Array.from({ length: 40 }, (_, i) => ({ code: undefined, title: `Mesure ${i + 1}`, text: para(2, "Description") })),
  risks: DpiaRisksSchema.parse({ access: risk(4, 3), modification: risk(3, 2), disappearance: risk(2, 2) }),
  actionPlan: Array.from({ length: 60 }, (_, i) => ({
    action: `Action ${i + 1} : ${para(1, "Étape")}`,
    owner: "Direction des ressources humaines",
    dueDate: "2026-06-30",
    status: (["todo", "in_progress", "done"] as const)[i % 3]!,
  })),
});

let pages = 0;
const render = async () => {
  const data = (await buildDpiaPdfData(org.id, activity.id))!;
  const pdf = await generateDpiaPdfBuffer(data, { locale: "fr" });
  pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
};
await render(); // warm-up: fonts and module loading
const t = await timeMany(10, render);
console.log(`DPIA PDF: ${pages} pages, p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms`);
await disconnectDb();
console.log(JSON.stringify({ dpia_pdf_ms: t.p95 }));
