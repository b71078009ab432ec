/** The demo's screenings and DPIAs: written through the model functions, realistic, and exportable. */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_DPIAS } from "~/demo/dpias.ts";
import { generateDpiaPdfBuffer } from "~/documents/dpia-pdf.ts";
import { dpiaToPiaJson, piaJsonToDpia } from "~/documents/pia-json.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { buildDpiaPdfData, getDpia, listDpiaVersions } from "~/models/dpia.server.ts";
import { getDb } from "~/utils/db.server.ts";

let orgId: string;

beforeAll(async () => {
  orgId = (await seedDemo("demo-password-123")).org.id;
}, 120_000);

const activityByName = (name: string) =>
  getDb().activity.findFirstOrThrow({ where: { organizationId: orgId, name }, select: { id: true, ref: true, name: true } });

describe("demo DPIAs", () => {
  it("saves a screening for every demo activity, with a DPIA decision where one is required", async () => {
    const [activities, screenings] = await Promise.all([
      // The register's own activities; the draft proposed from the DPO service's model is not screened yet (issue 14).
      getDb().activity.count({ where: { organizationId: orgId, modelId: null } }),
      getDb().screening.findMany({ where: { organizationId: orgId } }),
    ]);
    expect(screenings).toHaveLength(activities);
    expect(screenings.filter((s) => s.result === "required").every((s) => s.decision === "dpia")).toBe(true);
    const cctv = await activityByName(DEMO_DPIAS[0]!.activity);
    expect(screenings.find((s) => s.activityId === cctv.id)).toMatchObject({ result: "required", art35c: true, decision: "dpia" });
  });

  it("has the CCTV DPIA validated, the social one in review and the HR one in draft", async () => {
    const statuses: Record<string, string> = {};
    for (const d of DEMO_DPIAS) {
      const a = await activityByName(d.activity);
      const dpia = (await getDpia(orgId, a.id))!;
      statuses[d.status] = dpia.status;
      expect(dpia.status).toBe(d.status);
    }
    expect(Object.keys(statuses).sort()).toEqual(["draft", "in_review", "validated"]);
    expect(await getDb().dpia.count({ where: { organizationId: orgId } })).toBe(3);
  });

  it("gives the validated CCTV DPIA risks, measures, an action plan, opinions and a validation", async () => {
    const a = await activityByName("Vidéoprotection de la voie publique et centre de supervision urbain");
    const d = (await getDpia(orgId, a.id))!;
    for (const r of ["access", "modification", "disappearance"] as const) {
      expect(d.risks[r].severity, r).toBeDefined();
      expect(d.risks[r].residualLikelihood, r).toBeDefined();
      expect(d.risks[r].impacts, r).not.toBe("");
    }
    expect(d.measures.length).toBeGreaterThanOrEqual(4);
    expect(d.actionPlan.length).toBeGreaterThanOrEqual(2);
    expect(d.opinions.dpo).toMatchObject({ name: "Dominique Delaunay", canProceed: true });
    expect(d.opinions.subjects.sought).toBe(true);
    expect(d.validation).toMatchObject({ decision: "validated", validator: expect.stringContaining("Maire") });
    expect(Object.values(d.answers).every((x) => x.text !== "" && !x.toComplete)).toBe(true);
    expect((await listDpiaVersions(orgId, d.id)).map((v) => v.status)).toEqual(["validated", "in_review", "draft"]);
  });

  it("wrote audited events (chain verifies) and the DPIAs export to PDF and PIA JSON", async () => {
    const events = await getDb().auditEvent.groupBy({
      by: ["action"],
      where: { organizationId: orgId, action: { startsWith: "dpia." } },
      _count: { _all: true },
    });
    const count = Object.fromEntries(events.map((e) => [e.action, e._count._all]));
    expect(count["dpia.started"]).toBe(3);
    expect(count["dpia.validate"]).toBe(1);
    expect(count["dpia.submit"]).toBe(2);
    expect((await verifyAuditChain()).ok).toBe(true);
    const a = await activityByName(DEMO_DPIAS[0]!.activity);
    const data = (await buildDpiaPdfData(orgId, a.id))!;
    expect((await generateDpiaPdfBuffer(data, { locale: "fr" })).subarray(0, 5).toString()).toBe("%PDF-");
    const back = piaJsonToDpia(JSON.parse(JSON.stringify(dpiaToPiaJson((await getDpia(orgId, a.id))!, a, { name: "Ville de Démo" }))));
    expect(back.risks).toEqual(data.dpia.risks);
  });
});
