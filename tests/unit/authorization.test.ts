import { beforeAll, describe, expect, it } from "vitest";
import { runFirstSetup, SetupClosedError } from "~/models/organization.server.ts";
import { validateSessionToken } from "~/models/session.server.ts";
import * as splat from "~/routes/$.tsx";
import * as account from "~/routes/account.tsx";
import * as healthz from "~/routes/healthz.ts";
import * as orgLayout from "~/routes/o.$org.tsx";
import * as orgIndex from "~/routes/o.$org._index.tsx";
import * as settings from "~/routes/o.$org.settings.tsx";
import * as members from "~/routes/o.$org.members.tsx";
import * as departments from "~/routes/o.$org.departments.tsx";
import * as audit from "~/routes/o.$org.audit.tsx";
import * as orgsNew from "~/routes/orgs.new.tsx";
import * as setup from "~/routes/setup.tsx";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

const orgPath = (sub: string) => (slug: string) => `/o/${slug}${sub}`;
const orgParams = (slug: string) => ({ org: slug });

// These run first, on the still empty database of this file.
describe("first-run setup", () => {
  const setupBody = () =>
    form({
      orgName: "Ville de Première",
      orgSlug: "ville-premiere",
      name: "Paule Première",
      email: "paule@premiere.example",
      password: "une phrase de passe",
      confirm: "une phrase de passe",
      role: "DPO",
    });

  it("the setup page is open while there is no user", async () => {
    expect(await getDb().user.count()).toBe(0);
    const res = await call(setup.loader, request("/setup"));
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
  });

  it("the setup action creates the first organization and signs in", async () => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: setupBody() }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/o/ville-premiere");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^registre_session=/);
    const token = decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!);
    const s = await validateSessionToken(token);
    expect(s?.user.email).toBe("paule@premiere.example");
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug: "ville-premiere" } });
    // The DPO who sets up is recorded as the organization's DPO.
    expect(org.dpoName).toBe("Paule Première");
    const m = await getDb().membership.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(m.role).toBe("DPO");
    expect(await getDb().auditEvent.count({ where: { action: "setup.completed", organizationId: org.id } })).toBe(1);
  });

  it("then the setup page redirects to /login", async () => {
    const res = await call(setup.loader, request("/setup"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
  });

  it("a second setup action cannot create a second first organization", async () => {
    const orgs = await getDb().organization.count();
    const users = await getDb().user.count();
    const body = form({
      orgName: "Ville Pirate",
      orgSlug: "ville-pirate",
      name: "Pirate",
      email: "pirate@evil.example",
      password: "une phrase de passe",
      confirm: "une phrase de passe",
      role: "ADMIN",
    });
    const res = await call(setup.action, request("/setup", { method: "POST", body }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await getDb().organization.count()).toBe(orgs);
    expect(await getDb().user.count()).toBe(users);
    expect(await getDb().user.findUnique({ where: { email: "pirate@evil.example" } })).toBeNull();
  });

  it("runFirstSetup itself refuses once a user exists (race-safe check in the transaction)", async () => {
    await expect(
      runFirstSetup({
        organization: { name: "Ville Course", slug: "ville-course", defaultLocale: "fr" },
        user: { name: "Course", email: "course@evil.example", password: "une phrase de passe", role: "ADMIN", locale: "fr" },
      }),
    ).rejects.toBeInstanceOf(SetupClosedError);
    expect(await getDb().organization.findUnique({ where: { slug: "ville-course" } })).toBeNull();
  });
});

describe("public routes", () => {
  it("healthz returns 200 JSON {status: ok}, not cached", async () => {
    const res = (await healthz.loader()) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { status: string; database: string };
    expect(body.status).toBe("ok");
    expect(body.database).toBe("ok");
  });

  it("account loader: anonymous is sent to /login with redirectTo", async () => {
    const res = await call(account.loader, request("/account"));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Faccount");
    const withQuery = await call(account.loader, request("/account?tab=sessions"));
    expect(withQuery.location).toBe(`/login?redirectTo=${encodeURIComponent("/account?tab=sessions")}`);
  });

  it("an invalid or expired session cookie counts as anonymous", async () => {
    const res = await call(account.loader, request("/account", { cookie: "registre_session=abc.def" }));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("authorization matrix", () => {
  let slug: string;
  const callers = {} as Record<Who, { cookie?: string }>;

  beforeAll(async () => {
    const { org } = await createOrg();
    slug = org.slug;
    const other = await createOrg();
    for (const role of ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
    callers.ANONYMOUS = {};
    callers.OUTSIDER = { cookie: (await signedInMember(other.org.id, "ADMIN")).cookie };
  });

  const everyone = { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 };
  const managers = { ADMIN: 200, DPO: 200, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 };
  // With an empty body, a permitted caller gets past the permission check and fails validation.
  const managersWrite = { ADMIN: 400, DPO: 400, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 };

  const rows: MatrixRow[] = [
    { name: "o.$org loader", handler: orgLayout.loader, path: orgPath(""), params: orgParams, expect: everyone },
    { name: "o.$org._index loader", handler: orgIndex.loader, path: orgPath(""), params: orgParams, expect: everyone },
    { name: "o.$org.settings loader", handler: settings.loader, path: orgPath("/settings"), params: orgParams, expect: everyone },
    {
      name: "o.$org.settings action",
      handler: settings.action,
      method: "POST",
      path: orgPath("/settings"),
      params: orgParams,
      body: () => new FormData(),
      expect: managersWrite,
    },
    {
      name: "o.$org.members loader",
      handler: members.loader,
      path: orgPath("/members"),
      params: orgParams,
      expect: managers,
      // One member per role was signed in: the list holds each of them.
      shows: mentions(['"role":"ADMIN"', '"role":"DPO"', '"role":"EDITOR"', '"role":"VIEWER"']),
    },
    {
      name: "o.$org.members action",
      handler: members.action,
      method: "POST",
      path: orgPath("/members"),
      params: orgParams,
      body: () => new FormData(),
      expect: managersWrite,
    },
    {
      name: "o.$org.departments loader",
      handler: departments.loader,
      path: orgPath("/departments"),
      params: orgParams,
      expect: managers,
      shows: mentions(["État civil", "Ressources humaines", "Police municipale"]),
    },
    {
      name: "o.$org.departments action",
      handler: departments.action,
      method: "POST",
      path: orgPath("/departments"),
      params: orgParams,
      body: () => new FormData(),
      expect: managersWrite,
    },
    { name: "o.$org.audit loader", handler: audit.loader, path: orgPath("/audit"), params: orgParams, expect: managers },
  ];

  it("every route answers each kind of caller as expected", async () => {
    await checkMatrix(rows, callers, slug);
  });

  it("EDITOR and VIEWER cannot write even with a well-formed body", async () => {
    const { org, departments: deps } = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const before = await getDb().auditEvent.count({ where: { organizationId: org.id } });
    for (const role of ["EDITOR", "VIEWER"] as const) {
      const who = await signedInMember(org.id, role, role === "EDITOR" ? [deps[0]!.id] : []);
      const bodies: [Parameters<typeof call>[0], string, Record<string, string>][] = [
        [members.action, "/members", { intent: "invite", email: "x@test.example", role: "VIEWER" }],
        [members.action, "/members", { intent: "update", membershipId: admin.membership.id, role: "VIEWER" }],
        [members.action, "/members", { intent: "remove", id: admin.membership.id }],
        [members.action, "/members", { intent: "reset", id: admin.membership.id }],
        [departments.action, "/departments", { intent: "create", name: "Nouveau" }],
        [departments.action, "/departments", { intent: "delete", id: deps[0]!.id }],
        [settings.action, "/settings", { name: "Renamed", defaultLocale: "fr", version: "1" }],
      ];
      for (const [handler, sub, body] of bodies) {
        const res = await call(handler, request(`/o/${org.slug}${sub}`, { method: "POST", cookie: who.cookie, body: form(body) }), { org: org.slug });
        expect(res.status, `${role} ${sub} ${body.intent ?? ""}`).toBe(403);
      }
    }
    expect(await getDb().auditEvent.count({ where: { organizationId: org.id } })).toBe(before);
    expect(await getDb().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(org.name);
  });
});

describe("splat route", () => {
  it("sends an anonymous visitor to /login, and gives a signed-in user a 404", async () => {
    const anon = await call(splat.loader, request("/no/such/page"));
    expect(anon.status).toBe(302);
    expect(anon.location).toBe("/login");
    const { org } = await createOrg();
    const m = await signedInMember(org.id, "VIEWER");
    const signedIn = await call(splat.loader, request("/no/such/page", { cookie: m.cookie }));
    expect(signedIn.status).toBe(404);
    const act = await call(splat.action, request("/no/such/page", { method: "POST" }));
    expect(act.status).toBe(404);
  });
});

describe("orgs.new", () => {
  it("is open to an ADMIN of some organization only", async () => {
    const { org } = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const dpo = await signedInMember(org.id, "DPO");
    expect((await call(orgsNew.loader, request("/orgs/new", { cookie: admin.cookie }))).status).toBe(200);
    expect((await call(orgsNew.loader, request("/orgs/new", { cookie: dpo.cookie }))).status).toBe(403);
    expect((await call(orgsNew.loader, request("/orgs/new"))).status).toBe(302);
    expect(
      (await call(orgsNew.action, request("/orgs/new", { method: "POST", cookie: dpo.cookie, body: form({ name: "X", slug: "xx-dpo", defaultLocale: "fr" }) })))
        .status,
    ).toBe(403);
    expect(await getDb().organization.findUnique({ where: { slug: "xx-dpo" } })).toBeNull();
  });
});

describe("role rules in the members action", () => {
  async function membersPost(slug: string, cookie: string, body: Record<string, string | string[]>) {
    return call(members.action, request(`/o/${slug}/members`, { method: "POST", cookie, body: form(body) }), { org: slug });
  }

  it("a DPO cannot invite an ADMIN when the organization has an ADMIN (403)", async () => {
    const { org } = await createOrg();
    await signedInMember(org.id, "ADMIN");
    const dpo = await signedInMember(org.id, "DPO");
    const res = await membersPost(org.slug, dpo.cookie, { intent: "invite", email: "boss@test.example", role: "ADMIN" });
    expect(res.status).toBe(403);
    expect(await getDb().invitation.count({ where: { organizationId: org.id } })).toBe(0);
    // But may invite a VIEWER.
    const ok = await membersPost(org.slug, dpo.cookie, { intent: "invite", email: "reader@test.example", role: "VIEWER" });
    expect(ok.status).toBe(200);
    expect((ok.data as { link: string }).link).toMatch(/^http:\/\/localhost:3000\/invitation\/[a-z0-9]{48}$/);
  });

  it("a DPO cannot change an ADMIN's role, nor promote someone to ADMIN, when there is an ADMIN", async () => {
    const { org } = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const dpo = await signedInMember(org.id, "DPO");
    const viewer = await signedInMember(org.id, "VIEWER");
    expect((await membersPost(org.slug, dpo.cookie, { intent: "update", membershipId: admin.membership.id, role: "VIEWER" })).status).toBe(403);
    expect((await membersPost(org.slug, dpo.cookie, { intent: "update", membershipId: viewer.membership.id, role: "ADMIN" })).status).toBe(403);
    expect((await membersPost(org.slug, dpo.cookie, { intent: "remove", id: admin.membership.id })).status).toBe(403);
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("ADMIN");
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: viewer.membership.id } })).role).toBe("VIEWER");
  });

  it("a DPO may invite the first ADMIN of an organization that has none", async () => {
    const { org } = await createOrg();
    const dpo = await signedInMember(org.id, "DPO");
    const res = await membersPost(org.slug, dpo.cookie, { intent: "invite", email: "first-admin@test.example", role: "ADMIN" });
    expect(res.status).toBe(200);
    const inv = await getDb().invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(inv.role).toBe("ADMIN");
  });

  it("the last ADMIN cannot be demoted (400 errors.lastAdmin) nor removed", async () => {
    const { org } = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const res = await membersPost(org.slug, admin.cookie, { intent: "update", membershipId: admin.membership.id, role: "VIEWER" });
    expect(res.status).toBe(400);
    expect(formErrors(res.data)).toEqual(["errors.lastAdmin"]);
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("ADMIN");

    const removed = await membersPost(org.slug, admin.cookie, { intent: "remove", id: admin.membership.id });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Set-Cookie")).toContain("registre_toast=");
    const toast = JSON.parse(Buffer.from(decodeURIComponent(removed.headers.get("Set-Cookie")!.split(";")[0]!.split("=")[1]!), "base64url").toString("utf8"));
    expect(toast).toEqual({ type: "error", key: "errors.lastAdmin" });
    expect(await getDb().membership.count({ where: { id: admin.membership.id } })).toBe(1);

    // With a second ADMIN, the demotion goes through.
    const second = await signedInMember(org.id, "ADMIN");
    const ok = await membersPost(org.slug, second.cookie, { intent: "update", membershipId: admin.membership.id, role: "VIEWER" });
    expect(ok.status).toBe(302);
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("VIEWER");
  });

  it("an EDITOR needs at least one department", async () => {
    const { org } = await createOrg();
    const admin = await signedInMember(org.id, "ADMIN");
    const res = await membersPost(org.slug, admin.cookie, { intent: "invite", email: "editor@test.example", role: "EDITOR" });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "departmentIds")).toEqual(["errors.editorNeedsDepartment"]);
  });
});
