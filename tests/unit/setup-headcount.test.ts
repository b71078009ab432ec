/**
 * Issue 10: the organization's headcount (CNIL exempt type 1 applies below 250 staff) can be entered
 * when the first organization is set up, when another one is created, and in its settings, with the
 * same validation everywhere: a whole number from 0 to 10,000,000, or blank.
 */
import { describe, expect, it } from "vitest";
import * as settings from "~/routes/o.$org.settings.tsx";
import * as orgsNew from "~/routes/orgs.new.tsx";
import * as setup from "~/routes/setup.tsx";
import { headcountField, OrganizationFieldsSchema } from "~/schemas/organization.ts";
import { getDb } from "~/utils/db.server.ts";
import { translate } from "~/utils/messages.server.ts";
import { form, request, signedInMember } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

const setupBody = (headcount: string) =>
  form({
    orgName: "Ville de Première",
    orgSlug: "ville-premiere",
    siren: "",
    headcount,
    name: "Paule Première",
    email: "paule@premiere.example",
    password: "une phrase de passe",
    confirm: "une phrase de passe",
    role: "DPO",
  });

// These run first, on the still empty database of this file.
describe("first-run setup asks for the headcount", () => {
  it.each(["-3", "12,5", "beaucoup", "10000001"])("refuses %j with the translated message and writes nothing", async (headcount) => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: setupBody(headcount) }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "headcount")).toEqual(["errors.headcount"]);
    expect(await getDb().user.count()).toBe(0);
    expect(await getDb().organization.count()).toBe(0);
  });

  it("records it on the first organization", async () => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: setupBody("1 200") }));
    expect(res.status).toBe(302);
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug: "ville-premiere" } });
    expect(org.headcount).toBe(1200);
  });
});

describe("the same rule when creating an organization and in its settings", () => {
  it("the field accepts 0 to 10,000,000 and blank, nothing else", () => {
    const parse = (v: unknown) => headcountField.safeParse(v);
    expect(parse("0")).toMatchObject({ success: true, data: 0 });
    expect(parse(" 249 ")).toMatchObject({ success: true, data: 249 });
    expect(parse("10000000")).toMatchObject({ success: true, data: 10_000_000 });
    expect(parse("")).toMatchObject({ success: true, data: undefined });
    for (const bad of ["10000001", "-1", "1.5", "1e3", "abc"]) expect(parse(bad).success, bad).toBe(false);
    expect(OrganizationFieldsSchema.shape.headcount).toBe(headcountField);
    expect(translate("fr", "errors.headcount")).toContain("10 000 000");
    expect(translate("en", "errors.headcount")).toContain("10,000,000");
  });

  it("a new organization records its headcount; a bad one is a 400 with the field error", async () => {
    const firstOrg = await getDb().organization.findUniqueOrThrow({ where: { slug: "ville-premiere" } });
    const admin = await signedInMember(firstOrg.id, "ADMIN");
    const body = (headcount: string) => form({ name: "Syndicat des eaux", slug: "syndicat-eaux", siren: "", defaultLocale: "fr", headcount });
    const bad = await call(orgsNew.action, request("/orgs/new", { method: "POST", body: body("-5"), cookie: admin.cookie }));
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "headcount")).toEqual(["errors.headcount"]);
    expect(await getDb().organization.count({ where: { slug: "syndicat-eaux" } })).toBe(0);
    const ok = await call(orgsNew.action, request("/orgs/new", { method: "POST", body: body("0"), cookie: admin.cookie }));
    expect(ok.status).toBe(302);
    expect((await getDb().organization.findUniqueOrThrow({ where: { slug: "syndicat-eaux" } })).headcount).toBe(0);
  });

  it("the settings change it, and a blank clears it", async () => {
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug: "ville-premiere" } });
    const admin = await signedInMember(org.id, "ADMIN");
    const body = (headcount: string, version: number) => form({ name: org.name, siren: "", defaultLocale: "fr", headcount, version: String(version) });
    const post = (b: FormData) =>
      call(settings.action, request("/o/ville-premiere/settings", { method: "POST", body: b, cookie: admin.cookie }), { org: org.slug });
    const bad = await post(body("250,5", org.version));
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "headcount")).toEqual(["errors.headcount"]);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: org.id } })).headcount).toBe(1200);
    expect((await post(body("", org.version))).status).toBeLessThan(400);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: org.id } })).headcount).toBeNull();
  });
});
