import { describe, expect, it } from "vitest";
import { getMembershipBySlug } from "~/models/membership.server.ts";
import { RENEWAL_INTERVAL_MS, createSession, inactivityTimeoutMs, validateSessionForOrganization, validateSessionToken } from "~/models/session.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, createUser } from "../helpers/factories.ts";

// The one-query lookup of organization pages (issue 18) must answer exactly as the two lookups it replaces.
describe("validateSessionForOrganization", () => {
  it("returns the same session, user and membership as validateSessionToken + getMembershipBySlug", async () => {
    const { org, departments } = await createOrg();
    const user = await createUser({ locale: "en" });
    await addMember(user.id, org.id, "EDITOR", [departments[2]!.id, departments[0]!.id]);
    const { token } = await createSession(user.id, { ipAddress: "192.0.2.7", userAgent: "Bench" });
    const both = await validateSessionForOrganization(token, org.slug);
    const session = await validateSessionToken(token);
    const membership = await getMembershipBySlug(user.id, org.slug);
    expect(both).not.toBeNull();
    expect(membership).not.toBeNull();
    const { membership: m, ...rest } = both!;
    expect(rest).toEqual(session);
    expect(m).toEqual(membership);
    expect(m!.departmentIds).toEqual([departments[0]!.id, departments[2]!.id].sort());
  });

  it("gives a null membership to a user of another organization, and to an unknown slug", async () => {
    const { org } = await createOrg();
    const { org: other } = await createOrg();
    const user = await createUser();
    await addMember(user.id, other.id, "ADMIN");
    const { token } = await createSession(user.id);
    const r = await validateSessionForOrganization(token, org.slug);
    expect(r?.user.id).toBe(user.id);
    expect(r?.membership).toBeNull();
    expect((await validateSessionForOrganization(token, "no-such-org"))?.membership).toBeNull();
    expect((await validateSessionForOrganization(token, other.slug))?.membership?.role).toBe("ADMIN");
  });

  it("refuses a wrong secret, a malformed token, and an expired session (which it deletes)", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    await addMember(user.id, org.id, "DPO");
    const { token, session } = await createSession(user.id);
    const [id] = token.split(".");
    expect(await validateSessionForOrganization(`${id}.wrongsecretwrongsecretwr`, org.slug)).toBeNull();
    expect(await validateSessionForOrganization("garbage", org.slug)).toBeNull();
    expect(await validateSessionForOrganization(`${token}.x`, org.slug)).toBeNull();
    const later = new Date(session.lastVerifiedAt.getTime() + inactivityTimeoutMs() + 1000);
    expect(await validateSessionForOrganization(token, org.slug, later)).toBeNull();
    expect(await getDb().session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("renews lastVerifiedAt once the renewal interval has passed", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    await addMember(user.id, org.id, "DPO");
    const { token, session } = await createSession(user.id);
    const later = new Date(session.lastVerifiedAt.getTime() + RENEWAL_INTERVAL_MS + 1000);
    const r = await validateSessionForOrganization(token, org.slug, later);
    expect(r?.renewed).toBe(true);
    expect((await getDb().session.findUniqueOrThrow({ where: { id: session.id } })).lastVerifiedAt).toEqual(later);
  });
});
