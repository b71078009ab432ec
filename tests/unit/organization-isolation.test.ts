import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDepartment } from "~/models/department.server.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { updateMembership } from "~/models/membership.server.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import * as orgLayout from "~/routes/o.$org.tsx";
import * as orgIndex from "~/routes/o.$org._index.tsx";
import * as settings from "~/routes/o.$org.settings.tsx";
import * as members from "~/routes/o.$org.members.tsx";
import * as departments from "~/routes/o.$org.departments.tsx";
import * as audit from "~/routes/o.$org.audit.tsx";
import * as loginRoute from "~/routes/login.tsx";
import * as resetRoute from "~/routes/reset.$token.tsx";
import { requireOrgContext } from "~/http/auth.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

const tag = crypto.randomBytes(4).toString("hex");

type Org = Awaited<ReturnType<typeof createOrg>>;
let A: Org;
let B: Org;
let adminA: Awaited<ReturnType<typeof signedInMember>>;
let editorA: Awaited<ReturnType<typeof signedInMember>>;
let adminB: Awaited<ReturnType<typeof signedInMember>>;
let editorBMembershipId: string;
let secretDepartmentB: { id: string; name: string };
let invitationB: { id: string; email: string };
/** Every identifier of B that must never show up in A's pages. */
let secretsOfB: string[];

async function snapshotB() {
  const db = getDb();
  const [org, memberships, links, deps, invitations, resets] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: B.org.id } }),
    db.membership.findMany({ where: { organizationId: B.org.id }, orderBy: { id: "asc" } }),
    db.membershipDepartment.findMany({ where: { membership: { organizationId: B.org.id } }, orderBy: [{ membershipId: "asc" }, { departmentId: "asc" }] }),
    db.department.findMany({ where: { organizationId: B.org.id }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { organizationId: B.org.id }, orderBy: { id: "asc" } }),
    db.passwordReset.findMany({ where: { user: { memberships: { some: { organizationId: B.org.id } } } } }),
  ]);
  return { org, memberships, links, deps, invitations, resets };
}

beforeAll(async () => {
  A = await createOrg(`Commune A ${tag}`);
  B = await createOrg(`Commune B ${tag}`);
  adminA = await signedInMember(A.org.id, "ADMIN");
  editorA = await signedInMember(A.org.id, "EDITOR", [A.departments[0]!.id]);
  adminB = await signedInMember(B.org.id, "ADMIN");
  await getDb().user.update({ where: { id: adminB.user.id }, data: { name: `Bérénice B ${tag}`, email: `berenice-${tag}@b.example` } });
  const editorB = await createUser({ name: `Édouard B ${tag}`, email: `edouard-${tag}@b.example` });
  editorBMembershipId = (await addMember(editorB.id, B.org.id, "EDITOR", [B.departments[1]!.id])).id;
  // Activity in B, through the model functions, so B has audit events of its own.
  secretDepartmentB = await createDepartment(adminB.user.id, B.org.id, `Service confidentiel ${tag}`);
  const inv = await createInvitation(adminB.user.id, B.org.id, { email: `invitee-${tag}@b.example`, role: "VIEWER", departmentIds: [] });
  invitationB = { id: inv.id, email: `invitee-${tag}@b.example` };
  await updateMembership(adminB.user.id, B.org.id, editorBMembershipId, { role: "EDITOR", departmentIds: [B.departments[1]!.id, secretDepartmentB.id] });
  // Some activity in A too, so A's pages are not empty.
  await createDepartment(adminA.user.id, A.org.id, `Service A ${tag}`);

  secretsOfB = [
    B.org.id,
    B.org.slug,
    B.org.name,
    adminB.user.id,
    adminB.membership.id,
    `Bérénice B ${tag}`,
    `berenice-${tag}@b.example`,
    editorB.id,
    editorBMembershipId,
    `Édouard B ${tag}`,
    `edouard-${tag}@b.example`,
    secretDepartmentB.id,
    secretDepartmentB.name,
    ...B.departments.map((d) => d.id),
    invitationB.id,
    invitationB.email,
  ];
  const bEvents = await getDb().auditEvent.findMany({ where: { organizationId: B.org.id } });
  expect(bEvents.length).toBeGreaterThanOrEqual(3);
  for (const e of bEvents) secretsOfB.push(e.hash.slice(0, 12));
});

function leaks(value: unknown): string[] {
  const json = JSON.stringify(value);
  return secretsOfB.filter((s) => json.includes(s));
}

const ORG_LOADERS = [
  ["o.$org", orgLayout.loader],
  ["o.$org._index", orgIndex.loader],
  ["o.$org.settings", settings.loader],
  ["o.$org.members", members.loader],
  ["o.$org.departments", departments.loader],
  ["o.$org.audit", audit.loader],
] as const;

describe("requireOrgContext", () => {
  it("gives a member of A their context in A", async () => {
    const ctx = await requireOrgContext(request(`/o/${A.org.slug}`, { cookie: adminA.cookie }), A.org.slug);
    expect(ctx.org.id).toBe(A.org.id);
    expect(ctx.membership.role).toBe("ADMIN");
  });

  it("throws a 404 Response (not 403) for B", async () => {
    let thrown: unknown;
    try {
      await requireOrgContext(request(`/o/${B.org.slug}`, { cookie: adminA.cookie }), B.org.slug);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    // Same answer as for an organization that does not exist at all.
    let missing: unknown;
    try {
      await requireOrgContext(request(`/o/no-such-org`, { cookie: adminA.cookie }), "no-such-org");
    } catch (e) {
      missing = e;
    }
    expect((missing as Response).status).toBe(404);
    expect(await (missing as Response).text()).toBe(await (thrown as Response).text());
  });

  it("throws 404 for B even with a permission A's admin holds", async () => {
    await expect(requireOrgContext(request(`/o/${B.org.slug}/audit`, { cookie: adminA.cookie }), B.org.slug, "audit:read")).rejects.toSatisfy(
      (r: unknown) => r instanceof Response && r.status === 404,
    );
  });
});

describe("loaders of /o/$org routes", () => {
  for (const [name, loader] of ORG_LOADERS) {
    it(`${name} loader: 404 for B, for A's ADMIN and EDITOR`, async () => {
      for (const who of [adminA, editorA]) {
        const res = await call(loader, request(`/o/${B.org.slug}`, { cookie: who.cookie }), { org: B.org.slug });
        expect(res.status).toBe(404);
        expect(res.text ?? "").not.toContain(B.org.name);
      }
    });

    it(`${name} loader: works for B's own ADMIN (control)`, async () => {
      const res = await call(loader, request(`/o/${B.org.slug}`, { cookie: adminB.cookie }), { org: B.org.slug });
      expect(res.status).toBe(200);
    });
  }

  it("A's pages never mention B", async () => {
    for (const [name, loader] of ORG_LOADERS) {
      const res = await call(loader, request(`/o/${A.org.slug}`, { cookie: adminA.cookie }), { org: A.org.slug });
      expect(res.status, name).toBe(200);
      expect(leaks(res.data), name).toEqual([]);
    }
  });

  it("A's member list holds A's members only", async () => {
    const res = await call(members.loader, request(`/o/${A.org.slug}/members`, { cookie: adminA.cookie }), { org: A.org.slug });
    const d = res.data as { members: { id: string; user: { id: string } }[]; departments: { id: string }[]; invitations: unknown[] };
    expect(d.members.map((m) => m.user.id).sort()).toEqual([adminA.user.id, editorA.user.id].sort());
    expect(d.departments.map((x) => x.id).sort()).toEqual((await getDb().department.findMany({ where: { organizationId: A.org.id } })).map((x) => x.id).sort());
    expect(d.invitations).toEqual([]);
    expect(leaks(d)).toEqual([]);
  });

  it("A's audit log holds A's events only, also when filtered by a B actor or action", async () => {
    const res = await call(audit.loader, request(`/o/${A.org.slug}/audit`, { cookie: adminA.cookie }), { org: A.org.slug });
    const d = res.data as { events: { action: string }[]; total: number; options: { actions: { value: string }[]; actors: { id: string }[] } };
    expect(d.total).toBe(await getDb().auditEvent.count({ where: { organizationId: A.org.id } }));
    expect(d.events.length).toBe(d.total);
    expect(d.options.actors.map((a) => a.id)).toEqual([adminA.user.id]);
    expect(d.options.actions.map((a) => a.value)).not.toContain("invitation.created");
    expect(leaks(d)).toEqual([]);

    const byActor = await call(audit.loader, request(`/o/${A.org.slug}/audit?actor=${adminB.user.id}`, { cookie: adminA.cookie }), { org: A.org.slug });
    expect((byActor.data as { total: number }).total).toBe(0);
    const byAction = await call(audit.loader, request(`/o/${A.org.slug}/audit?action=invitation.created`, { cookie: adminA.cookie }), { org: A.org.slug });
    expect((byAction.data as { total: number }).total).toBe(0);
    expect(leaks(byActor.data)).toEqual([]);
    expect(leaks(byAction.data)).toEqual([]);
  });

  it("A's overview does not count B's departments or members", async () => {
    const overview = await getOrganizationOverview(A.org.id);
    expect(overview.memberCount).toBe(2);
    expect(overview.departments.map((x) => x.id).sort()).toEqual(
      (await getDb().department.findMany({ where: { organizationId: A.org.id } })).map((x) => x.id).sort(),
    );
    const res = await call(orgIndex.loader, request(`/o/${A.org.slug}`, { cookie: editorA.cookie }), { org: A.org.slug });
    const d = res.data as { myDepartments: { id: string }[] };
    expect(d.myDepartments.map((x) => x.id)).toEqual([A.departments[0]!.id]);
    expect(leaks(d)).toEqual([]);
  });
});

describe("actions cannot reach B", () => {
  async function post(handler: Parameters<typeof call>[0], org: string, body: Record<string, string | string[]>, cookie = adminA.cookie) {
    return call(handler, request(`/o/${org}`, { method: "POST", cookie, body: form(body) }), { org });
  }

  it("every action on B's own URL is a 404 for A's ADMIN", async () => {
    const before = await snapshotB();
    const cases: [string, Parameters<typeof call>[0], Record<string, string | string[]>][] = [
      ["members update", members.action, { intent: "update", membershipId: editorBMembershipId, role: "VIEWER" }],
      ["members invite", members.action, { intent: "invite", email: `x-${tag}@a.example`, role: "VIEWER" }],
      ["members remove", members.action, { intent: "remove", id: editorBMembershipId }],
      ["departments create", departments.action, { intent: "create", name: "Intrusion" }],
      ["departments delete", departments.action, { intent: "delete", id: secretDepartmentB.id }],
      ["settings", settings.action, { name: "Hacked", defaultLocale: "fr", version: "1" }],
    ];
    for (const [name, handler, body] of cases) {
      const res = await post(handler, B.org.slug, body);
      expect(res.status, name).toBe(404);
    }
    expect(await snapshotB()).toEqual(before);
  });

  it("members update: a membershipId of B through A's URL is a 404 and B is unchanged", async () => {
    const before = await snapshotB();
    const auditBefore = await getDb().auditEvent.count();
    const res = await post(members.action, A.org.slug, { intent: "update", membershipId: editorBMembershipId, role: "VIEWER" });
    expect(res.status).toBe(404);
    // Even promoting B's admin membership to... anything is refused.
    const res2 = await post(members.action, A.org.slug, { intent: "update", membershipId: adminB.membership.id, role: "VIEWER" });
    expect(res2.status).toBe(404);
    expect(await snapshotB()).toEqual(before);
    expect(await getDb().auditEvent.count()).toBe(auditBefore);
  });

  it("members remove / reset / revoke with B's ids through A's URL are 404s", async () => {
    const before = await snapshotB();
    for (const body of [
      { intent: "remove", id: editorBMembershipId },
      { intent: "remove", id: adminB.membership.id },
      { intent: "reset", id: editorBMembershipId },
      { intent: "revoke", id: invitationB.id },
    ]) {
      const res = await post(members.action, A.org.slug, body);
      expect(res.status, body.intent).toBe(404);
      expect(JSON.stringify(res.data ?? null)).not.toContain("/reset/");
    }
    expect(await snapshotB()).toEqual(before);
  });

  it("departments rename / delete with B's department id through A's URL are 404s", async () => {
    const before = await snapshotB();
    expect((await post(departments.action, A.org.slug, { intent: "rename", id: secretDepartmentB.id, name: "Renamed by A" })).status).toBe(404);
    expect((await post(departments.action, A.org.slug, { intent: "delete", id: secretDepartmentB.id })).status).toBe(404);
    expect(await snapshotB()).toEqual(before);
  });

  it("cannot attach B's departments to A's members or invitations", async () => {
    const before = await snapshotB();
    const invitesBefore = await getDb().invitation.count({ where: { organizationId: A.org.id } });
    const inv = await post(members.action, A.org.slug, {
      intent: "invite",
      email: `cross-${tag}@a.example`,
      role: "EDITOR",
      departmentIds: [secretDepartmentB.id],
    });
    expect(inv.status).toBe(400);
    expect(await getDb().invitation.count({ where: { organizationId: A.org.id } })).toBe(invitesBefore);

    const upd = await post(members.action, A.org.slug, {
      intent: "update",
      membershipId: editorA.membership.id,
      role: "EDITOR",
      departmentIds: [secretDepartmentB.id],
    });
    expect(upd.status).toBe(400);
    const links = await getDb().membershipDepartment.findMany({ where: { membershipId: editorA.membership.id } });
    expect(links.map((l) => l.departmentId)).toEqual([A.departments[0]!.id]);
    expect(await snapshotB()).toEqual(before);
  });

  // Regression (isolation): if the "reset" intent only checked the target's role in the current organization,
  // A's ADMIN could reset the password of a person who is also a member of B (a shared DPO, say), sign in as
  // them and open B's pages.
  it("A's ADMIN cannot reach B by resetting the password of a member shared with B", async () => {
    const shared = await createUser({ name: `Shared ${tag}` });
    const sharedInA = await addMember(shared.id, A.org.id, "VIEWER");
    await addMember(shared.id, B.org.id, "DPO");
    const res = await post(members.action, A.org.slug, { intent: "reset", id: sharedInA.id });
    if (res.status === 200) {
      const link = (res.data as { link: string }).link;
      const token = link.split("/reset/")[1]!;
      const newPassword = "pris en main par A";
      const reset = await call(resetRoute.action, request(`/reset/${token}`, { method: "POST", body: form({ password: newPassword, confirm: newPassword }) }), {
        token,
      });
      expect(reset.status).toBe(302);
      const signIn = await call(
        loginRoute.action,
        request("/login", { method: "POST", body: form({ email: shared.email, password: newPassword }) }),
        {},
        "10.7.7.7",
      );
      const cookie = signIn.headers.get("Set-Cookie")?.split(";")[0];
      expect(cookie).toMatch(/^registre_session=/);
      const inB = await call(members.loader, request(`/o/${B.org.slug}/members`, { cookie }), { org: B.org.slug });
      expect(inB.status, "A's ADMIN opened B's member list as the shared DPO").not.toBe(200);
    } else {
      expect([403, 404]).toContain(res.status);
    }
  });

  it("the refused reset creates no link; a reset of a member of A only, or by an ADMIN of both, still works", async () => {
    const shared = await createUser();
    const sharedInA = await addMember(shared.id, A.org.id, "VIEWER");
    await addMember(shared.id, B.org.id, "VIEWER");
    const refused = await post(members.action, A.org.slug, { intent: "reset", id: sharedInA.id });
    expect(refused.status).not.toBe(200);
    expect(JSON.stringify(refused.data ?? null)).not.toContain("/reset/");
    expect(await getDb().passwordReset.count({ where: { userId: shared.id } })).toBe(0);

    // A member of A only: the reset link is given.
    const onlyA = await createUser();
    const onlyAInA = await addMember(onlyA.id, A.org.id, "VIEWER");
    const ok = await post(members.action, A.org.slug, { intent: "reset", id: onlyAInA.id });
    expect(ok.status).toBe(200);
    expect((ok.data as { link: string }).link).toMatch(/\/reset\/[a-z0-9]{48}$/);

    // An ADMIN of both organizations may reset the shared member.
    const both = await signedInMember(A.org.id, "ADMIN");
    await addMember(both.user.id, B.org.id, "ADMIN");
    const byBoth = await post(members.action, A.org.slug, { intent: "reset", id: sharedInA.id }, both.cookie);
    expect(byBoth.status).toBe(200);
    expect((byBoth.data as { link: string }).link).toMatch(/\/reset\/[a-z0-9]{48}$/);
  });
});
