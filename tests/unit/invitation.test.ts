import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  createInvitation,
  getUsableInvitation,
  INVITATION_TTL_MS,
  listPendingInvitations,
  revokeInvitation,
} from "~/models/invitation.server.ts";
import { NotFoundError } from "~/models/membership.server.ts";
import { completePasswordReset, createPasswordReset, getUsableReset, RESET_TTL_MS } from "~/models/password-reset.server.ts";
import { createSession, validateSessionToken } from "~/models/session.server.ts";
import { verifyLogin } from "~/models/user.server.ts";
import * as invitationRoute from "~/routes/invitation.$token.tsx";
import * as resetRoute from "~/routes/reset.$token.tsx";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser, form, request, signedInMember, TEST_PASSWORD } from "../helpers/factories.ts";
import { call, formErrors } from "./route-helpers.ts";

const HOUR = 60 * 60 * 1000;
const sha256Hex = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const NEW_PASSWORD = "nouvelle phrase de passe";

type Org = Awaited<ReturnType<typeof createOrg>>;
let A: Org;
let admin: Awaited<ReturnType<typeof signedInMember>>;
let n = 0;
const email = () => `invitee-${process.pid}-${++n}@test.example`;

beforeAll(async () => {
  A = await createOrg();
  admin = await signedInMember(A.org.id, "ADMIN");
});

describe("createInvitation", () => {
  it("stores only the token's hash, with a 72-hour expiry, and audits", async () => {
    expect(INVITATION_TTL_MS).toBe(72 * HOUR);
    const now = new Date();
    const inv = await createInvitation(admin.user.id, A.org.id, { email: "  New.Person@Test.Example ", role: "VIEWER", departmentIds: [] }, now);
    expect(inv.token).toMatch(/^[a-z0-9]{48}$/);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(sha256Hex(inv.token));
    expect(JSON.stringify(row)).not.toContain(inv.token);
    expect(row.email).toBe("new.person@test.example");
    expect(row.expiresAt.getTime()).toBe(now.getTime() + 72 * HOUR);
    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { action: "invitation.created", entityId: inv.id } });
    expect(ev).toMatchObject({ actorId: admin.user.id, organizationId: A.org.id, entity: "Invitation" });
    expect(ev.details).not.toContain(inv.token);
  });

  it("keeps departments only for an EDITOR, and refuses another organization's department", async () => {
    const viewer = await createInvitation(admin.user.id, A.org.id, { email: email(), role: "VIEWER", departmentIds: [A.departments[0]!.id] });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: viewer.id } })).departmentIds).toBe("[]");
    const other = await createOrg();
    const count = await getDb().invitation.count();
    await expect(
      createInvitation(admin.user.id, A.org.id, { email: email(), role: "EDITOR", departmentIds: [other.departments[0]!.id] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().invitation.count()).toBe(count);
  });
});

describe("getUsableInvitation", () => {
  it("finds a fresh invitation by its token, with the organization and whether the e-mail has an account", async () => {
    const existing = await createUser();
    const a = await createInvitation(admin.user.id, A.org.id, { email: email(), role: "VIEWER", departmentIds: [] });
    const b = await createInvitation(admin.user.id, A.org.id, { email: existing.email, role: "VIEWER", departmentIds: [] });
    const ua = await getUsableInvitation(a.token);
    expect(ua?.id).toBe(a.id);
    expect(ua?.organization).toEqual({ id: A.org.id, name: A.org.name, slug: A.org.slug });
    expect(ua?.hasAccount).toBe(false);
    expect((await getUsableInvitation(b.token))?.hasAccount).toBe(true);
    expect(await getUsableInvitation("x".repeat(48))).toBeNull();
    expect(await getUsableInvitation(a.token.toUpperCase())).toBeNull();
  });
});

describe("acceptInvitation", () => {
  it("creates the user and an EDITOR membership with its departments, once", async () => {
    const address = email();
    const deps = [A.departments[0]!.id, A.departments[2]!.id];
    const inv = await createInvitation(admin.user.id, A.org.id, { email: address, role: "EDITOR", departmentIds: deps });
    const res = await acceptInvitation(inv.token, { name: "Nina Nouvelle", password: NEW_PASSWORD });
    expect(res).toMatchObject({ ok: true, organizationSlug: A.org.slug });
    if (!res.ok) throw new Error("unreachable");

    const user = await getDb().user.findUniqueOrThrow({ where: { id: res.userId } });
    expect(user.email).toBe(address);
    expect(user.name).toBe("Nina Nouvelle");
    expect((await verifyLogin(address, NEW_PASSWORD))?.id).toBe(user.id);
    const m = await getDb().membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: user.id, organizationId: A.org.id } },
      include: { departments: true },
    });
    expect(m.role).toBe("EDITOR");
    expect(m.departments.map((d) => d.departmentId).sort()).toEqual([...deps].sort());
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).not.toBeNull();

    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", entityId: m.id } });
    expect(ev.actorId).toBe(user.id);
    expect(ev.organizationId).toBe(A.org.id);
    expect(JSON.parse(ev.details)).toEqual({ invitationId: inv.id, role: "EDITOR", newAccount: true });
    expect(ev.details).not.toContain(NEW_PASSWORD);

    // Single use: a second acceptance is refused and creates nothing.
    const users = await getDb().user.count();
    expect(await acceptInvitation(inv.token, { name: "Again", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await getUsableInvitation(inv.token)).toBeNull();
    expect(await getDb().user.count()).toBe(users);
    expect(await listPendingInvitations(A.org.id)).not.toContainEqual(expect.objectContaining({ id: inv.id }));
  });

  it("an expired invitation is invalid (72 h + 1 h later)", async () => {
    const t0 = new Date();
    const inv = await createInvitation(admin.user.id, A.org.id, { email: email(), role: "VIEWER", departmentIds: [] }, t0);
    const later = new Date(t0.getTime() + 73 * HOUR);
    expect(await getUsableInvitation(inv.token, later)).toBeNull();
    expect(await acceptInvitation(inv.token, { name: "Late", password: NEW_PASSWORD }, later)).toEqual({ ok: false, reason: "invalid" });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toBeNull();
    // Still valid just before the end.
    expect(await getUsableInvitation(inv.token, new Date(t0.getTime() + 71 * HOUR))).not.toBeNull();
    expect(await listPendingInvitations(A.org.id, later)).not.toContainEqual(expect.objectContaining({ id: inv.id }));
  });

  it("a revoked invitation is invalid, and revoking is audited and scoped to the organization", async () => {
    const inv = await createInvitation(admin.user.id, A.org.id, { email: email(), role: "VIEWER", departmentIds: [] });
    const other = await createOrg();
    expect(await revokeInvitation(admin.user.id, other.org.id, inv.id)).toBe(false);
    expect(await getUsableInvitation(inv.token)).not.toBeNull();
    expect(await revokeInvitation(admin.user.id, A.org.id, inv.id)).toBe(true);
    expect(await revokeInvitation(admin.user.id, A.org.id, inv.id)).toBe(false);
    expect(await getUsableInvitation(inv.token)).toBeNull();
    expect(await acceptInvitation(inv.token, { name: "Revoked", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await getDb().auditEvent.count({ where: { action: "invitation.revoked", entityId: inv.id } })).toBe(1);
  });

  it("an existing account must give its own password", async () => {
    const existing = await createUser();
    const inv = await createInvitation(admin.user.id, A.org.id, { email: existing.email.toUpperCase(), role: "DPO", departmentIds: [] });
    expect(await acceptInvitation(inv.token, { password: "not their password" })).toEqual({ ok: false, reason: "wrong_password" });
    expect(await getDb().membership.count({ where: { userId: existing.id, organizationId: A.org.id } })).toBe(0);
    expect(await getUsableInvitation(inv.token)).not.toBeNull();

    const res = await acceptInvitation(inv.token, { name: "Ignored", password: TEST_PASSWORD });
    expect(res).toEqual({ ok: true, userId: existing.id, organizationSlug: A.org.slug });
    const after = await getDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    // The account is joined, not overwritten.
    expect(after.name).toBe(existing.name);
    expect(after.passwordHash).toBe(existing.passwordHash);
    expect((await getDb().membership.findFirstOrThrow({ where: { userId: existing.id, organizationId: A.org.id } })).role).toBe("DPO");
    const ev = await getDb().auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", actorId: existing.id } });
    expect(JSON.parse(ev.details).newAccount).toBe(false);
  });

  it("an existing member's role is replaced, not duplicated", async () => {
    const u = await createUser();
    await addMember(u.id, A.org.id, "EDITOR", [A.departments[0]!.id]);
    const inv = await createInvitation(admin.user.id, A.org.id, { email: u.email, role: "VIEWER", departmentIds: [] });
    expect((await acceptInvitation(inv.token, { password: TEST_PASSWORD })).ok).toBe(true);
    const ms = await getDb().membership.findMany({ where: { userId: u.id, organizationId: A.org.id }, include: { departments: true } });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.role).toBe("VIEWER");
    expect(ms[0]!.departments).toEqual([]);
  });
});

describe("invitation route", () => {
  it("accepting through the route signs the new member in; a second use gets 400", async () => {
    const inv = await createInvitation(admin.user.id, A.org.id, { email: email(), role: "VIEWER", departmentIds: [] });
    const loaded = await call(invitationRoute.loader, request(`/invitation/${inv.token}`), { token: inv.token });
    expect((loaded.data as { invitation: { organization: string } }).invitation.organization).toBe(A.org.name);
    const body = () => form({ name: "Roger Route", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const res = await call(invitationRoute.action, request(`/invitation/${inv.token}`, { method: "POST", body: body() }), { token: inv.token });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${A.org.slug}`);
    expect(res.headers.get("Set-Cookie")).toMatch(/^registre_session=/);
    const again = await call(invitationRoute.action, request(`/invitation/${inv.token}`, { method: "POST", body: body() }), { token: inv.token });
    expect(again.status).toBe(410);
    expect(formErrors(again.data)).toEqual(["errors.invitationInvalid"]);
  });

  // Regression: the invitation page checks an existing account's password. Unthrottled, any ADMIN could
  // create an organization, invite any e-mail of the instance and guess that account's password freely.
  it("password checks on an invitation for an existing account are throttled like logins", async () => {
    const victim = await createUser();
    const inv = await createInvitation(admin.user.id, A.org.id, { email: victim.email, role: "VIEWER", departmentIds: [] });
    const tryPassword = (password: string) =>
      call(invitationRoute.action, request(`/invitation/${inv.token}`, { method: "POST", body: form({ password }) }), { token: inv.token }, "10.5.5.5");
    for (let i = 0; i < 10; i++) {
      const r = await tryPassword(`guess-${i}`);
      expect(r.status).not.toBe(302);
    }
    // After 10 wrong guesses (the login allows 5), the right password must not get in.
    const right = await tryPassword(TEST_PASSWORD);
    expect(right.status).not.toBe(302);
    expect(await getDb().membership.count({ where: { userId: victim.id, organizationId: A.org.id } })).toBe(0);
  });

  it("a malformed token shows no invitation", async () => {
    const res = await call(invitationRoute.loader, request("/invitation/abc"), { token: "abc" });
    expect(res.data).toEqual({ invitation: null });
  });
});

describe("password reset", () => {
  it("stores a hash, is valid for 24 hours, and completes once", async () => {
    expect(RESET_TTL_MS).toBe(24 * HOUR);
    const u = await createUser();
    await addMember(u.id, A.org.id, "VIEWER");
    const s1 = await createSession(u.id);
    const s2 = await createSession(u.id);
    const t0 = new Date();
    const { token, expiresAt } = await createPasswordReset(admin.user.id, A.org.id, u.id, t0);
    expect(token).toMatch(/^[a-z0-9]{48}$/);
    expect(expiresAt.getTime()).toBe(t0.getTime() + 24 * HOUR);
    const row = await getDb().passwordReset.findFirstOrThrow({ where: { userId: u.id, usedAt: null } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await getDb().auditEvent.count({ where: { action: "password_reset.created", entityId: u.id } })).toBe(1);

    expect(await getUsableReset(token, new Date(t0.getTime() + 23 * HOUR))).not.toBeNull();
    expect(await getUsableReset(token, new Date(t0.getTime() + 24 * HOUR))).toBeNull();
    expect(await completePasswordReset(token, NEW_PASSWORD, new Date(t0.getTime() + 25 * HOUR))).toEqual({ ok: false });
    expect(await verifyLogin(u.email, TEST_PASSWORD)).not.toBeNull();

    expect(await completePasswordReset(token, NEW_PASSWORD)).toEqual({ ok: true, userId: u.id });
    expect(await verifyLogin(u.email, NEW_PASSWORD)).not.toBeNull();
    expect(await verifyLogin(u.email, TEST_PASSWORD)).toBeNull();
    // Every session of the user is gone.
    expect(await validateSessionToken(s1.token)).toBeNull();
    expect(await validateSessionToken(s2.token)).toBeNull();
    expect(await getDb().session.count({ where: { userId: u.id } })).toBe(0);
    expect(await getDb().auditEvent.count({ where: { action: "password_reset.completed", entityId: u.id } })).toBe(1);

    // Single use.
    expect(await getUsableReset(token)).toBeNull();
    expect(await completePasswordReset(token, "encore une autre phrase")).toEqual({ ok: false });
    expect(await verifyLogin(u.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("a newer link invalidates the older ones", async () => {
    const u = await createUser();
    const first = await createPasswordReset(admin.user.id, A.org.id, u.id);
    const second = await createPasswordReset(admin.user.id, A.org.id, u.id);
    expect(await getUsableReset(first.token)).toBeNull();
    expect(await getUsableReset(second.token)).not.toBeNull();
    expect(await completePasswordReset(first.token, NEW_PASSWORD)).toEqual({ ok: false });
    expect(await verifyLogin(u.email, TEST_PASSWORD)).not.toBeNull();
    expect((await completePasswordReset(second.token, NEW_PASSWORD)).ok).toBe(true);
  });

  it("the reset route completes the reset and a reused link gets 410", async () => {
    const u = await createUser();
    const { token } = await createPasswordReset(admin.user.id, A.org.id, u.id);
    const loaded = await call(resetRoute.loader, request(`/reset/${token}`), { token });
    expect(loaded.data).toEqual({ reset: { email: u.email } });
    const body = () => form({ password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    const res = await call(resetRoute.action, request(`/reset/${token}`, { method: "POST", body: body() }), { token });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect((await verifyLogin(u.email, NEW_PASSWORD))?.id).toBe(u.id);
    const again = await call(resetRoute.action, request(`/reset/${token}`, { method: "POST", body: body() }), { token });
    expect(again.status).toBe(410);
    expect(formErrors(again.data)).toEqual(["errors.resetInvalid"]);
  });
});

describe("accepting applies the member-change invariants (issue 12 §8)", () => {
  it("CCAS: a DPO invites the only ADMIN as a VIEWER; acceptance is refused and the CCAS keeps its ADMIN", async () => {
    const ccas = await createOrg("CCAS");
    const onlyAdmin = await signedInMember(ccas.org.id, "ADMIN");
    const dpo = await signedInMember(ccas.org.id, "DPO");
    const inv = await createInvitation(dpo.user.id, ccas.org.id, { email: onlyAdmin.user.email, role: "VIEWER", departmentIds: [] });
    const res = await call(invitationRoute.action, request(`/invitation/${inv.token}`, { method: "POST", body: form({ password: TEST_PASSWORD }) }), {
      token: inv.token,
    });
    expect(res.status).toBe(403);
    expect(formErrors(res.data)).toEqual(["errors.invitationForbidden"]);
    expect(await getDb().membership.findUniqueOrThrow({ where: { id: onlyAdmin.membership.id } })).toMatchObject({ role: "ADMIN" });
    expect(await getDb().membership.count({ where: { organizationId: ccas.org.id, role: "ADMIN" } })).toBe(1);
    // Nothing was claimed: the invitation is still pending (not half-used).
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toBeNull();
  });

  it("an ADMIN's invitation cannot leave the organization without an ADMIN either", async () => {
    const org = await createOrg();
    const onlyAdmin = await signedInMember(org.org.id, "ADMIN");
    const inv = await createInvitation(onlyAdmin.user.id, org.org.id, { email: onlyAdmin.user.email, role: "DPO", departmentIds: [] });
    expect(await acceptInvitation(inv.token, { password: TEST_PASSWORD })).toEqual({ ok: false, reason: "last_admin" });
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: onlyAdmin.membership.id } })).role).toBe("ADMIN");
    // With a second ADMIN it is an ordinary role change.
    await signedInMember(org.org.id, "ADMIN");
    expect(await acceptInvitation(inv.token, { password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: onlyAdmin.membership.id } })).role).toBe("DPO");
  });

  it("nobody grants more than they hold: a DPO's ADMIN invitation is refused once the organization has an ADMIN", async () => {
    const org = await createOrg();
    const dpo = await signedInMember(org.org.id, "DPO");
    // Allowed when created (no ADMIN yet: the DPO may appoint the first one)...
    const first = await createInvitation(dpo.user.id, org.org.id, { email: email(), role: "ADMIN", departmentIds: [] });
    const second = await createInvitation(dpo.user.id, org.org.id, { email: email(), role: "ADMIN", departmentIds: [] });
    expect(await acceptInvitation(first.token, { name: "Première", password: NEW_PASSWORD })).toMatchObject({ ok: true });
    // ...but not once there is one: the second would be granted by a DPO over an ADMIN.
    const users = await getDb().user.count();
    expect(await acceptInvitation(second.token, { name: "Seconde", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "forbidden" });
    expect(await getDb().user.count()).toBe(users);
    expect(await getDb().membership.count({ where: { organizationId: org.org.id, role: "ADMIN" } })).toBe(1);
  });

  it("an inviter who lost their role since cannot grant through an old invitation", async () => {
    const org = await createOrg();
    await signedInMember(org.org.id, "ADMIN");
    const dpo = await signedInMember(org.org.id, "DPO");
    const inv = await createInvitation(dpo.user.id, org.org.id, { email: email(), role: "DPO", departmentIds: [] });
    await getDb().membership.update({ where: { id: dpo.membership.id }, data: { role: "VIEWER" } });
    expect(await acceptInvitation(inv.token, { name: "X", password: NEW_PASSWORD })).toEqual({ ok: false, reason: "forbidden" });
  });
});
