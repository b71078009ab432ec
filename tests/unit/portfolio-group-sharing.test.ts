/**
 * Issue 14 (ADR 019): a group shared between several DPOs of a service. The owner adds co-owners who
 * edit it; each sees only the organizations they belong to. Route × role: owner, co-owner, another DPO
 * of the service (not a co-owner), a stranger (→ 404).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addCoOwner, createGroup, getOwnGroup, listGroups, removeCoOwner, updateGroup } from "~/models/organization-group.server.ts";
import { portfolioRows } from "~/models/portfolio.server.ts";
import { canAdministerGroup, canBeCoOwner, canEditGroup, canLeaveGroup, visibleGroupOrganizations } from "~/policies/portfolio.ts";
import * as exportRoute from "~/routes/portfolio.export.ts";
import * as groupsRoute from "~/routes/portfolio.groups._index.tsx";
import * as groupRoute from "~/routes/portfolio.groups.$id.tsx";
import * as portfolioRoute from "~/routes/portfolio._index.tsx";
import { getDb } from "~/utils/db.server.ts";
import { addMember, createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type Org = { id: string; slug: string; name: string };

let S: Org; // the DPO service
let A: Org; // a commune, client of the service
let B: Org; // a CCAS, client of the service
let C: Org; // another commune, not a client
let owner: Member; // DPO of S, A and B: creates the group
let coDpo: Member; // DPO of S and A: becomes a co-owner
let otherDpo: Member; // DPO of S and B: a colleague who is not a co-owner
let stranger: Member; // DPO of C only

const rowsOf = (d: unknown) => (d as { rows: { id: string }[] }).rows.map((r) => r.id).sort();

beforeAll(async () => {
  S = (await createOrg("Syndicat numérique")).org;
  A = (await createOrg("Commune d'Alpha")).org;
  B = (await createOrg("CCAS de Bêta")).org;
  C = (await createOrg("Commune de Gamma")).org;
  await getDb().organization.update({ where: { id: S.id }, data: { kind: "dpo_service" } });
  owner = await signedInMember(S.id, "DPO");
  await addMember(owner.user.id, A.id, "DPO");
  await addMember(owner.user.id, B.id, "DPO");
  coDpo = await signedInMember(S.id, "DPO");
  await addMember(coDpo.user.id, A.id, "DPO");
  otherDpo = await signedInMember(S.id, "DPO");
  await addMember(otherDpo.user.id, B.id, "DPO");
  stranger = await signedInMember(C.id, "DPO");
}, 60_000);

describe("policies", () => {
  it("the owner administers; owner and co-owners edit; only a co-owner leaves", () => {
    const g = { ownerId: "o", coOwnerIds: ["c"] };
    expect([canEditGroup("o", g), canEditGroup("c", g), canEditGroup("x", g)]).toEqual([true, true, false]);
    expect([canAdministerGroup("o", g), canAdministerGroup("c", g)]).toEqual([true, false]);
    expect([canLeaveGroup("o", g), canLeaveGroup("c", g), canLeaveGroup("x", g)]).toEqual([false, true, false]);
  });
  it("a co-owner belongs to an organization of the group or to one of the owner's DPO services", () => {
    const group = { ownerId: "o", organizationIds: ["a", "b"] };
    expect(canBeCoOwner({ id: "u", organizationIds: new Set(["a"]) }, group, [])).toBe(true);
    expect(canBeCoOwner({ id: "u", organizationIds: new Set(["s"]) }, group, ["s"])).toBe(true);
    expect(canBeCoOwner({ id: "u", organizationIds: new Set(["s"]) }, group, [])).toBe(false);
    expect(canBeCoOwner({ id: "u", organizationIds: new Set(["c"]) }, group, ["s"])).toBe(false);
    expect(canBeCoOwner({ id: "o", organizationIds: new Set(["a"]) }, group, ["s"])).toBe(false);
  });
  it("a viewer is shown only the group's organizations they belong to", () => {
    expect(visibleGroupOrganizations(new Set(["a", "c"]), ["a", "b"])).toEqual(["a"]);
    expect(visibleGroupOrganizations(new Set(), ["a", "b"])).toEqual([]);
  });
});

describe("model: a co-owner never sees an organization they do not belong to", () => {
  it("filters the group's organizations per viewer, and keeps those an editor cannot see", async () => {
    const g = await createGroup(owner.user.id, "Clients (modèle)");
    await updateGroup(owner.user.id, g.id, 1, { name: "Clients (modèle)", organizationIds: [A.id, B.id] });
    await addCoOwner(owner.user.id, g.id, coDpo.user.email.toUpperCase());
    const seen = await getOwnGroup(coDpo.user.id, g.id);
    expect(seen!.organizationIds).toEqual([A.id]);
    expect(seen!.hiddenCount).toBe(1);
    expect((await listGroups(coDpo.user.id)).find((x) => x.id === g.id)).toMatchObject({ count: 1, shared: true });
    expect((await listGroups(owner.user.id)).find((x) => x.id === g.id)).toMatchObject({ count: 2, shared: false });
    // The portfolio's group column only ever tags the viewer's own rows.
    const rows = await portfolioRows(coDpo.user.id);
    expect(rows.map((r) => r.id).sort()).toEqual([S.id, A.id].sort());
    expect(rows.filter((r) => r.groupIds.includes(g.id)).map((r) => r.id)).toEqual([A.id]);
    // The co-owner saves with A unticked and S ticked: B, which they cannot see, stays.
    await updateGroup(coDpo.user.id, g.id, 2, { name: "Clients (modèle)", organizationIds: [S.id] });
    const members = await getDb().organizationGroupMember.findMany({ where: { groupId: g.id }, select: { organizationId: true } });
    expect(members.map((m) => m.organizationId).sort()).toEqual([S.id, B.id].sort());
    // Nor can they add an organization they do not belong to.
    await expect(updateGroup(coDpo.user.id, g.id, 3, { name: "Clients (modèle)", organizationIds: [S.id, B.id] })).rejects.toThrow();
    // Neither another DPO of the service nor a stranger can read or edit it.
    expect(await getOwnGroup(otherDpo.user.id, g.id)).toBeNull();
    expect(await getOwnGroup(stranger.user.id, g.id)).toBeNull();
    await expect(updateGroup(otherDpo.user.id, g.id, 3, { name: "Volé", organizationIds: [B.id] })).rejects.toThrow();
    await expect(addCoOwner(coDpo.user.id, g.id, otherDpo.user.email)).rejects.toThrow();
    await expect(removeCoOwner(otherDpo.user.id, g.id, coDpo.user.id)).rejects.toThrow();
    expect(await getDb().organizationGroupCoOwner.count({ where: { groupId: g.id } })).toBe(1);
  });
});

describe("routes × roles", () => {
  let id: string;
  const page = (who: { cookie: string }) => call(groupRoute.loader, request(`/portfolio/groups/${id}`, { cookie: who.cookie }), { id });
  const post = (who: { cookie: string }, body: Record<string, string | string[]>) =>
    call(groupRoute.action, request(`/portfolio/groups/${id}`, { method: "POST", cookie: who.cookie, body: form(body) }), { id });

  it("the owner shares the group with eligible users only", async () => {
    const created = await call(
      groupsRoute.action,
      request("/portfolio/groups", { method: "POST", cookie: owner.cookie, body: form({ name: "Clients du service" }) }),
    );
    id = created.location!.split("/").pop()!;
    expect((await post(owner, { intent: "update", name: "Clients du service", version: "1", org: [A.id, B.id] })).status).toBe(302);
    // A stranger (member of neither the group's organizations nor the service), an unknown address, the
    // owner themselves and a malformed address are refused, with a translated message and nothing written.
    for (const email of [stranger.user.email, "personne@nulle-part.example", owner.user.email]) {
      const r = await post(owner, { intent: "addCoOwner", email });
      expect(r.status).toBe(400);
      expect(r.data).toEqual({ error: "groupSharing.notEligible" });
    }
    expect((await post(owner, { intent: "addCoOwner", email: "pas une adresse" })).data).toEqual({ error: "groupSharing.emailInvalid" });
    expect(await getDb().organizationGroupCoOwner.count({ where: { groupId: id } })).toBe(0);
    expect((await post(owner, { intent: "addCoOwner", email: coDpo.user.email })).status).toBe(302);
    expect((await post(owner, { intent: "addCoOwner", email: coDpo.user.email })).data).toEqual({ error: "groupSharing.already" });
    expect(await getDb().auditEvent.count({ where: { action: "group.coOwnerAdded", entityId: id, organizationId: null } })).toBe(1);
    const mine = await page(owner);
    expect(mine.status).toBe(200);
    expect((mine.data as { coOwners: { id: string }[] }).coOwners.map((c) => c.id)).toEqual([coDpo.user.id]);
  });

  it("the co-owner sees and edits the group, only through their own organizations", async () => {
    const p = await page(coDpo);
    expect(p.status).toBe(200);
    const d = p.data as { organizations: { id: string; checked: boolean }[]; group: { hiddenCount: number; isOwner: boolean; canLeave: boolean } };
    // The checkboxes are the co-owner's organizations (S, A), never B.
    expect(d.organizations.map((o) => o.id).sort()).toEqual([S.id, A.id].sort());
    expect(d.organizations.find((o) => o.id === A.id)!.checked).toBe(true);
    expect(d.group).toMatchObject({ hiddenCount: 1, isOwner: false, canLeave: true });
    // The portfolio filter offers the group and keeps only the co-owner's organizations of it.
    const list = await call(groupsRoute.loader, request("/portfolio/groups", { cookie: coDpo.cookie }));
    // (The model test's group is shared with them too.)
    expect((list.data as { groups: { id: string }[] }).groups.find((g) => g.id === id)).toEqual({ id, name: "Clients du service", count: 1, shared: true });
    const filtered = await call(portfolioRoute.loader, request(`/portfolio?group=${id}`, { cookie: coDpo.cookie }));
    expect((filtered.data as { invalid: boolean }).invalid).toBe(false);
    expect(rowsOf(filtered.data)).toEqual([A.id]);
    const csv = await call(exportRoute.loader, request(`/portfolio/export?format=csv&group=${id}`, { cookie: coDpo.cookie }));
    expect(csv.text).toContain("Alpha");
    expect(csv.text).not.toContain("Bêta");
    // The owner's view of the same group has both.
    expect(rowsOf((await call(portfolioRoute.loader, request(`/portfolio?group=${id}`, { cookie: owner.cookie }))).data)).toEqual([A.id, B.id].sort());
    // The co-owner renames it and adds S; adding C (not theirs) is refused.
    expect((await post(coDpo, { intent: "update", name: "Clients", version: "2", org: [A.id, C.id] })).status).toBe(400);
    expect((await post(coDpo, { intent: "update", name: "Clients", version: "2", org: [A.id, S.id] })).status).toBe(302);
    const members = await getDb().organizationGroupMember.findMany({ where: { groupId: id }, select: { organizationId: true } });
    expect(members.map((m) => m.organizationId).sort()).toEqual([S.id, A.id, B.id].sort());
    // The owner's actions are not theirs: 404 as for a group that does not exist, nothing changes.
    expect((await post(coDpo, { intent: "delete" })).status).toBe(404);
    expect((await post(coDpo, { intent: "addCoOwner", email: otherDpo.user.email })).status).toBe(404);
    expect((await post(coDpo, { intent: "removeCoOwner", userId: coDpo.user.id })).status).toBe(404);
    expect(await getDb().organizationGroup.count({ where: { id } })).toBe(1);
    expect(await getDb().organizationGroupCoOwner.count({ where: { groupId: id } })).toBe(1);
  });

  it("another DPO of the service and a stranger: 404 everywhere, the filter is ignored", async () => {
    for (const who of [otherDpo, stranger]) {
      expect((await page(who)).status).toBe(404);
      const bodies: Record<string, string | string[]>[] = [
        { intent: "update", name: "X", version: "3", org: [] },
        { intent: "delete" },
        { intent: "addCoOwner", email: who.user.email },
        { intent: "leave" },
      ];
      for (const body of bodies) expect((await post(who, body)).status).toBe(404);
      const list = await call(groupsRoute.loader, request("/portfolio/groups", { cookie: who.cookie }));
      expect((list.data as { groups: unknown[] }).groups).toEqual([]);
      const p = await call(portfolioRoute.loader, request(`/portfolio?group=${id}`, { cookie: who.cookie }));
      expect((p.data as { invalid: boolean }).invalid).toBe(true);
    }
    // otherDpo, a colleague of the service, is eligible: the owner may add them.
    expect((await post(owner, { intent: "addCoOwner", email: otherDpo.user.email })).status).toBe(302);
    expect((await page(otherDpo)).status).toBe(200);
  });

  it("a co-owner leaves, the owner removes another; each then gets 404", async () => {
    expect((await post(coDpo, { intent: "leave" })).status).toBe(302);
    expect((await page(coDpo)).status).toBe(404);
    expect((await post(owner, { intent: "removeCoOwner", userId: otherDpo.user.id })).status).toBe(302);
    expect((await page(otherDpo)).status).toBe(404);
    expect((await post(owner, { intent: "removeCoOwner", userId: otherDpo.user.id })).status).toBe(404);
    expect(await getDb().auditEvent.count({ where: { action: { in: ["group.coOwnerLeft", "group.coOwnerRemoved"] }, entityId: id } })).toBe(2);
    // The organizations the co-owner added stay in the group; the owner deletes it.
    expect((await post(owner, { intent: "delete" })).status).toBe(302);
    expect(await getDb().organizationGroupCoOwner.count({ where: { groupId: id } })).toBe(0);
  });
});
