/**
 * Issue 16: "New users get no role until an ADMIN accepts them." A role-less single sign-on user asks an
 * organization for access on /access; only that organization's ADMINs see and decide the request.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ACCESS_REQUEST_DAILY_LIMIT, requestAccess } from "~/models/access-request.server.ts";
import { setMailPreferences } from "~/models/mail.server.ts";
import { createSession } from "~/models/session.server.ts";
import { ROLES, type Role } from "~/policies/roles.ts";
import * as access from "~/routes/access.tsx";
import * as home from "~/routes/_index.tsx";
import * as members from "~/routes/o.$org.members.tsx";
import { getDb } from "~/utils/db.server.ts";
import { isMessageKey, translate } from "~/utils/messages.server.ts";
import { SESSION_COOKIE } from "~/http/session.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call, formErrors } from "./route-helpers.ts";

type Org = Awaited<ReturnType<typeof createOrg>>;

/** A person who signed in through single sign-on and holds no role. */
async function ssoNewcomer(name = "Nadia Nouvelle") {
  const user = await createUser({ name, locale: "en" });
  await getDb().ssoIdentity.create({ data: { issuer: "https://idp.test", subject: `sub-${user.id}`, userId: user.id, email: user.email } });
  const { token } = await createSession(user.id);
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

function ask(cookie: string, slug: string) {
  return call(access.action, request("/access", { method: "POST", cookie, body: form({ slug }) }));
}

function decide(cookie: string, slug: string, body: Record<string, string | string[]>) {
  return call(members.action, request(`/o/${slug}/members`, { method: "POST", cookie, body: form(body) }), { org: slug });
}

function fieldErrors(data: unknown, field: string): string[] {
  return (data as { result?: { error?: Record<string, string[] | null> } }).result?.error?.[field] ?? [];
}

function expectTranslated(key: string) {
  expect(isMessageKey(key)).toBe(true);
  for (const locale of ["fr", "en"] as const) expect(translate(locale, key as never)).not.toBe(key);
}

async function pendingRequest(org: Org, userId: string) {
  return getDb().ssoAccessRequest.findFirstOrThrow({ where: { organizationId: org.org.id, userId, status: "PENDING" } });
}

let town: Org;
let admin: Awaited<ReturnType<typeof signedInMember>>;

beforeEach(async () => {
  town = await createOrg("Ville de Demande");
  admin = await signedInMember(town.org.id, "ADMIN");
});

describe("the role-less single sign-on user", () => {
  it("is sent from the home page to /access, which a member or a password-only user never sees", async () => {
    const n = await ssoNewcomer();
    const h = await call(home.loader, request("/", { cookie: n.cookie }));
    expect(h.location).toBe("/access");
    const page = await call(access.loader, request("/access", { cookie: n.cookie }));
    expect(page.status).toBe(200);
    expect(page.data).toEqual({ requests: [] });

    expect((await call(access.loader, request("/access", { cookie: admin.cookie }))).location).toBe("/");
    expect((await ask(admin.cookie, town.org.slug)).status).toBe(403);
    const passwordOnly = await createUser();
    const { token } = await createSession(passwordOnly.id);
    const cookie = `${SESSION_COOKIE}=${token}`;
    expect((await call(access.loader, request("/access", { cookie }))).location).toBe("/");
    expect((await ask(cookie, town.org.slug)).status).toBe(403);
    expect((await call(access.loader, request("/access"))).location).toBe("/login?redirectTo=%2Faccess");
  });

  it("asks by identifier: stored, audited, mailed to the ADMINs only (preferences respected), and not twice", async () => {
    const dpo = await signedInMember(town.org.id, "DPO");
    const quietAdmin = await signedInMember(town.org.id, "ADMIN");
    await setMailPreferences(quietAdmin.user.id, { workflow: "OFF" });
    const n = await ssoNewcomer();

    const res = await ask(n.cookie, `  ${town.org.slug.toUpperCase()} `);
    expect(res.status).toBe(200);
    expect((res.data as { sent: unknown }).sent).toEqual({ org: "Ville de Demande", created: true });
    const req = await pendingRequest(town, n.user.id);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "access_request.created", entityId: n.user.id } });
    expect(audit).toMatchObject({ actorId: n.user.id, organizationId: town.org.id });
    expect(JSON.parse(audit.details)).toEqual({ requestId: req.id });

    const mails = await getDb().mailMessage.findMany({ where: { kind: "access_request.created", organizationId: town.org.id } });
    expect(mails.map((m) => [m.userId, m.status]).sort()).toEqual(
      [
        [admin.user.id, "OUTBOX"],
        [quietAdmin.user.id, "SKIPPED"],
      ].sort(),
    );
    expect(mails.some((m) => m.userId === dpo.user.id)).toBe(false);
    const mail = mails.find((m) => m.userId === admin.user.id)!;
    expect(mail.subject).toBe("Demande d'accès au registre de Ville de Demande");
    expect(mail.text).toContain(n.user.email);
    expect(mail.html).toContain("Nadia Nouvelle");
    expect(mail.url).toMatch(new RegExp(`/o/${town.org.slug}/members#access-requests$`));

    // Asking again while the request is open changes nothing and mails nobody.
    const again = await ask(n.cookie, town.org.slug);
    expect((again.data as { sent: unknown }).sent).toEqual({ org: "Ville de Demande", created: false });
    expect(await getDb().ssoAccessRequest.count({ where: { userId: n.user.id } })).toBe(1);
    expect(await getDb().mailMessage.count({ where: { kind: "access_request.created", organizationId: town.org.id } })).toBe(2);

    const page = await call(access.loader, request("/access", { cookie: n.cookie }));
    expect((page.data as { requests: { status: string; organization: { name: string } }[] }).requests).toMatchObject([
      { status: "PENDING", organization: { name: "Ville de Demande" } },
    ]);
  });

  it("gets a translated 4xx for a malformed or unknown identifier, and a daily limit stops guessing", async () => {
    const n = await ssoNewcomer();
    const bad = await ask(n.cookie, "not a slug!");
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "slug")).toEqual(["errors.slug"]);
    const empty = await ask(n.cookie, "");
    expect(empty.status).toBe(400);

    const unknown = await ask(n.cookie, "no-such-town");
    expect(unknown.status).toBe(400);
    expect(fieldErrors(unknown.data, "slug")).toEqual(["errors.accessRequest.unknown"]);
    expectTranslated("errors.accessRequest.unknown");
    expect(await getDb().auditEvent.count({ where: { action: "access_request.unknown_org", actorId: n.user.id } })).toBe(1);
    expect(await getDb().ssoAccessRequest.count({ where: { userId: n.user.id } })).toBe(0);

    for (let i = 1; i < ACCESS_REQUEST_DAILY_LIMIT; i++) expect((await ask(n.cookie, `no-such-town-${i}`)).status).toBe(400);
    const limited = await ask(n.cookie, town.org.slug);
    expect(limited.status).toBe(429);
    expect(fieldErrors(limited.data, "slug")).toEqual(["errors.accessRequest.limit"]);
    expectTranslated("errors.accessRequest.limit");
    expect(await getDb().ssoAccessRequest.count({ where: { userId: n.user.id } })).toBe(0);
  });
});

describe("deciding an access request on the members page", () => {
  it("is shown to ADMINs only; DPO, EDITOR and VIEWER can neither see nor decide (403)", async () => {
    const n = await ssoNewcomer();
    await ask(n.cookie, town.org.slug);
    const req = await pendingRequest(town, n.user.id);

    const seen = await call(members.loader, request(`/o/${town.org.slug}/members`, { cookie: admin.cookie }), { org: town.org.slug });
    expect((seen.data as { accessRequests: { id: string; user: { email: string } }[] }).accessRequests).toMatchObject([
      { id: req.id, user: { email: n.user.email } },
    ]);
    const dpo = await signedInMember(town.org.id, "DPO");
    const dpoView = await call(members.loader, request(`/o/${town.org.slug}/members`, { cookie: dpo.cookie }), { org: town.org.slug });
    expect((dpoView.data as { accessRequests: unknown[] }).accessRequests).toEqual([]);

    const others: Role[] = ROLES.filter((r) => r !== "ADMIN");
    for (const role of others) {
      const m = await signedInMember(town.org.id, role, role === "EDITOR" ? [town.departments[0]!.id] : []);
      const bodies: Record<string, string>[] = [
        { intent: "accept-request", requestId: req.id, role: "VIEWER" },
        { intent: "refuse-request", requestId: req.id },
      ];
      for (const body of bodies) {
        const res = await decide(m.cookie, town.org.slug, body);
        expect(res.status, `${role} ${body.intent}`).toBe(403);
      }
    }
    expect((await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("PENDING");
    expect(await getDb().membership.count({ where: { userId: n.user.id } })).toBe(0);
  });

  it("another organization's ADMIN gets 404 and cannot see it", async () => {
    const n = await ssoNewcomer();
    await ask(n.cookie, town.org.slug);
    const req = await pendingRequest(town, n.user.id);
    const elsewhere = await createOrg("Autre ville");
    const otherAdmin = await signedInMember(elsewhere.org.id, "ADMIN");

    const list = await call(members.loader, request(`/o/${elsewhere.org.slug}/members`, { cookie: otherAdmin.cookie }), { org: elsewhere.org.slug });
    expect((list.data as { accessRequests: unknown[] }).accessRequests).toEqual([]);
    const bodies: Record<string, string>[] = [
      { intent: "accept-request", requestId: req.id, role: "ADMIN" },
      { intent: "refuse-request", requestId: req.id },
    ];
    for (const body of bodies) {
      expect((await decide(otherAdmin.cookie, elsewhere.org.slug, body)).status).toBe(404);
      expect((await decide(otherAdmin.cookie, town.org.slug, body)).status).toBe(404);
    }
    expect((await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("PENDING");
    expect(await getDb().membership.count({ where: { userId: n.user.id } })).toBe(0);
  });

  it("accepts with the invitation's validation, audits, mails the requester, and a second decision is a 409", async () => {
    const n = await ssoNewcomer();
    await ask(n.cookie, town.org.slug);
    const req = await pendingRequest(town, n.user.id);
    const elsewhere = await createOrg("Autre ville");

    // Bad input: 400 with a translated message, nothing written.
    const noDept = await decide(admin.cookie, town.org.slug, { intent: "accept-request", requestId: req.id, role: "EDITOR" });
    expect(noDept.status).toBe(400);
    expect(fieldErrors(noDept.data, "departmentIds")).toEqual(["errors.editorNeedsDepartment"]);
    expectTranslated("errors.editorNeedsDepartment");
    const foreignDept = await decide(admin.cookie, town.org.slug, {
      intent: "accept-request",
      requestId: req.id,
      role: "EDITOR",
      departmentIds: [elsewhere.departments[0]!.id],
    });
    expect(foreignDept.status).toBe(400);
    expect(fieldErrors(foreignDept.data, "departmentIds")).toEqual(["errors.choice"]);
    const badRole = await decide(admin.cookie, town.org.slug, { intent: "accept-request", requestId: req.id, role: "OWNER" });
    expect(badRole.status).toBe(400);
    expect(fieldErrors(badRole.data, "role").length).toBeGreaterThan(0);
    const noId = await decide(admin.cookie, town.org.slug, { intent: "refuse-request" });
    expect(noId.status).toBe(400);
    expect((await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("PENDING");
    expect(await getDb().membership.count({ where: { userId: n.user.id } })).toBe(0);

    const ok = await decide(admin.cookie, town.org.slug, {
      intent: "accept-request",
      requestId: req.id,
      role: "EDITOR",
      departmentIds: [town.departments[1]!.id],
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/o/${town.org.slug}/members`);
    const m = await getDb().membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: n.user.id, organizationId: town.org.id } },
      include: { departments: true },
    });
    expect(m.role).toBe("EDITOR");
    expect(m.departments.map((d) => d.departmentId)).toEqual([town.departments[1]!.id]);
    const decided = await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(decided).toMatchObject({ status: "ACCEPTED", decidedById: admin.user.id, role: "EDITOR", pendingKey: null });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "access_request.accepted", entityId: m.id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, organizationId: town.org.id });
    expect(JSON.parse(audit.details)).toMatchObject({ requestId: req.id, userId: n.user.id, role: "EDITOR" });
    const mail = await getDb().mailMessage.findFirstOrThrow({ where: { kind: "access_request.accepted", userId: n.user.id } });
    // The requester's language (en), an account mail (always sent), a link into the register.
    expect(mail.subject).toBe("Your access to the register of Ville de Demande is open");
    expect(mail.category).toBe("account");
    expect(mail.url).toMatch(new RegExp(`/o/${town.org.slug}$`));
    expect(mail.html).toContain("<p>");

    // The requester now reaches the organization instead of /access.
    expect((await call(home.loader, request("/", { cookie: n.cookie }))).location).toBe(`/o/${town.org.slug}`);
    expect((await call(access.loader, request("/access", { cookie: n.cookie }))).location).toBe("/");

    // Second decision, either way: 409, translated, nothing changes.
    const bodies: Record<string, string>[] = [
      { intent: "refuse-request", requestId: req.id },
      { intent: "accept-request", requestId: req.id, role: "ADMIN" },
    ];
    for (const body of bodies) {
      const again = await decide(admin.cookie, town.org.slug, body);
      expect(again.status).toBe(409);
      expect(formErrors(again.data)).toEqual(["errors.accessRequest.decided"]);
    }
    expectTranslated("errors.accessRequest.decided");
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: m.id } })).role).toBe("EDITOR");
    expect(await getDb().auditEvent.count({ where: { action: { in: ["access_request.accepted", "access_request.refused"] }, actorId: admin.user.id } })).toBe(
      1,
    );
  });

  it("refuses: audited, the requester is mailed, gets no role, and may ask again later", async () => {
    const n = await ssoNewcomer();
    await ask(n.cookie, town.org.slug);
    const req = await pendingRequest(town, n.user.id);
    const res = await decide(admin.cookie, town.org.slug, { intent: "refuse-request", requestId: req.id });
    expect(res.status).toBe(302);
    expect(await getDb().membership.count({ where: { userId: n.user.id } })).toBe(0);
    expect(await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "REFUSED", decidedById: admin.user.id });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "access_request.refused", entityId: n.user.id } });
    expect(audit).toMatchObject({ actorId: admin.user.id, organizationId: town.org.id });
    const mail = await getDb().mailMessage.findFirstOrThrow({ where: { kind: "access_request.refused", userId: n.user.id } });
    expect(mail.subject).toBe("Your request for access to the register of Ville de Demande");
    expect(mail.text).toContain("did not accept");

    expect((await decide(admin.cookie, town.org.slug, { intent: "accept-request", requestId: req.id, role: "VIEWER" })).status).toBe(409);
    expect(await getDb().membership.count({ where: { userId: n.user.id } })).toBe(0);

    const page = await call(access.loader, request("/access", { cookie: n.cookie }));
    expect((page.data as { requests: { status: string }[] }).requests.map((r) => r.status)).toEqual(["REFUSED"]);
    expect((await ask(n.cookie, town.org.slug)).data).toMatchObject({ sent: { created: true } });
  });

  it("keeps the role of someone who joined meanwhile, and a member cannot ask again", async () => {
    const n = await ssoNewcomer();
    await ask(n.cookie, town.org.slug);
    const req = await pendingRequest(town, n.user.id);
    await addMember(n.user.id, town.org.id, "DPO");
    const res = await decide(admin.cookie, town.org.slug, { intent: "accept-request", requestId: req.id, role: "VIEWER" });
    expect(res.status).toBe(302);
    const ms = await getDb().membership.findMany({ where: { userId: n.user.id } });
    expect(ms.map((m) => m.role)).toEqual(["DPO"]);
    expect((await getDb().ssoAccessRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("ACCEPTED");
    // Now a member: the access page is closed to them, and the model refuses a request to their own organization.
    expect((await ask(n.cookie, town.org.slug)).status).toBe(403);
    expect(await requestAccess(n.user.id, town.org.slug)).toEqual({ ok: false, reason: "member" });
    expect(await getDb().ssoAccessRequest.count({ where: { userId: n.user.id } })).toBe(1);
  });
});
