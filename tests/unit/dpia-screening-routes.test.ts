/** Screening routes: who may see and save, the justification and reason rules, optimistic locking, audit, export, register filter. */
import { beforeAll, describe, expect, it } from "vitest";
import { SCREENING_CRITERIA } from "~/analysis/dpia-screening.ts";
import { createActivity } from "~/models/activity.server.ts";
import { getScreening } from "~/models/dpia.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import * as register from "~/routes/o.$org.activities._index.tsx";
import * as screening from "~/routes/o.$org.activities.$ref.screening.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { RegisterExportSchema } from "~/schemas/register-export.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let ownRef: string;
let ownId: string;
let otherRef: string;
let cctvRef: string;
const callers = {} as Record<Who, { cookie?: string }>;

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  const author = await createUser();
  const own = await createActivity(author.id, org.id, {
    content: ActivityContentSchema.parse({ name: "Paie des agents", dataSubjects: [{ category: "agents" }] }),
    departmentId: departments[0]!.id,
  });
  ownRef = own.ref;
  ownId = own.id;
  otherRef = (await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: "Autre" }), departmentId: departments[1]!.id })).ref;
  cctvRef = (
    await createActivity(author.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Vidéoprotection", riskFlags: { systematicMonitoring: true, largeScale: true } }),
      departmentId: departments[2]!.id,
    })
  ).ref;
  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.EDITOR = { cookie: (await signedInMember(org.id, "EDITOR", [departments[0]!.id])).cookie };
  callers.ANONYMOUS = {};
  callers.OUTSIDER = { cookie: (await signedInMember((await createOrg()).org.id, "ADMIN")).cookie };
});

const allNo = () => Object.fromEntries(SCREENING_CRITERIA.map((c) => [`criteria.${c}.met`, "no"]));

describe("screening authorization", () => {
  it("lets readers view and only the DPO and admins save", async () => {
    const path = (r: string) => () => `/o/${slug}/activities/${r}/screening`;
    await checkMatrix(
      [
        {
          name: "view own",
          handler: screening.loader,
          path: path(ownRef),
          params: (s) => ({ org: s, ref: ownRef }),
          expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
          shows: mentions([() => ownRef], [() => otherRef]),
        },
        {
          name: "view other department's",
          handler: screening.loader,
          path: path(otherRef),
          params: (s) => ({ org: s, ref: otherRef }),
          expect: { EDITOR: 403, VIEWER: 200 },
          shows: mentions([() => otherRef], [() => ownRef]),
        },
        {
          name: "save own",
          handler: screening.action,
          method: "POST",
          path: path(ownRef),
          params: (s) => ({ org: s, ref: ownRef }),
          body: () => form({ version: "0", ...allNo() }),
          expect: { EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
        },
      ],
      callers,
      slug,
    );
  });
});

describe("saving a screening", () => {
  const post = (ref: string, body: Record<string, string>, who: Who = "DPO") =>
    call(screening.action, request(`/o/${slug}/activities/${ref}/screening`, { method: "POST", cookie: callers[who].cookie, body: form(body) }), {
      org: slug,
      ref,
    });

  it("requires a justification for an answer that departs from the record", async () => {
    const res = await post(cctvRef, { version: "0", ...allNo() });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "criteria.largeScale.justification")).toEqual(["dpia.errors.justificationRequired"]);
  });

  it("requires a written reason to decide against a DPIA despite criteria", async () => {
    const body = { version: "0", ...allNo(), "criteria.largeScale.met": "yes", "criteria.systematicMonitoring.met": "yes", decision: "no_dpia" };
    const res = await post(cctvRef, body);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "decisionReason")).toEqual(["dpia.errors.reasonRequired"]);
  });

  it("saves, versions, audits, and refuses a stale version with 409", async () => {
    const body = { version: "0", ...allNo(), "criteria.largeScale.met": "yes", "criteria.systematicMonitoring.met": "yes", art35c: "on", decision: "dpia" };
    const ok = await post(cctvRef, body);
    expect(ok.status).toBe(302);
    const db = getDb();
    const act = await db.activity.findFirstOrThrow({ where: { organizationId: orgId, ref: cctvRef } });
    const saved = await getScreening(orgId, act.id);
    expect(saved).toMatchObject({ version: 1, result: "required", art35c: true, decision: "dpia" });
    expect(saved?.decidedById).toBeTruthy();
    expect(await db.screeningVersion.count({ where: { screeningId: saved!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: orgId, action: "screening.saved", entityId: saved!.id } })).toBe(1);
    const stale = await post(cctvRef, body);
    expect(stale.status).toBe(409);
    expect((stale.data as { alert: string }).alert).toBe("dpia.errors.conflict");
    const again = await post(cctvRef, { ...body, version: "1" }, "ADMIN");
    expect(again.status).toBe(302);
    expect((await getScreening(orgId, act.id))?.version).toBe(2);
  });

  it("shows the panel on the activity page", async () => {
    const res = await call(activityPage.loader, request(`/o/${slug}/activities/${cctvRef}`, { cookie: callers.VIEWER.cookie }), { org: slug, ref: cctvRef });
    expect((res.data as { dpia: { result: string; saved: boolean } }).dpia).toMatchObject({ result: "required", saved: true });
  });
});

describe("screening in the export and the register filter", () => {
  it("exports a screening for every activity", async () => {
    const data = await buildRegisterExport(orgId);
    expect(RegisterExportSchema.safeParse(data).success).toBe(true);
    const byRef = new Map(data.activities.map((a) => [a.ref, a]));
    expect(byRef.get(cctvRef)?.screening).toMatchObject({ result: "required", saved: true, decision: "dpia", art35: { c: true } });
    expect(byRef.get(ownRef)?.screening).toMatchObject({ result: "not_required", saved: false });
    expect(byRef.get(cctvRef)?.dpia).toBeUndefined();
  });

  it("filters the register by screening result", async () => {
    const refs = async (dpia: string) =>
      (
        (await call(register.loader, request(`/o/${slug}/activities?dpia=${dpia}`, { cookie: callers.DPO.cookie }), { org: slug })).data as {
          rows: { ref: string }[];
        }
      ).rows.map((r) => r.ref);
    expect(await refs("required")).toEqual([cctvRef]);
    expect(await refs("none_started")).toEqual([cctvRef]);
    expect((await refs("not_required")).sort()).toEqual([ownRef, otherRef].sort());
    expect(ownId).toBeTruthy();
  });
});
