/** Data-subject request log: authorization (every route × role, cross-organization), deadlines, extension, letters, retention. */
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { requestDueDate } from "~/analysis/requests.ts";
import { anonymizeExpiredRequests, anonymizeExpiredRequestsEverywhere } from "~/models/request.server.ts";
import * as detail from "~/routes/o.$org.requests.$ref.tsx";
import * as letter from "~/routes/o.$org.requests.$ref.letter.ts";
import * as log from "~/routes/o.$org.requests._index.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let activityId: string;
let ref: string;
const callers = {} as Record<Who, { cookie?: string }>;
const post = (url: string, who: Who, body: FormData) => request(url, { method: "POST", cookie: callers[who].cookie, body });
const get = (url: string, who: Who) => request(url, { cookie: callers[who].cookie });
const today = () => new Date().toISOString().slice(0, 10);
const newRequest = (over: Record<string, string | string[]> = {}) =>
  form({
    type: "ACCESS",
    regime: "GDPR",
    receivedAt: today(),
    channel: "EMAIL",
    requesterName: "Jeanne Martin",
    requesterContact: "jeanne@example.org",
    identityCheck: "NOT_NEEDED",
    ...over,
  });

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  for (const role of ["ADMIN", "DPO", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.EDITOR = { cookie: (await signedInMember(org.id, "EDITOR", [departments[0]!.id])).cookie };
  callers.ANONYMOUS = {};
  callers.OUTSIDER = { cookie: (await signedInMember((await createOrg()).org.id, "ADMIN")).cookie };
  const actor = (await createUser()).id;
  const a = await createActivity(actor, orgId, {
    departmentId: departments[0]!.id,
    content: ActivityContentSchema.parse({
      name: "Inscriptions scolaires",
      purposes: { main: "Inscrire les enfants à l'école", sub: [] },
      legalBases: [{ basis: "e_public_interest", text: "Code de l'éducation L131-6" }],
      dataCategories: [{ category: "identity", source: "Familles", retention: { activePeriod: "Scolarité + 1 an" } }],
      recipients: [{ type: "internal", name: "Service scolaire" }],
    }),
  });
  activityId = a.id;
  const r = await call(log.action, post(`/o/${slug}/requests`, "DPO", newRequest({ activityIds: activityId })), { org: slug });
  expect(r.status).toBe(302);
  ref = r.location!.split("/").pop()!;
});

describe("authorization matrix", () => {
  it("every request route × role: only DPO and ADMIN; other organizations get 404", async () => {
    const p = (sub: string) => (s: string) => `/o/${s}/requests${sub}`;
    const rows: MatrixRow[] = [
      {
        name: "log",
        handler: log.loader,
        path: p(""),
        params: (s) => ({ org: s }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "create",
        handler: log.action,
        method: "POST",
        path: p(""),
        params: (s) => ({ org: s }),
        body: () => newRequest(),
        expect: { ADMIN: 302, DPO: 302, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "detail",
        handler: detail.loader,
        path: p(`/${ref}`),
        params: (s) => ({ org: s, ref }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "comment",
        handler: detail.action,
        method: "POST",
        path: p(`/${ref}`),
        params: (s) => ({ org: s, ref }),
        body: () => form({ intent: "comment", body: "Appelée" }),
        expect: { DPO: 302, EDITOR: 403, VIEWER: 403, OUTSIDER: 404 },
      },
      {
        name: "letter",
        handler: letter.loader,
        path: p(`/${ref}/letter?format=txt&lang=fr`),
        params: (s) => ({ org: s, ref }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
        // The letter answering this request, as text.
        shows: mentions([() => ref]),
      },
      { name: "unknown", handler: detail.loader, path: p("/D-9999"), params: (s) => ({ org: s, ref: "D-9999" }), expect: { DPO: 404 } },
    ];
    await checkMatrix(rows, callers, slug);
  });
});

describe("request workflow", () => {
  it("validates input, computes the one-month deadline, extends once with reason, answers, closes", async () => {
    const count = await getDb().dataSubjectRequest.count({ where: { organizationId: orgId } });
    const bad = await call(log.action, post(`/o/${slug}/requests`, "DPO", newRequest({ regime: "LED", type: "PORTABILITY" })), { org: slug });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "type")).toEqual(["errors.requestLedType"]);
    const noName = await call(log.action, post(`/o/${slug}/requests`, "DPO", newRequest({ requesterName: "", receivedAt: "2026-02-31" })), { org: slug });
    expect(fieldErrors(noName.data, "requesterName")).toEqual(["errors.required"]);
    expect(fieldErrors(noName.data, "receivedAt")).toEqual(["errors.date"]);
    expect(await getDb().dataSubjectRequest.count({ where: { organizationId: orgId } })).toBe(count);
    const r = await getDb().dataSubjectRequest.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect(r.dueAt.getTime()).toBeGreaterThan(r.receivedAt.getTime() + 27 * 86400_000);
    const url = `/o/${slug}/requests/${ref}`;
    const noReason = await call(
      detail.action,
      post(url, "DPO", form({ intent: "extend", revision: String(r.revision), extensionReason: "", extensionInformedAt: today() })),
      { org: slug, ref },
    );
    expect(fieldErrors(noReason.data, "extensionReason")).toEqual(["errors.required"]);
    expect(
      (
        await call(
          detail.action,
          post(
            url,
            "DPO",
            form({ intent: "extend", revision: String(r.revision), extensionReason: "Demande complexe : 14 traitements", extensionInformedAt: today() }),
          ),
          { org: slug, ref },
        )
      ).status,
    ).toBe(302);
    const stale = await call(detail.action, post(url, "ADMIN", form({ intent: "status", revision: String(r.revision), status: "IN_PROGRESS" })), {
      org: slug,
      ref,
    });
    expect(stale.status).toBe(409);
    expect(formErrors(stale.data)).toEqual(["errors.requestConflict"]);
    let cur = await getDb().dataSubjectRequest.findFirstOrThrow({ where: { id: r.id } });
    expect(cur.status).toBe("EXTENDED");
    expect(cur.extendedDueAt!.toISOString()).toBe(requestDueDate(cur.receivedAt, true).toISOString());
    expect(cur.dueAt.toISOString()).toBe(requestDueDate(cur.receivedAt).toISOString());
    const again = await call(
      detail.action,
      post(url, "DPO", form({ intent: "extend", revision: String(cur.revision), extensionReason: "encore", extensionInformedAt: today() })),
      { org: slug, ref },
    );
    expect(formErrors(again.data)).toEqual(["errors.requestExtendLate"]);
    const noResponse = await call(detail.action, post(url, "DPO", form({ intent: "status", revision: String(cur.revision), status: "ANSWERED" })), {
      org: slug,
      ref,
    });
    expect(formErrors(noResponse.data)).toEqual(["errors.requestResponse"]);
    expect(
      (
        await call(detail.action, post(url, "DPO", form({ intent: "status", revision: String(cur.revision), status: "ANSWERED", response: "Copie envoyée" })), {
          org: slug,
          ref,
        })
      ).status,
    ).toBe(302);
    cur = await getDb().dataSubjectRequest.findFirstOrThrow({ where: { id: r.id } });
    const skip = await call(detail.action, post(url, "DPO", form({ intent: "status", revision: String(cur.revision), status: "IN_PROGRESS" })), {
      org: slug,
      ref,
    });
    expect(skip.status).toBe(400);
    const audit = await getDb().auditEvent.findMany({ where: { entityId: r.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action).filter((a) => a !== "request.commented")).toEqual(["request.received", "request.extended", "request.answered"]);
    expect(audit.some((e) => e.details.includes("Jeanne"))).toBe(false);
  });

  it("the access answer lists the Art. 15(1) items of each activity and the right to complain, in French and English", async () => {
    const fr = await call(letter.loader, get(`/o/${slug}/requests/${ref}/letter?format=txt&lang=fr`, "DPO"), { org: slug, ref });
    expect(fr.text).toContain("Inscriptions scolaires");
    expect(fr.text).toContain("Finalités : Inscrire les enfants à l'école");
    expect(fr.text).toContain("Code de l'éducation L131-6");
    expect(fr.text).toContain("Destinataires : Service scolaire");
    expect(fr.text).toContain("Scolarité + 1 an");
    expect(fr.text).toContain("Source des données : Familles");
    expect(fr.text).toContain("réclamation à la CNIL");
    expect(fr.text).toContain("Demande complexe");
    const en = await call(letter.loader, get(`/o/${slug}/requests/${ref}/letter?format=txt&lang=en`, "DPO"), { org: slug, ref });
    expect(en.text).toContain("Purposes: Inscrire".replace(":", " :"));
    expect(en.text).toContain("lodge a complaint with the CNIL");
    expect((await call(letter.loader, get(`/o/${slug}/requests/${ref}/letter?format=doc`, "DPO"), { org: slug, ref })).status).toBe(400);
  });

  it("retention anonymizes the person's details of requests closed long enough ago and keeps statistics", async () => {
    const r = await getDb().dataSubjectRequest.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    expect(
      (
        await call(detail.action, post(`/o/${slug}/requests/${ref}`, "DPO", form({ intent: "status", revision: String(r.revision), status: "CLOSED" })), {
          org: slug,
          ref,
        })
      ).status,
    ).toBe(302);
    const bad = await call(log.action, post(`/o/${slug}/requests`, "DPO", form({ intent: "retention", months: "0" })), { org: slug });
    expect(bad.status).toBe(400);
    expect((await call(log.action, post(`/o/${slug}/requests`, "DPO", form({ intent: "retention", months: "12" })), { org: slug })).status).toBe(302);
    expect(await anonymizeExpiredRequests(orgId, new Date(Date.now() + 300 * 86400_000))).toBe(0);
    expect(await anonymizeExpiredRequestsEverywhere(new Date(Date.now() + 300 * 86400_000))).toBe(0);
    // The server's daily task reaches every organization.
    expect(await anonymizeExpiredRequestsEverywhere(new Date(Date.now() + 370 * 86400_000))).toBe(1);
    const after = await getDb().dataSubjectRequest.findFirstOrThrow({ where: { id: r.id } });
    expect([after.requesterName, after.requesterContact, after.response, after.type, after.status]).toEqual(["—", null, null, "ACCESS", "CLOSED"]);
    expect(after.anonymizedAt).not.toBeNull();
    const page = await call(log.loader, get(`/o/${slug}/requests`, "DPO"), { org: slug });
    const stats = (page.data as { stats: { type: string; status: string; count: number }[] }).stats;
    expect(stats).toContainEqual({ type: "ACCESS", status: "CLOSED", count: 1 });
    expect(await anonymizeExpiredRequests(orgId, new Date(Date.now() + 400 * 86400_000))).toBe(0);
  });
});
