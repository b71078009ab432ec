/**
 * Issue 13: first-run setup refuses a bad SIREN or slug with a 400 and the translated field error
 * key, and writes nothing. These tests need the empty database of this file (setup closes once a
 * user exists), so they live apart from the other route tests.
 */
import { describe, expect, it } from "vitest";
import * as setup from "~/routes/setup.tsx";
import { getDb } from "~/utils/db.server.ts";
import { translate } from "~/utils/messages.server.ts";
import { isValidSiren } from "~/utils/validation.ts";
import { form, request } from "../helpers/factories.ts";
import { call, fieldErrors } from "./route-helpers.ts";

const body = (over: Record<string, string>) =>
  form({
    orgName: "Ville de Contrôle",
    orgSlug: "ville-controle",
    siren: "",
    headcount: "",
    name: "Claire Contrôle",
    email: "claire@controle.example",
    password: "une phrase de passe",
    confirm: "une phrase de passe",
    role: "DPO",
    ...over,
  });

async function nothingWritten(orgs = 0) {
  expect(await getDb().user.count()).toBe(0);
  expect(await getDb().organization.count()).toBe(orgs);
  expect(await getDb().membership.count()).toBe(0);
  expect(await getDb().session.count()).toBe(0);
}

describe("setup validation", () => {
  it("the SIREN fixtures are what the tests claim", () => {
    expect(isValidSiren("123456782")).toBe(true);
    expect(isValidSiren("123456789")).toBe(false);
  });

  it.each([
    ["bad Luhn checksum", "123456789"],
    ["too short", "12345678"],
    ["too long", "1234567820"],
    ["letters", "12345678A"],
  ])("refuses a SIREN with a %s: 400, errors.siren, nothing written", async (_label, siren) => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: body({ siren }) }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "siren")).toEqual(["errors.siren"]);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    await nothingWritten();
  });

  it.each(["Ville Contrôle", "ville_controle", "-ville", "ville--controle"])("refuses the slug %j: 400, errors.slug, nothing written", async (orgSlug) => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: body({ orgSlug, siren: "123456782" }) }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "orgSlug")).toEqual(["errors.slug"]);
    await nothingWritten();
  });

  it("refuses a slug already taken: 400, errors.slugTaken, nothing written", async () => {
    // An organization without any user keeps setup open.
    await getDb().organization.create({ data: { name: "Déjà là", slug: "deja-la", defaultLocale: "fr" } });
    const res = await call(setup.action, request("/setup", { method: "POST", body: body({ orgSlug: "deja-la", siren: "123456782" }) }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "orgSlug")).toEqual(["errors.slugTaken"]);
    await nothingWritten(1);
    // A slug derived from the name is checked the same way.
    await getDb().organization.create({ data: { name: "Ville de Contrôle", slug: "ville-de-controle", defaultLocale: "fr" } });
    const derived = await call(setup.action, request("/setup", { method: "POST", body: body({ orgSlug: "" }) }));
    expect(derived.status).toBe(400);
    expect(fieldErrors(derived.data, "orgSlug")).toEqual(["errors.slugTaken"]);
    await nothingWritten(2);
  });

  it("the error keys are translated in French and English", () => {
    for (const key of ["errors.siren", "errors.slug", "errors.slugTaken"] as const) {
      for (const locale of ["fr", "en"] as const) {
        const text = translate(locale, key);
        expect(text).not.toBe(key);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it("a valid SIREN and free slug succeed (the refusals above were not a closed form)", async () => {
    const res = await call(setup.action, request("/setup", { method: "POST", body: body({ siren: "123 456 782" }) }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/o/ville-controle");
    const org = await getDb().organization.findUniqueOrThrow({ where: { slug: "ville-controle" } });
    expect(org.siren).toBe("123456782");
    expect(await getDb().user.count()).toBe(1);
  });
});
