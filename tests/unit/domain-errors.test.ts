/**
 * Domain errors (ADR 017): one base class with a message key, a 4xx status and an optional field,
 * mapped to responses in app/http/domain-errors.server.ts; a refusal no route catches still
 * answers its translated 4xx page from entry.server, never a 500.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PiaImportError } from "~/documents/pia-json.ts";
import { handleDataRequest, handleError } from "~/entry.server.tsx";
import { ImportFileError } from "~/import/limits.ts";
import { ActivityNotFoundError, ConflictError, createActivity, InvalidTransitionError } from "~/models/activity.server.ts";
import { InvalidBackupError } from "~/models/backup.server.ts";
import { BreachConflictError, BreachNotFoundError, BreachRuleError } from "~/models/breach.server.ts";
import { DepartmentInUseError, DuplicateNameError } from "~/models/department.server.ts";
import { DpiaConflictError, DpiaMeasureError, DpiaTransitionError, ScreeningReasonError } from "~/models/dpia.server.ts";
import { ShareLinkError } from "~/models/export-log.server.ts";
import { UnknownActivityError } from "~/models/exports.server.ts";
import { ImportHasErrorsError } from "~/models/import.server.ts";
import { LastAdminError, NotFoundError } from "~/models/membership.server.ts";
import { SetupClosedError, StaleUpdateError } from "~/models/organization.server.ts";
import { RequestConflictError, RequestNotFoundError, RequestRuleError } from "~/models/request.server.ts";
import { DuplicateVendorError, InvalidDpaFileError, VendorConflictError, VendorNotFoundError } from "~/models/vendor.server.ts";
import * as departmentsRoute from "~/routes/o.$org.departments.tsx";
import * as newActivityRoute from "~/routes/o.$org.activities.new.tsx";
import * as newVendorRoute from "~/routes/o.$org.vendors.new.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { alertError, domainError, domainErrorPage, formError, replyOptions, toastError } from "~/http/domain-errors.server.ts";
import { en } from "~/locales/en.ts";
import { fr } from "~/locales/fr.ts";
import { readToast } from "~/utils/toast.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

/** One instance of every domain error, in each of its shapes. */
const EVERY: DomainError[] = [
  new ConflictError({} as never),
  new ActivityNotFoundError("department"),
  new ActivityNotFoundError("activity"),
  new InvalidTransitionError("archived"),
  new InvalidTransitionError("comment"),
  new InvalidTransitionError("reason"),
  new InvalidBackupError("trailing data"),
  new BreachConflictError({} as never),
  new BreachNotFoundError("breach"),
  new BreachRuleError("errors.breachClosed"),
  new DuplicateNameError(),
  new DepartmentInUseError(),
  new DpiaConflictError(),
  new DpiaTransitionError("locked"),
  new ScreeningReasonError(),
  new DpiaMeasureError(),
  new ShareLinkError("expiry"),
  new ShareLinkError("export"),
  new UnknownActivityError(),
  new ImportHasErrorsError({ counts: { rows: 1, create: 0, update: 0, unchanged: 0, errors: 1, warnings: 0 } as never, fileErrors: [] }),
  new ImportFileError("errors.import.tooLarge", { max: 5 }),
  new PiaImportError(),
  new LastAdminError(),
  new NotFoundError("department"),
  new NotFoundError("membership"),
  new SetupClosedError(),
  new StaleUpdateError(null),
  new RequestConflictError(),
  new RequestNotFoundError(),
  new RequestRuleError("errors.requestTransition"),
  new DuplicateVendorError(),
  new InvalidDpaFileError("type"),
  new VendorConflictError(),
  new VendorNotFoundError(),
];

const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0]!;
const toastOf = (res: Response) => readToast(new Request("http://localhost/", { headers: { Cookie: cookieOf(res) } })).toast;

describe("every domain error", () => {
  it("is a DomainError with a 4xx status and a message that exists in French and in English", () => {
    for (const e of EVERY) {
      expect(e, e.name).toBeInstanceOf(DomainError);
      expect(e, e.name).toBeInstanceOf(Error);
      expect([400, 403, 404, 409, 413, 422], e.name).toContain(e.status);
      expect(fr[e.key], `${e.name}: ${e.key}`).toBeTruthy();
      expect(en[e.key], `${e.name}: ${e.key}`).toBeTruthy();
    }
  });

  it("keeps its technical message and its class name (logs, CLI)", () => {
    expect(new InvalidTransitionError("comment").message).toBe("comment");
    expect(new ShareLinkError("export").message).toBe("export");
    expect(new InvalidBackupError("trailing data").message).toBe("trailing data");
    expect(new DuplicateNameError().name).toBe("DuplicateNameError");
  });

  it("puts field-specific refusals on their form field", () => {
    expect(new DuplicateNameError().field).toBe("name");
    expect(new DuplicateVendorError().field).toBe("name");
    expect(new ActivityNotFoundError("department").field).toBe("departmentId");
    expect(new NotFoundError("department").field).toBe("departmentIds");
    expect(new InvalidTransitionError("comment").field).toBe("comment");
    expect(new ScreeningReasonError().field).toBe("decisionReason");
    expect(new LastAdminError().field).toBeUndefined();
  });
});

describe("the mapper", () => {
  const submission = { reply: (options?: object) => ({ status: "error" as const, options }) };

  it("rethrows what is not a domain error: a bug stays a 500", () => {
    const bug = new TypeError("x is undefined");
    expect(() => domainError(bug)).toThrow(bug);
    expect(() => formError(bug, submission)).toThrow(bug);
    expect(() => toastError(bug, new Request("http://localhost/"), "/")).toThrow(bug);
    expect(() => alertError("a string")).toThrow("a string");
  });

  it("throws the not-found answer for a record outside the organization", () => {
    for (const e of [new VendorNotFoundError(), new ShareLinkError("export"), new NotFoundError("membership")]) {
      let thrown: unknown;
      try {
        domainError(e);
      } catch (r) {
        thrown = r;
      }
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });

  it("answers a Conform form with the message on its field, or above the form, and the error's status", () => {
    expect(replyOptions(new DuplicateNameError())).toEqual({ fieldErrors: { name: ["errors.departmentExists"] } });
    expect(replyOptions(new LastAdminError())).toEqual({ formErrors: ["errors.lastAdmin"] });
    const r = formError(new DepartmentInUseError(), submission, { intent: "delete" });
    expect(r.init?.status).toBe(409);
    expect(r.data).toEqual({ intent: "delete", result: { status: "error", options: { formErrors: ["errors.departmentInUse"] } } });
    const a = alertError(new DpiaMeasureError(), { form: "measures" });
    expect(a.init?.status).toBe(400);
    expect(a.data).toEqual({ form: "measures", alert: "dpia.errors.measure" });
  });

  it("sends a list button back to its page with the message and its params as an error toast", () => {
    const res = toastError(new ImportFileError("errors.import.tooLarge", { max: 5 }), new Request("http://localhost/"), "/o/x/import");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/o/x/import");
    expect(toastOf(res)).toEqual({ type: "error", key: "errors.import.tooLarge", params: { max: 5 } });
  });

  it("renders a translated page with the error's status when no form can carry it", async () => {
    const frRes = domainErrorPage(new Request("http://localhost/", { headers: { "Accept-Language": "fr-FR" } }), new DepartmentInUseError());
    expect(frRes.status).toBe(409);
    const frHtml = await frRes.text();
    expect(frHtml).toContain('lang="fr"');
    expect(frHtml).toContain(fr["domainErrors.conflictTitle"]);
    expect(frHtml).toContain(fr["errors.departmentInUse"].replace(/'/g, "&#39;"));
    const enRes = domainErrorPage(new Request("http://localhost/", { headers: { "Accept-Language": "en" } }), new InvalidBackupError("trailing data"));
    expect(enRes.status).toBe(400);
    const enHtml = await enRes.text();
    expect(enHtml).toContain(en["domainErrors.refusedTitle"]);
    expect(enHtml).toContain("This backup cannot be restored: trailing data.");
  });
});

describe("a domain error no route caught", () => {
  it("answers its translated 4xx page instead of the 500 (data requests and documents)", async () => {
    const req = new Request("http://localhost/o/x/departments.data", { headers: { "Accept-Language": "en" } });
    const context = { cspNonce: "", clientIp: null };
    handleError(new DuplicateNameError(), { request: req, context });
    const res = await handleDataRequest(new Response(null, { status: 500 }), { request: req, context });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(en["errors.departmentExists"]);
    // Another request's context is untouched.
    const untouched = await handleDataRequest(new Response("ok"), { request: req, context: { cspNonce: "", clientIp: null } });
    expect(untouched.status).toBe(200);
  });
});

describe("routes map domain errors through the one mapper", () => {
  let slug: string;
  let orgId: string;
  let depId: string;
  let admin: string;

  beforeAll(async () => {
    const { org, departments } = await createOrg();
    slug = org.slug;
    orgId = org.id;
    depId = departments[0]!.id;
    admin = (await signedInMember(org.id, "ADMIN")).cookie;
  });

  it("a duplicate department name: 400 on the name field, nothing created", async () => {
    const before = await getDb().department.count({ where: { organizationId: orgId } });
    const out = await call(
      departmentsRoute.action,
      request(`/o/${slug}/departments`, { method: "POST", cookie: admin, body: form({ intent: "create", name: "État civil" }) }),
      { org: slug },
    );
    expect(out.status).toBe(400);
    expect(fieldErrors(out.data, "name")).toEqual(["errors.departmentExists"]);
    expect(formErrors(out.data)).toEqual([]);
    expect(await getDb().department.count({ where: { organizationId: orgId } })).toBe(before);
  });

  it("deleting a department that still has activities: back to the page with an error toast, nothing deleted", async () => {
    const actor = await createUser();
    await createActivity(actor.id, orgId, { content: ActivityContentSchema.parse({ name: "Cantine" }), departmentId: depId });
    const out = await call(
      departmentsRoute.action,
      request(`/o/${slug}/departments`, { method: "POST", cookie: admin, body: form({ intent: "delete", id: depId }) }),
      { org: slug },
    );
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/o/${slug}/departments`);
    expect(toastOf(out.raw!)).toEqual({ type: "error", key: "errors.departmentInUse" });
    expect(await getDb().department.count({ where: { id: depId } })).toBe(1);
  });

  it("a vendor name already taken: 400 on the name field", async () => {
    const body = () => form({ name: "Même Nom", country: "FR", dpaStatus: "NONE", dpfCertified: "" });
    const first = await call(newVendorRoute.action, request(`/o/${slug}/vendors/new`, { method: "POST", cookie: admin, body: body() }), { org: slug });
    expect(first.status).toBe(302);
    const again = await call(newVendorRoute.action, request(`/o/${slug}/vendors/new`, { method: "POST", cookie: admin, body: body() }), { org: slug });
    expect(again.status).toBe(400);
    expect(fieldErrors(again.data, "name")).toEqual(["errors.vendorExists"]);
    expect(await getDb().vendor.count({ where: { organizationId: orgId, name: "Même Nom" } })).toBe(1);
  });

  it("another organization's department on a new activity: 400 on the department field, no draft", async () => {
    const other = await createOrg();
    const before = await getDb().activity.count({ where: { organizationId: orgId } });
    const out = await call(
      newActivityRoute.action,
      request(`/o/${slug}/activities/new`, { method: "POST", cookie: admin, body: form({ name: "Piscine", departmentId: other.departments[0]!.id }) }),
      { org: slug },
    );
    expect(out.status).toBe(400);
    expect(fieldErrors(out.data, "departmentId")).toEqual(["errors.departmentNotAllowed"]);
    expect(await getDb().activity.count({ where: { organizationId: orgId } })).toBe(before);
  });
});
