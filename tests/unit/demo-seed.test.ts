import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACTIVITIES } from "~/demo/activities.ts";
import { DEMO_DEPARTMENTS } from "~/demo/departments.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { DEMO_ACCOUNTS, demoContentHistory, seedDemo } from "~/models/demo-seed.server.ts";
import { ACTIVITY_STATUSES } from "~/reference/vocabularies.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";

let orgId: string;

beforeAll(async () => {
  const { org } = await seedDemo("demo-password-123");
  orgId = org.id;
});

/** The city's own register: without the draft the demo DPO service proposed from its model activity (issue 14). */
function activities() {
  return getDb().activity.findMany({
    where: { organizationId: orgId, modelId: null },
    include: { department: { select: { name: true } }, versions: true, comments: true },
    orderBy: { seq: "asc" },
  });
}

describe("the demo data module", () => {
  it("every demo activity's content parses, and so does every earlier version", () => {
    expect(DEMO_ACTIVITIES.length).toBeGreaterThanOrEqual(42);
    for (const a of DEMO_ACTIVITIES) {
      const parsed = ActivityContentSchema.safeParse(a.content);
      expect(parsed.success, `${String(a.content.name)}: ${parsed.error?.message}`).toBe(true);
      expect(() => demoContentHistory(a)).not.toThrow();
    }
  });

  it("covers every department, with the editors' departments in the statuses their accounts use", () => {
    for (const d of DEMO_DEPARTMENTS)
      expect(
        DEMO_ACTIVITIES.some((a) => a.department === d),
        d,
      ).toBe(true);
    const statuses = (d: string) => DEMO_ACTIVITIES.filter((a) => a.department === d).map((a) => a.story.status);
    for (const d of ["État civil", "Ressources humaines"]) {
      expect(statuses(d)).toContain("DRAFT");
      expect(statuses(d)).toContain("CHANGES_REQUESTED");
    }
  });
});

describe("seedDemo", () => {
  it("seeds at least 40 activities, in every department and every status", async () => {
    const rows = await activities();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBe(DEMO_ACTIVITIES.length);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ACTIVITY_STATUSES) expect(statuses, s).toContain(s);
    for (const d of DEMO_DEPARTMENTS)
      expect(
        rows.some((r) => r.department?.name === d),
        d,
      ).toBe(true);
  });

  it("gives the EDITOR departments a DRAFT and a CHANGES_REQUESTED activity", async () => {
    const rows = await activities();
    const editorDepartments = DEMO_ACCOUNTS.filter((a) => a.role === "EDITOR").flatMap((a) => a.departments);
    expect(editorDepartments).toEqual(expect.arrayContaining(["État civil", "Ressources humaines"]));
    for (const d of editorDepartments) {
      const statuses = rows.filter((r) => r.department?.name === d).map((r) => r.status);
      expect(statuses, d).toContain("DRAFT");
      expect(statuses, d).toContain("CHANGES_REQUESTED");
    }
  });

  it("replays each story: versions, pending drafts, change requests, archives and comments", async () => {
    const rows = await activities();
    expect(rows.filter((r) => r.versions.length >= 2).length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.comments.some((c) => c.kind === "COMMENT")).length).toBeGreaterThanOrEqual(5);
    DEMO_ACTIVITIES.forEach((a, i) => {
      const r = rows[i]!;
      const { story } = a;
      expect(r.name).toBe(String(a.content.name));
      expect(r.department?.name).toBe(a.department);
      // the working copy is the module's content
      expect(JSON.parse(r.content)).toEqual(JSON.parse(JSON.stringify(ActivityContentSchema.parse(a.content))));
      const approved = story.status === "APPROVED" || story.status === "ARCHIVED";
      expect(r.versions.length, r.name).toBe(approved ? (story.versions ?? 1) : 0);
      expect(r.status, r.name).toBe(story.pendingDraft ? "DRAFT" : story.status);
      expect(r.pendingChanges, r.name).toBe(Boolean(story.pendingDraft));
      if (story.status === "ARCHIVED") expect(r.archiveReason).toBe(story.archiveReason);
      if (story.status === "CHANGES_REQUESTED") expect(r.comments.some((c) => c.kind === "CHANGE_REQUEST" && c.body.includes(story.changeRequest!))).toBe(true);
      expect(r.comments.filter((c) => c.kind === "COMMENT").length, r.name).toBe(story.comments?.length ?? 0);
      // consecutive approved versions differ: each re-approval follows a real change
      const versions = [...r.versions].sort((x, y) => x.number - y.number);
      for (let v = 1; v < versions.length; v++) expect(versions[v]!.content).not.toBe(versions[v - 1]!.content);
    });
  });

  it("leaves incomplete activities and overdue reviews for the dashboard to show", async () => {
    const rows = await activities();
    expect(rows.filter((r) => r.completeness < 100).length).toBeGreaterThanOrEqual(5);
    const overdue = rows.filter((r) => r.status !== "ARCHIVED" && r.nextReviewAt && r.nextReviewAt < new Date("2026-11-28T00:00:00Z"));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.role === "JOINT_CONTROLLER")).toBe(true);
    expect(rows.some((r) => r.role === "PROCESSOR")).toBe(true);
    expect(rows.some((r) => r.regime === "LED")).toBe(true);
  });

  it("writes genuine audit events, and the chain verifies", async () => {
    const events = await getDb().auditEvent.groupBy({ by: ["action"], where: { organizationId: orgId }, _count: { _all: true } });
    const count = Object.fromEntries(events.map((e) => [e.action, e._count._all]));
    // Plus one: the draft proposed to the city by the demo DPO service's model activity (issue 14).
    expect(count["activity.created"]).toBe(DEMO_ACTIVITIES.length + 1);
    expect(count["model.proposed"]).toBe(1);
    for (const action of ["activity.updated", "activity.submit", "activity.approve", "activity.requestChanges", "activity.archive", "activity.commented"]) {
      expect(count[action], action).toBeGreaterThan(0);
    }
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
  });
});
