import { describe, expect, it } from "vitest";
import {
  ConflictError,
  createActivity,
  getActivityByRef,
  InvalidTransitionError,
  listActivities,
  listRegisterAsOf,
  listVersions,
  saveActivity,
  transitionActivity,
} from "~/models/activity.server.ts";
import { verifyAuditChain } from "~/models/audit.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { RegisterExportSchema } from "~/schemas/register-export.ts";
import { ALL_ACTIVITIES } from "~/policies/department.ts";
import { diffContents } from "~/domain/activity-diff.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser } from "../helpers/factories.ts";

const content = (name: string, extra: Record<string, unknown> = {}) => ActivityContentSchema.parse({ name, ...extra });

async function setup() {
  const { org, departments } = await createOrg();
  const user = await createUser();
  return { org, departments, user, dep: departments[0]!.id };
}

describe("references", () => {
  it("are assigned in sequence per organization and never reused", async () => {
    const { org, user, dep } = await setup();
    const other = await setup();
    const a1 = await createActivity(user.id, org.id, { content: content("Un"), departmentId: dep });
    const a2 = await createActivity(user.id, org.id, { content: content("Deux"), departmentId: dep });
    const b1 = await createActivity(other.user.id, other.org.id, { content: content("Autre"), departmentId: other.dep });
    expect([a1.ref, a2.ref, b1.ref]).toEqual(["T-0001", "T-0002", "T-0001"]);
    // Deleting the last activity must not free its number.
    await getDb().activity.delete({ where: { id: a2.id } });
    const a3 = await createActivity(user.id, org.id, { content: content("Trois"), departmentId: dep });
    expect(a3.ref).toBe("T-0003");
  });

  it("refuse a department of another organization", async () => {
    const { org, user } = await setup();
    const other = await setup();
    await expect(createActivity(user.id, org.id, { content: content("X"), departmentId: other.dep })).rejects.toThrow();
  });
});

describe("optimistic locking", () => {
  it("rejects a save that started from an older revision and keeps the first one", async () => {
    const { org, user, dep } = await setup();
    const a = await createActivity(user.id, org.id, { content: content("Cantine"), departmentId: dep });
    const first = await saveActivity(user.id, org.id, a.id, a.revision, { content: content("Cantine scolaire"), departmentId: dep });
    expect(first.revision).toBe(a.revision + 1);
    const err = await saveActivity(user.id, org.id, a.id, a.revision, { content: content("Cantine (tab 2)"), departmentId: dep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current.parsed.name).toBe("Cantine scolaire");
    expect((await getActivityByRef(org.id, a.ref))!.parsed.name).toBe("Cantine scolaire");
  });

  it("applies to transitions too", async () => {
    const { org, user, dep } = await setup();
    const a = await createActivity(user.id, org.id, { content: content("A"), departmentId: dep });
    await saveActivity(user.id, org.id, a.id, a.revision, { content: content("B"), departmentId: dep });
    await expect(transitionActivity(user.id, org.id, a.id, a.revision, "submit")).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("workflow and versions", () => {
  it("freezes a version on approval and keeps showing it while a new draft is edited", async () => {
    const { org, user, dep } = await setup();
    let a = await createActivity(user.id, org.id, { content: content("État civil", { purposes: { main: "Actes" } }), departmentId: dep });
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "submit");
    expect(a.status).toBe("SUBMITTED");
    await expect(transitionActivity(user.id, org.id, a.id, a.revision, "requestChanges")).rejects.toBeInstanceOf(InvalidTransitionError);
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "requestChanges", { comment: "Préciser la durée" });
    expect(a.status).toBe("CHANGES_REQUESTED");
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "submit");
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    expect(a).toMatchObject({ status: "APPROVED", approvedVersion: 1, pendingChanges: false });

    a = await saveActivity(user.id, org.id, a.id, a.revision, {
      content: content("État civil", { purposes: { main: "Actes et mentions" } }),
      departmentId: dep,
    });
    expect(a).toMatchObject({ status: "DRAFT", approvedVersion: 1, pendingChanges: true });
    const exported = await buildRegisterExport(org.id);
    expect(exported.activities[0]).toMatchObject({ ref: a.ref, version: 1, status: "APPROVED", purposes: { main: "Actes" } });

    a = await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    const versions = await listVersions(org.id, a.id);
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    expect(versions[1]!.validTo).not.toBeNull();
    expect(versions[0]!.validTo).toBeNull();
    const diff = diffContents(versions[1]!.parsed, versions[0]!.parsed);
    expect(diff).toEqual([{ path: "purposes.main", before: "Actes", after: "Actes et mentions" }]);
  });

  it("makes approved versions immutable in the database", async () => {
    const { org, user, dep } = await setup();
    const a = await createActivity(user.id, org.id, { content: content("Listes électorales"), departmentId: dep });
    await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    await expect(getDb().$executeRawUnsafe(`UPDATE "ActivityVersion" SET content = '{}' WHERE activityId = ?`, a.id)).rejects.toThrow(/immutable/);
  });

  it("lists a page with the same row shape as a Prisma select, and the total across pages", async () => {
    const { org, user, dep } = await setup();
    const a = await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Aide sociale", nextReviewAt: "2027-03-01", dataCategories: [{ category: "health" }] }),
      departmentId: dep,
    });
    await createActivity(user.id, org.id, { content: content("Sans service"), departmentId: null });
    const first = await listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 1 });
    expect(first.total).toBe(2);
    const row = first.rows[0]!;
    expect(row).toMatchObject({ id: a.id, ref: a.ref, name: "Aide sociale", status: "DRAFT", hasSensitive: true, hasOffences: false, pendingChanges: false });
    expect(row.nextReviewAt).toBeInstanceOf(Date);
    expect(row.nextReviewAt!.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(row.updatedAt).toBeInstanceOf(Date);
    expect(typeof row.completeness).toBe("number");
    expect(row.approvedVersion).toBeNull();
    expect(row.department?.name).toBeTruthy();
    const second = await listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 1, take: 1 });
    expect(second.rows.map((r) => [r.name, r.department])).toEqual([["Sans service", null]]);
    // Past the last page: no rows, and the total still counts.
    expect(await listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 5, take: 1 })).toEqual({ rows: [], total: 2 });
  });

  it("requires a reason to archive and removes the activity from the current register", async () => {
    const { org, user, dep } = await setup();
    let a = await createActivity(user.id, org.id, { content: content("Ancien fichier"), departmentId: dep });
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    await expect(transitionActivity(user.id, org.id, a.id, a.revision, "archive")).rejects.toBeInstanceOf(InvalidTransitionError);
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "archive", { reason: "Traitement arrêté" });
    expect(a).toMatchObject({ status: "ARCHIVED", archiveReason: "Traitement arrêté" });
    expect((await buildRegisterExport(org.id)).activities).toHaveLength(0);
    expect((await listActivities(org.id, { scope: ALL_ACTIVITIES }, "ref", { skip: 0, take: 10 })).total).toBe(0);
    expect((await listActivities(org.id, { scope: ALL_ACTIVITIES, status: "ARCHIVED", includeArchived: true }, "ref", { skip: 0, take: 10 })).total).toBe(1);
  });
});

describe("point in time", () => {
  it("returns the approved versions valid at a past date", async () => {
    const { org, user, dep } = await setup();
    const t1 = new Date("2025-01-10T10:00:00Z");
    const t2 = new Date("2025-06-10T10:00:00Z");
    const t3 = new Date("2025-09-10T10:00:00Z");
    let a = await createActivity(user.id, org.id, { content: content("Crèche v1"), departmentId: dep });
    a = await transitionActivity(user.id, org.id, a.id, a.revision, "approve", {}, t1);
    a = await saveActivity(user.id, org.id, a.id, a.revision, { content: content("Crèche v2"), departmentId: dep });
    await transitionActivity(user.id, org.id, a.id, a.revision, "approve", {}, t2);
    let b = await createActivity(user.id, org.id, { content: content("Archivé"), departmentId: dep });
    b = await transitionActivity(user.id, org.id, b.id, b.revision, "approve", {}, t1);
    await transitionActivity(user.id, org.id, b.id, b.revision, "archive", { reason: "Fin" }, t3);

    const names = async (d: string) => (await listRegisterAsOf(org.id, new Date(d), ALL_ACTIVITIES)).map((v) => v.name).sort();
    expect(await names("2024-12-31T00:00:00Z")).toEqual([]);
    expect(await names("2025-03-01T00:00:00Z")).toEqual(["Archivé", "Crèche v1"]);
    expect(await names("2025-07-01T00:00:00Z")).toEqual(["Archivé", "Crèche v2"]);
    expect(await names("2025-10-01T00:00:00Z")).toEqual(["Crèche v2"]);
    const exp = await buildRegisterExport(org.id, { asOf: "2025-03-01" });
    expect(exp.asOf).toBe("2025-03-01");
    expect(exp.activities.map((x) => `${x.name}@v${x.version}`).sort()).toEqual(["Archivé@v1", "Crèche v1@v1"]);
  });
});

describe("search and filters", () => {
  it("finds activities by name, purpose, description, category and department, accents ignored", async () => {
    const { org, user, departments } = await setup();
    await createActivity(user.id, org.id, {
      content: content("Restauration scolaire", { purposes: { main: "Facturer les repas" } }),
      departmentId: departments[0]!.id,
    });
    await createActivity(user.id, org.id, {
      content: content("Vidéoprotection", {
        description: "Caméras sur la voie publique",
        regime: "LED",
        dataCategories: [{ category: "location", description: "Images géolocalisées" }],
      }),
      departmentId: departments[2]!.id,
    });
    const names = async (q: string) => (await listActivities(org.id, { scope: ALL_ACTIVITIES, q }, "ref", { skip: 0, take: 10 })).rows.map((r) => r.name);
    expect(await names("repas")).toEqual(["Restauration scolaire"]);
    expect(await names("cameras")).toEqual(["Vidéoprotection"]);
    expect(await names("geoloc")).toEqual(["Vidéoprotection"]);
    expect(await names("police")).toEqual(["Vidéoprotection"]); // department "Police municipale"
    expect(await names('"); DROP TABLE x; --')).toEqual([]);
    expect((await listActivities(org.id, { scope: ALL_ACTIVITIES, regime: "LED" }, "ref", { skip: 0, take: 10 })).rows.map((r) => r.name)).toEqual([
      "Vidéoprotection",
    ]);
    expect((await listActivities(org.id, { scope: { kind: "departments", departmentIds: [departments[0]!.id] } }, "ref", { skip: 0, take: 10 })).total).toBe(1);
  });

  it("never returns another organization's activities", async () => {
    const a = await setup();
    const b = await setup();
    await createActivity(a.user.id, a.org.id, { content: content("Secret de A"), departmentId: a.dep });
    expect((await listActivities(b.org.id, { scope: ALL_ACTIVITIES, q: "secret" }, "ref", { skip: 0, take: 10 })).total).toBe(0);
    expect(await getActivityByRef(b.org.id, "T-0001")).toBeNull();
  });
});

describe("audit and export", () => {
  it("writes an audit event for every change in the same chain", async () => {
    const { org, user, dep } = await setup();
    let a = await createActivity(user.id, org.id, { content: content("Audité"), departmentId: dep });
    a = await saveActivity(user.id, org.id, a.id, a.revision, { content: content("Audité 2"), departmentId: dep });
    await transitionActivity(user.id, org.id, a.id, a.revision, "approve");
    const actions = (await getDb().auditEvent.findMany({ where: { organizationId: org.id, entityId: a.id }, orderBy: { seq: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["activity.created", "activity.updated", "activity.approve"]);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("produces an export valid against its schema", async () => {
    const { org, user, dep } = await setup();
    await createActivity(user.id, org.id, {
      content: content("Complet", {
        purposes: { main: "Gérer", sub: ["Suivre"] },
        legalBases: [{ basis: "c", text: "Code électoral L16" }],
        dataCategories: [{ category: "health", retention: { activePeriod: "5 ans", finalFate: "destruction" } }],
        transfers: [{ country: "us", recipient: "Prestataire", safeguard: "scc" }],
      }),
      departmentId: dep,
    });
    const exp = await buildRegisterExport(org.id, { generatedAt: new Date("2026-01-01T00:00:00Z") });
    expect(RegisterExportSchema.safeParse(exp).success).toBe(true);
    expect(exp.activities[0]!.dataCategories[0]).toMatchObject({ category: "health", sensitive: true });
    expect(exp.activities[0]!.transfers[0]!.country).toBe("US");
    expect(exp.activities[0]!.completeness.missing).toContain("art9Conditions");
  });
});
