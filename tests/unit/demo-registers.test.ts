/** The demo's breach register and request log: three documented breaches, eight requests in every state, one overdue. */
import { beforeAll, describe, expect, it } from "vitest";
import { deadlineState } from "~/analysis/requests.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { registersDashboard } from "~/models/registers-dashboard.server.ts";
import { effectiveDue } from "~/models/request.server.ts";
import { REQUEST_STATUSES } from "~/policies/request.ts";
import { getDb } from "~/utils/db.server.ts";

let orgId: string;
beforeAll(async () => {
  orgId = (await seedDemo("demo-password-123")).org.id;
}, 120_000);

describe("demo registers", () => {
  it("three breaches: encrypted laptop not notified, ransomware at a vendor notified with complementary notifications, misdirected health e-mail with people informed", async () => {
    const rows = await getDb().breach.findMany({
      where: { organizationId: orgId },
      orderBy: { seq: "asc" },
      include: { notifications: { orderBy: { sentAt: "asc" } } },
    });
    expect(rows).toHaveLength(3);
    const [laptop, ransom, mail] = rows;
    expect([laptop!.status, laptop!.risk, laptop!.notifications.length]).toEqual(["CLOSED", "NONE", 0]);
    expect(ransom!.vendorId).not.toBeNull();
    expect(JSON.parse(ransom!.content).activityIds.length).toBeGreaterThan(1);
    expect(ransom!.status).toBe("NOTIFIED");
    expect(ransom!.notifications.map((n) => n.kind)).toEqual(["INITIAL", "COMPLEMENTARY", "COMPLEMENTARY"]);
    expect(ransom!.notifications[0]!.sentAt.getTime() - ransom!.awareAt.getTime()).toBeLessThanOrEqual(72 * 3600_000);
    const m = JSON.parse(mail!.content) as { dataCategories: string[]; assessment: { informSubjects: boolean; subjectsInformedAt?: string } };
    expect(m.dataCategories).toContain("health");
    expect([mail!.risk, m.assessment.informSubjects, Boolean(m.assessment.subjectsInformedAt)]).toEqual(["HIGH", true, true]);
  });

  it("eight requests, every state, exactly one overdue, shown on the DPO's dashboard", async () => {
    const rows = await getDb().dataSubjectRequest.findMany({ where: { organizationId: orgId } });
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES));
    const now = new Date();
    const overdue = rows.filter(
      (r) => deadlineState(effectiveDue(r), now, ["RECEIVED", "IDENTITY_PENDING", "IN_PROGRESS", "EXTENDED"].includes(r.status)) === "overdue",
    );
    expect(overdue).toHaveLength(1);
    const dash = await registersDashboard(orgId, { role: "DPO", departmentIds: [] });
    expect(dash.requests.filter((r) => r.state === "overdue").map((r) => r.ref)).toEqual([overdue[0]!.ref]);
    const viewer = await registersDashboard(orgId, { role: "VIEWER", departmentIds: [] });
    expect([viewer.showBreaches, viewer.showRequests, viewer.clocks.length, viewer.requests.length]).toEqual([false, false, 0, 0]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });
});
