/** The register's rows of the authorization matrix: roles, departments and organizations. */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, getActivityByRef } from "~/models/activity.server.ts";
import * as activityPage from "~/routes/o.$org.activities.$ref.tsx";
import * as activityEdit from "~/routes/o.$org.activities.$ref.edit.tsx";
import * as activityHistory from "~/routes/o.$org.activities.$ref.history.tsx";
import * as activityNew from "~/routes/o.$org.activities.new.tsx";
import * as register from "~/routes/o.$org.activities._index.tsx";
import * as registerJson from "~/routes/o.$org.register[.]json.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let ownRef: string;
let otherRef: string;
let ownDep: string;
let otherDep: string;
const callers = {} as Record<Who, { cookie?: string }>;

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  ownDep = departments[0]!.id;
  otherDep = departments[1]!.id;
  const author = await createUser();
  ownRef = (await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: "Mon service" }), departmentId: ownDep })).ref;
  otherRef = (await createActivity(author.id, org.id, { content: ActivityContentSchema.parse({ name: "Autre service" }), departmentId: otherDep })).ref;
  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.EDITOR = { cookie: (await signedInMember(org.id, "EDITOR", [ownDep])).cookie };
  callers.ANONYMOUS = {};
  const outsider = await createOrg();
  callers.OUTSIDER = { cookie: (await signedInMember(outsider.org.id, "ADMIN")).cookie };
});

const p = (sub: string) => (s: string) => `/o/${s}${sub}`;

describe("register authorization matrix", () => {
  it("answers each role, department and organization as expected", async () => {
    const ref = (r: () => string) => (s: string) => ({ org: s, ref: r() });
    const rows: MatrixRow[] = [
      {
        name: "register list",
        handler: register.loader,
        path: p("/activities"),
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
        // The EDITOR's list holds their department's activity only (department scope).
        shows: (o, who) => (who === "EDITOR" ? mentions([ownRef], [otherRef])(o) : mentions([ownRef, otherRef])(o)),
      },
      {
        name: "register.json",
        handler: registerJson.loader,
        path: p("/register.json"),
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "new loader",
        handler: activityNew.loader,
        path: p("/activities/new"),
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "new action in another department",
        handler: activityNew.action,
        method: "POST",
        path: p("/activities/new"),
        params: (s) => ({ org: s }),
        body: () => form({ name: "Intrus", departmentId: otherDep }),
        expect: { EDITOR: 400, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "own activity page",
        handler: activityPage.loader,
        path: () => `/o/${slug}/activities/${ownRef}`,
        params: ref(() => ownRef),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
        shows: mentions([() => ownRef, "Mon service"], ["Autre service"]),
      },
      {
        name: "other department's page",
        handler: activityPage.loader,
        path: () => `/o/${slug}/activities/${otherRef}`,
        params: ref(() => otherRef),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 200 },
        shows: mentions([() => otherRef, "Autre service"], ["Mon service"]),
      },
      {
        name: "other department's history",
        handler: activityHistory.loader,
        path: () => `/o/${slug}/activities/${otherRef}/history`,
        params: ref(() => otherRef),
        expect: { DPO: 200, EDITOR: 403, VIEWER: 200, OUTSIDER: 404 },
        shows: mentions([() => otherRef, "Autre service"]),
      },
      {
        name: "edit own",
        handler: activityEdit.loader,
        path: () => `/o/${slug}/activities/${ownRef}/edit`,
        params: ref(() => ownRef),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "edit other department's",
        handler: activityEdit.loader,
        path: () => `/o/${slug}/activities/${otherRef}/edit`,
        params: ref(() => otherRef),
        expect: { DPO: 200, EDITOR: 403, VIEWER: 403 },
      },
      {
        name: "save other department's",
        handler: activityEdit.action,
        method: "POST",
        path: () => `/o/${slug}/activities/${otherRef}/edit`,
        params: ref(() => otherRef),
        body: () => form({ revision: "1", "content.name": "Piraté" }),
        expect: { EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "comment on other department's",
        handler: activityPage.action,
        method: "POST",
        path: () => `/o/${slug}/activities/${otherRef}`,
        params: ref(() => otherRef),
        body: () => form({ intent: "comment", body: "Bonjour" }),
        expect: { EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "submit other department's",
        handler: activityPage.action,
        method: "POST",
        path: () => `/o/${slug}/activities/${otherRef}`,
        params: ref(() => otherRef),
        body: () => form({ intent: "transition", transition: "submit", revision: "1" }),
        expect: { EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "approve own (EDITOR may not approve)",
        handler: activityPage.action,
        method: "POST",
        path: () => `/o/${slug}/activities/${ownRef}`,
        params: ref(() => ownRef),
        body: () => form({ intent: "transition", transition: "approve", revision: "1" }),
        expect: { EDITOR: 403, VIEWER: 403 },
      },
      {
        name: "unknown reference",
        handler: activityPage.loader,
        path: () => `/o/${slug}/activities/T-9999`,
        params: (s) => ({ org: s, ref: "T-9999" }),
        expect: { DPO: 404, EDITOR: 404 },
      },
    ];
    await checkMatrix(rows, callers, slug);
    // Nothing above changed the activity of the other department.
    const other = await getActivityByRef(orgId, otherRef);
    expect(other).toMatchObject({ name: "Autre service", status: "DRAFT", revision: 1 });
    expect(await getDb().activityComment.count({ where: { activityId: other!.id } })).toBe(0);
  });

  it("an EDITOR's register lists only their departments' activities", async () => {
    const res = await call(register.loader, request(`/o/${slug}/activities`, { cookie: callers.EDITOR.cookie }), { org: slug });
    const names = (res.data as { rows: { name: string }[] }).rows.map((r) => r.name);
    expect(names).toEqual(["Mon service"]);
    const dpo = await call(register.loader, request(`/o/${slug}/activities`, { cookie: callers.DPO.cookie }), { org: slug });
    expect((dpo.data as { rows: { name: string }[] }).rows.map((r) => r.name).sort()).toEqual(["Autre service", "Mon service"]);
  });

  it("an EDITOR declares, edits and submits in their department; the DPO approves", async () => {
    const created = await call(
      activityNew.action,
      request(`/o/${slug}/activities/new`, { method: "POST", cookie: callers.EDITOR.cookie, body: form({ name: "Cantine", departmentId: ownDep }) }),
      { org: slug },
    );
    expect(created.status).toBe(302);
    const ref = /activities\/(T-\d+)\/edit/.exec(created.location!)![1]!;
    const saved = await call(
      activityEdit.action,
      request(`/o/${slug}/activities/${ref}/edit`, {
        method: "POST",
        cookie: callers.EDITOR.cookie,
        body: form({ revision: "1", departmentId: ownDep, "content.name": "Cantine scolaire", "content.purposes.main": "Facturer les repas" }),
      }),
      { org: slug, ref },
    );
    expect(saved.status).toBe(302);
    const conflict = await call(
      activityEdit.action,
      request(`/o/${slug}/activities/${ref}/edit`, {
        method: "POST",
        cookie: callers.DPO.cookie,
        body: form({ revision: "1", departmentId: ownDep, "content.name": "Cantine (autre onglet)" }),
      }),
      { org: slug, ref },
    );
    expect(conflict.status).toBe(409);
    const submitted = await call(
      activityPage.action,
      request(`/o/${slug}/activities/${ref}`, {
        method: "POST",
        cookie: callers.EDITOR.cookie,
        body: form({ intent: "transition", transition: "submit", revision: "2" }),
      }),
      { org: slug, ref },
    );
    expect(submitted.status).toBe(302);
    const approved = await call(
      activityPage.action,
      request(`/o/${slug}/activities/${ref}`, {
        method: "POST",
        cookie: callers.DPO.cookie,
        body: form({ intent: "transition", transition: "approve", revision: "3" }),
      }),
      { org: slug, ref },
    );
    expect(approved.status).toBe(302);
    expect(await getActivityByRef(orgId, ref)).toMatchObject({ name: "Cantine scolaire", status: "APPROVED", approvedVersion: 1 });
  });
});
