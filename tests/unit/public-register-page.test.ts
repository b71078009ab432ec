/**
 * Issue 11: the public register (page, JSON and CSV open data) lists the transfers computed from the
 * vendors (the demo's payroll support from Morocco) and the facts the organization still has to verify,
 * in French and in English. The page is rendered to HTML with the loader's real data; only Remix's
 * hooks are replaced by that data (no server, no database mock).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { publicRegisterCsv } from "~/documents/open-data.ts";
import { decodeText, parseCsv } from "~/import/csv.ts";
import { seedDemo } from "~/models/demo-seed.server.ts";
import { getPublicRegister, setActivityPublic, type PublicRegister } from "~/models/public-register.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import * as publicJson from "~/routes/public.$slug.register[.]json.ts";
import { getDb } from "~/utils/db.server.ts";
import type { Locale } from "~/utils/i18n.ts";
import { clientMessages } from "~/utils/messages.server.ts";
import { request } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

const hooks = vi.hoisted(() => ({ loaderData: null as unknown, rootData: null as unknown }));
vi.mock("@remix-run/react", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  useLoaderData: () => hooks.loaderData,
  useRouteLoaderData: (id: string) => (id === "root" ? hooks.rootData : undefined),
}));
const page = await import("~/routes/public.$slug.tsx");

let slug: string;
let moroccoRef: string;
let verifyRef: string;
let reg: PublicRegister;

beforeAll(async () => {
  const seeded = await seedDemo("demo-password-123");
  slug = seeded.org.slug;
  const orgId = seeded.org.id;
  const dpo = await getDb().user.findUniqueOrThrow({ where: { email: "dpo@demo.example" } });
  const data = await buildRegisterExport(orgId);
  const approved = data.activities.filter((a) => a.status === "APPROVED");
  const morocco = approved.find(
    (a) => a.analysis.transfers.some((t) => t.source === "computed" && t.country === "MA") && !a.transfers.some((t) => t.country === "MA"),
  );
  const verify = approved.find((a) => (a.analysis.toVerify ?? []).length > 0);
  if (!morocco || !verify) throw new Error("the demo has no approved activity with support from Morocco or with facts to verify");
  moroccoRef = morocco.ref;
  verifyRef = verify.ref;
  for (const ref of new Set([moroccoRef, verifyRef])) {
    const row = await getDb().activity.findFirstOrThrow({ where: { organizationId: orgId, ref } });
    await setActivityPublic(dpo.id, orgId, row.id, true);
  }
  reg = (await getPublicRegister(slug))!;
}, 180_000);

async function renderPage(locale: Locale): Promise<string> {
  const res = await page.loader({ params: { slug }, request: request(`/public/${slug}`), context: { cspNonce: "", clientIp: "127.0.0.1" } });
  hooks.loaderData = await (res as unknown as { data: unknown }).data;
  hooks.rootData = { locale, messages: clientMessages(locale) };
  return renderToStaticMarkup(createElement(page.default));
}

/** The text of the <article> of one activity. */
function articleOf(html: string, ref: string): string {
  const start = html.indexOf(`id="a-${ref}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf("</article>", start);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

describe("public register page: computed transfers and facts to verify", () => {
  it("the model gives both, with the facts in French and English", () => {
    const m = reg.activities.find((a) => a.ref === moroccoRef)!;
    expect(m.computedTransfers.some((t) => t.country === "MA" && t.chain.join(" ").includes("Ressourcia"))).toBe(true);
    const v = reg.activities.find((a) => a.ref === verifyRef)!;
    expect(v.toVerify.length).toBeGreaterThan(0);
    for (const f of v.toVerify) {
      expect(f.fr).not.toBe(f.en);
      expect(f.fr.length).toBeGreaterThan(5);
      expect(f.en).toContain(f.subject);
    }
  });

  it.each([
    ["fr", "Transferts hors de l'EEE déduits des prestataires", "Maroc", "Points encore à vérifier par la collectivité"],
    ["en", "Transfers outside the EEA deduced from the vendors", "Morocco", "Points the organisation still has to verify"],
  ] as const)("the HTML page (%s) lists the support from Morocco and the facts to verify", async (locale, heading, country, verifyHeading) => {
    const html = await renderPage(locale);
    const m = articleOf(html, moroccoRef);
    expect(m).toContain(heading);
    const line = reg.activities.find((a) => a.ref === moroccoRef)!.computedTransfers.find((t) => t.country === "MA")!;
    expect(m).toContain(`${country} — ${line.chain.join(" → ")}`);
    const v = articleOf(html, verifyRef);
    expect(v).toContain(verifyHeading);
    for (const f of reg.activities.find((a) => a.ref === verifyRef)!.toVerify) expect(v).toContain(f[locale].replace(/\s+/g, " "));
  });

  it("open data: register.json carries toVerify, the CSV a to_verify column in its language", async () => {
    const res = await call(publicJson.loader, request(`/public/${slug}/register.json`), { slug });
    const json = JSON.parse(res.text!) as { activities: { ref: string; toVerify: { fact: string; subject: string; fr: string; en: string }[] }[] };
    const expected = reg.activities.find((a) => a.ref === verifyRef)!.toVerify;
    expect(json.activities.find((a) => a.ref === verifyRef)!.toVerify).toEqual(expected);
    for (const locale of ["fr", "en"] as const) {
      const csv = parseCsv(decodeText(publicRegisterCsv(reg, locale)).text, ",");
      const idx = csv[0]!.indexOf("to_verify");
      expect(idx).toBeGreaterThan(csv[0]!.indexOf("computed_transfers"));
      expect(csv.find((r) => r[0] === verifyRef)![idx]).toBe(expected.map((f) => f[locale]).join(" ; "));
    }
  });
});
