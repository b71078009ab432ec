/**
 * The REST API (issue 16, ADR 018), through the real Remix handlers on the real SQLite test database:
 * every endpoint × token scope × role, another organization's token, expired and revoked tokens, a
 * demoted user, If-Match (428/412), rate limit (429 + Retry-After), body limits (413/415/422), the
 * problem+json shape, the use log and its audit, and the OpenAPI document (current, and every real
 * response parsed by the schema the document was generated from).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createActivity, getActivityByRef, type ActivityRecord } from "~/models/activity.server.ts";
import { createApiToken, flushApiTokenUses, revokeApiToken } from "~/models/api-token.server.ts";
import { startPrefilledDpia } from "~/models/dpia.server.ts";
import { createExport } from "~/models/exports.server.ts";
import { createService, createVendor } from "~/models/vendor.server.ts";
import { ROLES, type Role } from "~/policies/roles.ts";
import * as catchAll from "~/routes/api.$.ts";
import * as docs from "~/routes/api.v1.docs.ts";
import * as openapiRoute from "~/routes/api.v1.openapi[.]json.ts";
import * as orgOne from "~/routes/api.v1.organizations.$org.ts";
import * as analysis from "~/routes/api.v1.organizations.$org.analysis.ts";
import * as activities from "~/routes/api.v1.organizations.$org.activities.ts";
import * as activity from "~/routes/api.v1.organizations.$org.activities.$ref.ts";
import * as dpia from "~/routes/api.v1.organizations.$org.activities.$ref.dpia.ts";
import * as submit from "~/routes/api.v1.organizations.$org.activities.$ref.submit.ts";
import * as versions from "~/routes/api.v1.organizations.$org.activities.$ref.versions.ts";
import * as exportsRoute from "~/routes/api.v1.organizations.$org.exports.ts";
import * as download from "~/routes/api.v1.organizations.$org.exports.$id.download.ts";
import * as screenings from "~/routes/api.v1.organizations.$org.screenings.ts";
import * as vendors from "~/routes/api.v1.organizations.$org.vendors.ts";
import * as orgList from "~/routes/api.v1.organizations.ts";
import * as tokensPage from "~/routes/o.$org.api-tokens.tsx";
import { API_MAX_BODY_BYTES, API_OPERATIONS, ProblemSchema } from "~/schemas/api.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { buildOpenApiDocument } from "~/schemas/openapi.ts";
import { resetRateLimits } from "~/http/api.server.ts";
import { BODY_LIMITS } from "~/http/body-limits.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { resetEnvCache } from "~/utils/env.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { call, type Outcome } from "./route-helpers.ts";

type Scope = "read" | "write";
type Handler = (args: never) => Promise<Response> | Response;

let slug: string;
let orgId: string;
let otherSlug: string;
let deps: string[];
let adminId: string;
/** An activity in the EDITORs' department, one in another department, one in the other organization. */
let inDep: ActivityRecord;
let outDep: ActivityRecord;
let otherRef: string;
let exportId: string;
const tokens = {} as Record<Role, Record<Scope, string>>;
const userIds = {} as Record<Role, string>;

const content = (name: string) => ActivityContentSchema.parse({ name });

beforeAll(async () => {
  const { org, departments } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  deps = departments.map((d) => d.id);
  for (const role of ROLES) {
    const user = await createUser();
    userIds[role] = user.id;
    await addMember(user.id, org.id, role, role === "EDITOR" ? [deps[0]!] : []);
    const expiresAt = new Date(Date.now() + 86_400_000);
    tokens[role] = {
      read: (await createApiToken(user.id, org.id, { name: `${role} read`, scope: "read", expiresAt })).token,
      write: (await createApiToken(user.id, org.id, { name: `${role} write`, scope: "write", expiresAt })).token,
    };
  }
  adminId = userIds.ADMIN;
  inDep = await createActivity(adminId, orgId, { content: content("État civil"), departmentId: deps[0]! });
  outDep = await createActivity(adminId, orgId, { content: content("Paie"), departmentId: deps[1]! });
  await startPrefilledDpia(adminId, orgId, inDep, "fr");
  const v = await createVendor(adminId, orgId, vendorFields("Hébergeur"));
  await createService(adminId, orgId, v.id, { name: "Cloud", description: null, secNumCloudQualified: false, secNumCloudDate: null });
  exportId = (await createExport(orgId, adminId, { format: "json", locale: "fr", scope: "all" }, "ui")).record.id;
  const other = await createOrg();
  otherSlug = other.org.slug;
  otherRef = (await createActivity(adminId, other.org.id, { content: content("Ailleurs"), departmentId: null })).ref;
});

beforeEach(() => resetRateLimits());

function api(method: string, url: string, token: string | null, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  return request(`http://localhost:3000/api/v1${url}`, { method, headers, body });
}

async function run(handler: Handler, req: Request, params: Record<string, string> = {}): Promise<Outcome> {
  return call(handler as never, req, params);
}

/** Every problem answer has the RFC 9457 shape, our content type and a stable code. */
function expectProblem(res: Outcome, status: number, code: string) {
  expect(res.status, res.text ?? "").toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const body = ProblemSchema.parse(JSON.parse(res.text!));
  expect(body).toMatchObject({ status, code });
  expect(body.title.length).toBeGreaterThan(0);
}

/** A 2xx JSON answer parsed by the schema its operation declares in the OpenAPI document. */
function expectValid(operationId: string, res: Outcome) {
  const op = API_OPERATIONS.find((o) => o.operationId === operationId)!;
  expect(res.status, res.text ?? "").toBe(op.success.status);
  if (op.success.schema) {
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const parsed = op.success.schema.safeParse(JSON.parse(res.text!));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  }
}

// The read endpoints: [operationId, handler, path, params, roles allowed]
const ALL: readonly Role[] = ROLES;
const EXPORTERS: readonly Role[] = ["ADMIN", "DPO", "VIEWER"];
type ReadCase = {
  op: string;
  handler: Handler;
  url: (org: string, ref: string) => string;
  params: (org: string, ref: string) => Record<string, string>;
  allowed: readonly Role[];
};
const READS: ReadCase[] = [
  { op: "getOrganization", handler: orgOne.loader, url: (o) => `/organizations/${o}`, params: (o) => ({ org: o }), allowed: ALL },
  {
    op: "listActivities",
    handler: activities.loader,
    url: (o) => `/organizations/${o}/activities?perPage=100&sort=name`,
    params: (o) => ({ org: o }),
    allowed: ALL,
  },
  { op: "getActivity", handler: activity.loader, url: (o, r) => `/organizations/${o}/activities/${r}`, params: (o, r) => ({ org: o, ref: r }), allowed: ALL },
  {
    op: "listActivityVersions",
    handler: versions.loader,
    url: (o, r) => `/organizations/${o}/activities/${r}/versions`,
    params: (o, r) => ({ org: o, ref: r }),
    allowed: ALL,
  },
  {
    op: "getActivityDpia",
    handler: dpia.loader,
    url: (o, r) => `/organizations/${o}/activities/${r}/dpia`,
    params: (o, r) => ({ org: o, ref: r }),
    allowed: ALL,
  },
  { op: "listVendors", handler: vendors.loader, url: (o) => `/organizations/${o}/vendors`, params: (o) => ({ org: o }), allowed: ALL },
  { op: "getAnalysis", handler: analysis.loader, url: (o) => `/organizations/${o}/analysis`, params: (o) => ({ org: o }), allowed: ALL },
  { op: "listScreenings", handler: screenings.loader, url: (o) => `/organizations/${o}/screenings`, params: (o) => ({ org: o }), allowed: ALL },
  { op: "listExports", handler: exportsRoute.loader, url: (o) => `/organizations/${o}/exports`, params: (o) => ({ org: o }), allowed: EXPORTERS },
  {
    op: "downloadExport",
    handler: download.loader,
    url: (o) => `/organizations/${o}/exports/${exportId}/download`,
    params: (o) => ({ org: o, id: exportId }),
    allowed: EXPORTERS,
  },
];

describe("read endpoints × scope × role", () => {
  for (const c of READS) {
    for (const role of ROLES) {
      for (const scope of ["read", "write"] as const) {
        it(`${c.op} as ${role} with a ${scope} token: ${c.allowed.includes(role) ? "200" : "403"}`, async () => {
          const res = await run(c.handler, api("GET", c.url(slug, inDep.ref), tokens[role][scope]), c.params(slug, inDep.ref));
          if (c.allowed.includes(role)) expectValid(c.op, res);
          else expectProblem(res, 403, "forbidden");
        });
      }
    }
    it(`${c.op}: a token of organization A asking for organization B gets 404`, async () => {
      for (const role of ROLES) {
        const res = await run(c.handler, api("GET", c.url(otherSlug, otherRef), tokens[role].read), c.params(otherSlug, otherRef));
        expectProblem(res, 404, "not_found");
      }
    });
    it(`${c.op}: no token, or a session cookie instead of a token, gets 401`, async () => {
      expectProblem(await run(c.handler, api("GET", c.url(slug, inDep.ref), null), c.params(slug, inDep.ref)), 401, "unauthenticated");
      const { cookie } = await signedInMember(orgId, "ADMIN");
      const res = await run(c.handler, request(`http://localhost:3000/api/v1${c.url(slug, inDep.ref)}`, { cookie }), c.params(slug, inDep.ref));
      expectProblem(res, 401, "unauthenticated");
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    });
  }

  it("lists the token's organization, with the owner's current role", async () => {
    for (const role of ROLES) {
      const res = await run(orgList.loader, api("GET", "/organizations", tokens[role].read));
      expectValid("listOrganizations", res);
      expect((res.data as { items: { slug: string; role: string; tokenScope: string }[] }).items).toEqual([
        expect.objectContaining({ slug, role, tokenScope: "read" }),
      ]);
    }
  });

  it("applies the department scope: an EDITOR lists and reads only their departments' activities", async () => {
    const list = await run(activities.loader, api("GET", `/organizations/${slug}/activities?perPage=100`, tokens.EDITOR.read), { org: slug });
    const refs = (list.data as { items: { ref: string }[] }).items.map((i) => i.ref);
    expect(refs).toContain(inDep.ref);
    expect(refs).not.toContain(outDep.ref);
    const all = await run(activities.loader, api("GET", `/organizations/${slug}/activities?perPage=100`, tokens.DPO.read), { org: slug });
    expect((all.data as { items: { ref: string }[] }).items.map((i) => i.ref)).toEqual(expect.arrayContaining([inDep.ref, outDep.ref]));
    const one = await run(activity.loader, api("GET", `/organizations/${slug}/activities/${outDep.ref}`, tokens.EDITOR.read), { org: slug, ref: outDep.ref });
    expectProblem(one, 403, "forbidden");
    const an = await run(analysis.loader, api("GET", `/organizations/${slug}/analysis`, tokens.EDITOR.read), { org: slug });
    expect((an.data as { items: { ref: string }[] }).items.map((i) => i.ref)).toEqual([inDep.ref]);
  });

  it("uses the register's filters and paging", async () => {
    const res = await run(activities.loader, api("GET", `/organizations/${slug}/activities?perPage=1&page=2&sort=ref`, tokens.ADMIN.read), { org: slug });
    expectValid("listActivities", res);
    expect(res.data).toMatchObject({ page: 2, perPage: 1, total: 2, pages: 2, items: [{ ref: outDep.ref }] });
    const filtered = await run(activities.loader, api("GET", `/organizations/${slug}/activities?department=${deps[1]}`, tokens.ADMIN.read), { org: slug });
    expect((filtered.data as { items: { ref: string }[] }).items.map((i) => i.ref)).toEqual([outDep.ref]);
    expectProblem(
      await run(activities.loader, api("GET", `/organizations/${slug}/activities?perPage=101`, tokens.ADMIN.read), { org: slug }),
      400,
      "validation_failed",
    );
    expectProblem(
      await run(activities.loader, api("GET", `/organizations/${slug}/activities?status=NOPE`, tokens.ADMIN.read), { org: slug }),
      400,
      "validation_failed",
    );
  });

  it("answers the ETag of an activity and 404 for an unknown reference", async () => {
    const res = await run(activity.loader, api("GET", `/organizations/${slug}/activities/${inDep.ref}`, tokens.VIEWER.read), { org: slug, ref: inDep.ref });
    expect(res.headers.get("ETag")).toBe(`"${(res.data as { revision: number }).revision}"`);
    expectProblem(
      await run(activity.loader, api("GET", `/organizations/${slug}/activities/T-9999`, tokens.ADMIN.read), { org: slug, ref: "T-9999" }),
      404,
      "not_found",
    );
    expectProblem(await run(activity.loader, api("GET", `/organizations/${slug}/activities/x`, tokens.ADMIN.read), { org: slug, ref: "x" }), 404, "not_found");
  });
});

// Writes ------------------------------------------------------------------------------------------

const WRITERS: readonly Role[] = ["ADMIN", "DPO", "EDITOR"];

async function current(ref: string) {
  return (await getActivityByRef(orgId, ref))!;
}

describe("write endpoints × scope × role", () => {
  for (const role of ROLES) {
    it(`createActivity as ${role}: read token 403 insufficient_scope, write token ${WRITERS.includes(role) ? "201" : "403"}`, async () => {
      const body = { departmentId: deps[0], content: { name: `Créé par ${role}` } };
      expectProblem(
        await run(activities.action, api("POST", `/organizations/${slug}/activities`, tokens[role].read, { body }), { org: slug }),
        403,
        "insufficient_scope",
      );
      const res = await run(activities.action, api("POST", `/organizations/${slug}/activities`, tokens[role].write, { body }), { org: slug });
      if (!WRITERS.includes(role)) return expectProblem(res, 403, "forbidden");
      expectValid("createActivity", res);
      const created = res.data as { ref: string; status: string; departmentId: string };
      expect(created).toMatchObject({ status: "DRAFT", departmentId: deps[0] });
      expect(res.headers.get("Location")).toBe(`/api/v1/organizations/${slug}/activities/${created.ref}`);
      // Written through the model: audited as the token's owner.
      const ev = await getDb().auditEvent.findFirst({
        where: { organizationId: orgId, action: "activity.created", actorId: userIds[role] },
        orderBy: { seq: "desc" },
      });
      expect(JSON.parse(ev!.details).ref).toBe(created.ref);
    });

    it(`updateActivity as ${role}: read token 403, write token ${WRITERS.includes(role) ? "200" : "403"}`, async () => {
      const before = await current(inDep.ref);
      const body = { departmentId: deps[0], content: { name: `Modifié par ${role}` } };
      const headers = { "If-Match": `"${before.revision}"` };
      const params = { org: slug, ref: inDep.ref };
      expectProblem(
        await run(activity.action, api("PUT", `/organizations/${slug}/activities/${inDep.ref}`, tokens[role].read, { body, headers }), params),
        403,
        "insufficient_scope",
      );
      const res = await run(activity.action, api("PUT", `/organizations/${slug}/activities/${inDep.ref}`, tokens[role].write, { body, headers }), params);
      if (!WRITERS.includes(role)) {
        expectProblem(res, 403, "forbidden");
        expect((await current(inDep.ref)).revision).toBe(before.revision);
        return;
      }
      expectValid("updateActivity", res);
      expect(res.data).toMatchObject({ name: `Modifié par ${role}`, revision: before.revision + 1 });
      expect(res.headers.get("ETag")).toBe(`"${before.revision + 1}"`);
    });

    it(`submitActivity as ${role}: read token 403, write token ${WRITERS.includes(role) ? "200" : "403"}`, async () => {
      const a = await createActivity(adminId, orgId, { content: content(`À soumettre ${role}`), departmentId: deps[0]! });
      const headers = { "If-Match": `"${a.revision}"` };
      const params = { org: slug, ref: a.ref };
      expectProblem(
        await run(submit.action, api("POST", `/organizations/${slug}/activities/${a.ref}/submit`, tokens[role].read, { headers }), params),
        403,
        "insufficient_scope",
      );
      const res = await run(submit.action, api("POST", `/organizations/${slug}/activities/${a.ref}/submit`, tokens[role].write, { headers }), params);
      if (!WRITERS.includes(role)) {
        expectProblem(res, 403, "forbidden");
        expect((await current(a.ref)).status).toBe("DRAFT");
        return;
      }
      expectValid("submitActivity", res);
      expect(res.data).toMatchObject({ status: "SUBMITTED" });
      // The workflow's rules: submitting again is not allowed from SUBMITTED.
      const again = await run(
        submit.action,
        api("POST", `/organizations/${slug}/activities/${a.ref}/submit`, tokens[role].write, { headers: { "If-Match": `"${a.revision + 1}"` } }),
        params,
      );
      expectProblem(again, 409, "invalid_transition");
    });
  }

  it("writes to another organization get 404 and change nothing", async () => {
    const body = { departmentId: null, content: { name: "Intrus" } };
    for (const role of ROLES) {
      expectProblem(
        await run(activities.action, api("POST", `/organizations/${otherSlug}/activities`, tokens[role].write, { body }), { org: otherSlug }),
        404,
        "not_found",
      );
      const put = api("PUT", `/organizations/${otherSlug}/activities/${otherRef}`, tokens[role].write, { body, headers: { "If-Match": '"1"' } });
      expectProblem(await run(activity.action, put, { org: otherSlug, ref: otherRef }), 404, "not_found");
      const sub = api("POST", `/organizations/${otherSlug}/activities/${otherRef}/submit`, tokens[role].write, { headers: { "If-Match": '"1"' } });
      expectProblem(await run(submit.action, sub, { org: otherSlug, ref: otherRef }), 404, "not_found");
    }
    expect(await getDb().activity.count({ where: { name: "Intrus" } })).toBe(0);
  });

  it("an EDITOR cannot create outside their departments, nor move an activity there", async () => {
    const body = { departmentId: deps[1], content: { name: "Hors service" } };
    expectProblem(
      await run(activities.action, api("POST", `/organizations/${slug}/activities`, tokens.EDITOR.write, { body }), { org: slug }),
      403,
      "forbidden",
    );
    const a = await current(inDep.ref);
    const put = api("PUT", `/organizations/${slug}/activities/${a.ref}`, tokens.EDITOR.write, { body, headers: { "If-Match": `"${a.revision}"` } });
    expectProblem(await run(activity.action, put, { org: slug, ref: a.ref }), 403, "forbidden");
    const unknown = { departmentId: "nope", content: { name: "X" } };
    expectProblem(
      await run(activities.action, api("POST", `/organizations/${slug}/activities`, tokens.ADMIN.write, { body: unknown }), { org: slug }),
      422,
      "validation_failed",
    );
  });

  it("If-Match: 428 when missing, 412 when stale (nothing written), 200 when current", async () => {
    const a = await current(inDep.ref);
    const body = { departmentId: deps[0], content: { name: "Verrou optimiste" } };
    const url = `/organizations/${slug}/activities/${a.ref}`;
    const params = { org: slug, ref: a.ref };
    expectProblem(await run(activity.action, api("PUT", url, tokens.DPO.write, { body }), params), 428, "precondition_required");
    const stale = await run(activity.action, api("PUT", url, tokens.DPO.write, { body, headers: { "If-Match": `"${a.revision - 1}"` } }), params);
    expectProblem(stale, 412, "precondition_failed");
    expect(stale.headers.get("ETag")).toBe(`"${a.revision}"`);
    expectProblem(
      await run(activity.action, api("PUT", url, tokens.DPO.write, { body, headers: { "If-Match": "garbage" } }), params),
      412,
      "precondition_failed",
    );
    expect((await current(a.ref)).name).toBe(a.name);
    const ok = await run(activity.action, api("PUT", url, tokens.DPO.write, { body, headers: { "If-Match": `W/"${a.revision}"` } }), params);
    expectValid("updateActivity", ok);
    const sub = `/organizations/${slug}/activities/${a.ref}/submit`;
    expectProblem(await run(submit.action, api("POST", sub, tokens.DPO.write), params), 428, "precondition_required");
    expectProblem(
      await run(submit.action, api("POST", sub, tokens.DPO.write, { headers: { "If-Match": `"${a.revision}"` } }), params),
      412,
      "precondition_failed",
    );
  });

  it("bodies: 413 over the limit, 415 when not JSON, 400 unreadable, 422 invalid — nothing written", async () => {
    const url = `/organizations/${slug}/activities`;
    const count = await getDb().activity.count({ where: { organizationId: orgId } });
    const big = JSON.stringify({ departmentId: null, content: { name: "x".repeat(API_MAX_BODY_BYTES) } });
    expectProblem(await run(activities.action, api("POST", url, tokens.ADMIN.write, { body: big }), { org: slug }), 413, "body_too_large");
    const declared = api("POST", url, tokens.ADMIN.write, { body: "{}", headers: { "Content-Length": String(API_MAX_BODY_BYTES + 1) } });
    expectProblem(await run(activities.action, declared, { org: slug }), 413, "body_too_large");
    const text = api("POST", url, tokens.ADMIN.write, { body: "name=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expectProblem(await run(activities.action, text, { org: slug }), 415, "unsupported_media_type");
    expectProblem(await run(activities.action, api("POST", url, tokens.ADMIN.write, { body: "{not json" }), { org: slug }), 400, "invalid_json");
    const invalid = await run(activities.action, api("POST", url, tokens.ADMIN.write, { body: { departmentId: null, content: { name: "" } } }), { org: slug });
    expectProblem(invalid, 422, "validation_failed");
    expect((JSON.parse(invalid.text!) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain("content.name");
    expect(await getDb().activity.count({ where: { organizationId: orgId } })).toBe(count);
    // The edge limit (server.ts) uses the same number.
    expect(BODY_LIMITS.api).toBe(API_MAX_BODY_BYTES);
  });

  it("unsupported methods get 405 problem+json; an OPTIONS preflight is refused (CORS off)", async () => {
    const del = await run(activity.action, api("DELETE", `/organizations/${slug}/activities/${inDep.ref}`, tokens.ADMIN.write), { org: slug, ref: inDep.ref });
    expectProblem(del, 405, "method_not_allowed");
    expect(del.headers.get("Allow")).toBe("GET, PUT");
    const opt = await run(activities.action, api("OPTIONS", `/organizations/${slug}/activities`, null, { headers: { Origin: "https://evil.example" } }), {
      org: slug,
    });
    expectProblem(opt, 403, "cors_disabled");
    expect(opt.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expectProblem(await run(catchAll.loader, api("GET", "/nope", tokens.ADMIN.read)), 404, "not_found");
  });
});

describe("exports through the API", () => {
  it("generates an export recorded in the export log (channel api), then downloads it again", async () => {
    const res = await run(exportsRoute.action, api("POST", `/organizations/${slug}/exports`, tokens.VIEWER.read, { body: { format: "csv" } }), { org: slug });
    expect(res.status).toBe(201);
    expect(res.headers.get("Content-Type")).toMatch(/csv/);
    const id = res.headers.get("X-Export-Id")!;
    const rec = await getDb().exportRecord.findUnique({ where: { id } });
    expect(rec).toMatchObject({ organizationId: orgId, actorId: userIds.VIEWER, channel: "api", format: "csv" });
    const again = await run(download.loader, api("GET", `/organizations/${slug}/exports/${id}/download`, tokens.VIEWER.read), { org: slug, id });
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.raw!.arrayBuffer()).equals(Buffer.from(await res.raw!.arrayBuffer()))).toBe(true);
    expectProblem(
      await run(exportsRoute.action, api("POST", `/organizations/${slug}/exports`, tokens.EDITOR.write, { body: { format: "csv" } }), { org: slug }),
      403,
      "forbidden",
    );
    expectProblem(
      await run(exportsRoute.action, api("POST", `/organizations/${slug}/exports`, tokens.ADMIN.read, { body: { format: "dpia-pdf" } }), { org: slug }),
      422,
      "validation_failed",
    );
    expectProblem(
      await run(download.loader, api("GET", `/organizations/${slug}/exports/nope/download`, tokens.ADMIN.read), { org: slug, id: "nope" }),
      404,
      "not_found",
    );
  });
});

// Tokens --------------------------------------------------------------------------------------------

describe("token lifecycle", () => {
  const get = (token: string) => run(orgOne.loader, api("GET", `/organizations/${slug}`, token), { org: slug });

  it("stores only a hash of the secret", async () => {
    const { token, record } = await createApiToken(adminId, orgId, { name: "hash", scope: "read", expiresAt: new Date(Date.now() + 60_000) });
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: record.id } });
    const secret = token.split(".")[1]!;
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    expect(Buffer.from(row.secretHash).byteLength).toBe(32);
    expectProblem(await get(`${token.split(".")[0]}.${"a".repeat(24)}`), 401, "token_invalid");
    expectProblem(await get("rgt_garbage"), 401, "token_invalid");
  });

  it("refuses an expired token and a revoked one", async () => {
    const expired = await createApiToken(adminId, orgId, { name: "old", scope: "read", expiresAt: new Date(Date.now() - 1000) });
    expectProblem(await get(expired.token), 401, "token_expired");
    const live = await createApiToken(adminId, orgId, { name: "live", scope: "read", expiresAt: new Date(Date.now() + 60_000) });
    expect((await get(live.token)).status).toBe(200);
    await revokeApiToken(adminId, orgId, live.record.id);
    expectProblem(await get(live.token), 401, "token_revoked");
    const ev = await getDb().auditEvent.findFirst({ where: { action: "api_token.revoked", entityId: live.record.id } });
    expect(ev?.actorId).toBe(adminId);
  });

  it("re-reads the owner's rights at each use: a demoted user's token loses them, a removed one stops working", async () => {
    const user = await createUser();
    const m = await addMember(user.id, orgId, "DPO");
    const { token } = await createApiToken(user.id, orgId, { name: "demote me", scope: "write", expiresAt: new Date(Date.now() + 60_000) });
    const body = { departmentId: null, content: { name: "Avant rétrogradation" } };
    expect((await run(activities.action, api("POST", `/organizations/${slug}/activities`, token, { body }), { org: slug })).status).toBe(201);
    await getDb().membership.update({ where: { id: m.id }, data: { role: "VIEWER" } });
    expectProblem(await run(activities.action, api("POST", `/organizations/${slug}/activities`, token, { body }), { org: slug }), 403, "forbidden");
    await getDb().membership.delete({ where: { id: m.id } });
    expectProblem(await get(token), 401, "token_invalid");
  });

  it("logs every use and audits at most once a minute per token", async () => {
    const { token, record } = await createApiToken(adminId, orgId, { name: "audited", scope: "read", expiresAt: new Date(Date.now() + 60_000) });
    for (let i = 0; i < 3; i++) expect((await get(token)).status).toBe(200);
    expectProblem(await run(orgOne.loader, api("GET", `/organizations/${otherSlug}`, token), { org: otherSlug }), 404, "not_found");
    await flushApiTokenUses();
    const uses = await getDb().apiTokenUse.findMany({ where: { tokenId: record.id }, orderBy: { id: "asc" } });
    expect(uses.map((u) => u.status)).toEqual([200, 200, 200, 404]);
    expect(uses[3]!.path).toBe(`/api/v1/organizations/${otherSlug}`);
    const events = await getDb().auditEvent.findMany({ where: { action: "api_token.used", entityId: record.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(adminId);
    // A minute later, the next use is audited again with the count since the last event.
    await getDb().apiToken.update({ where: { id: record.id }, data: { lastAuditedAt: new Date(Date.now() - 61_000) } });
    await get(token);
    const later = await getDb().auditEvent.findMany({ where: { action: "api_token.used", entityId: record.id }, orderBy: { seq: "asc" } });
    expect(later).toHaveLength(2);
    expect(JSON.parse(later[1]!.details).uses).toBeGreaterThanOrEqual(1);
  });

  describe("rate limit", () => {
    const saved = process.env.API_RATE_LIMIT_PER_MINUTE;
    afterAll(() => {
      if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
      else process.env.API_RATE_LIMIT_PER_MINUTE = saved;
      resetEnvCache();
    });

    it("answers 429 with Retry-After past the per-token limit, other tokens unaffected", async () => {
      process.env.API_RATE_LIMIT_PER_MINUTE = "3";
      resetEnvCache();
      for (let i = 0; i < 3; i++) expect((await get(tokens.VIEWER.read)).status).toBe(200);
      const res = await get(tokens.VIEWER.read);
      expectProblem(res, 429, "rate_limited");
      const retry = Number(res.headers.get("Retry-After"));
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await get(tokens.VIEWER.write)).status).toBe(200);
    });
  });
});

describe("token page (no JavaScript needed)", () => {
  it("creates a token shown once, lists it, and revokes it", async () => {
    const { cookie, user } = await signedInMember(orgId, "VIEWER");
    const url = `/o/${slug}/api-tokens`;
    const bad = await call(
      tokensPage.action,
      request(url, { method: "POST", cookie, body: form({ intent: "create", name: "", scope: "admin", expiresInDays: "5" }) }),
      { org: slug },
    );
    expect(bad.status).toBe(400);
    const res = await call(
      tokensPage.action,
      request(url, { method: "POST", cookie, body: form({ intent: "create", name: "Inventaire", scope: "read", expiresInDays: "30" }) }),
      {
        org: slug,
      },
    );
    const created = (res.data as { created: { token: string } }).created;
    expect(created.token).toMatch(/^rgt_[a-z0-9]+\.[a-z0-9]+$/);
    expect((await get200(created.token)).status).toBe(200);
    const page = await call(tokensPage.loader, request(url, { cookie }), { org: slug });
    const listed = (page.data as { tokens: { id: string; name: string; state: string }[] }).tokens;
    expect(listed).toEqual([expect.objectContaining({ name: "Inventaire", state: "active" })]);
    expect(JSON.stringify(page.data)).not.toContain(created.token.split(".")[1]);
    const rev = await call(tokensPage.action, request(url, { method: "POST", cookie, body: form({ intent: "revoke", id: listed[0]!.id }) }), { org: slug });
    expect(rev.status).toBe(302);
    expectProblem(await get200(created.token), 401, "token_revoked");
    // Someone else's token cannot be revoked from here.
    const other = await createApiToken(adminId, orgId, { name: "not yours", scope: "read", expiresAt: new Date(Date.now() + 60_000) });
    const foreign = await call(tokensPage.action, request(url, { method: "POST", cookie, body: form({ intent: "revoke", id: other.record.id }) }), {
      org: slug,
    });
    expect(foreign.status).toBe(404);
    expect(user.id).toBeTruthy();
  });

  const get200 = (token: string) => run(orgOne.loader, api("GET", `/organizations/${slug}`, token), { org: slug });
});

// OpenAPI -------------------------------------------------------------------------------------------

describe("OpenAPI document", () => {
  it("the committed docs/api/openapi.json is current (run `npm run openapi`)", () => {
    const committed = JSON.parse(fs.readFileSync(path.join(root, "docs", "api", "openapi.json"), "utf8")) as unknown;
    expect(committed).toEqual(buildOpenApiDocument());
  });

  it("is served at /api/v1/openapi.json as OpenAPI 3.1 with every operation, and the docs page lists them", async () => {
    const res = await run(openapiRoute.loader, request("http://localhost:3000/api/v1/openapi.json"));
    const doc = JSON.parse(res.text!) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const op of API_OPERATIONS) expect(doc.paths[op.path]?.[op.method]?.operationId).toBe(op.operationId);
    const page = await run(docs.loader, request("http://localhost:3000/api/v1/docs", { headers: { "Accept-Language": "en" } }));
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    for (const op of API_OPERATIONS) expect(page.text).toContain(`/api/v1${op.path}`);
    expect(page.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });

  it("has a route file for every operation, and an operation for every API route file", () => {
    const files = fs.readdirSync(path.join(root, "app", "routes")).filter((f) => f.startsWith("api.v1.organizations"));
    const fromFiles = files.map((f) =>
      `/${f
        .replace(/\.tsx?$/, "")
        .split(".")
        .slice(2)
        .join("/")}`.replace(/\$(\w+)/g, "{$1}"),
    );
    const opPaths = [...new Set(API_OPERATIONS.map((o) => o.path))];
    expect(fromFiles.sort()).toEqual(opPaths.sort());
  });
});
