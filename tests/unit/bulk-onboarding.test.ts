/**
 * Issue 14 (ADR 019): bulk onboarding from CSV/XLSX (preview, all or nothing, idempotent on SIREN,
 * ADMIN invitations through the mail queue, the importer as DPO), who may do it, and the store-only
 * ZIP writer checked by Debian's unzip.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { crc32, zipStore } from "~/documents/zip.ts";
import { checkRows, readOnboardingFile } from "~/import/organizations.ts";
import { onboardOrganizations } from "~/models/bulk-onboarding.server.ts";
import * as onboard from "~/routes/portfolio.onboard.tsx";
import { getDb } from "~/utils/db.server.ts";
import { isValidSiren } from "~/utils/validation.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

/** A valid SIREN from 8 digits (the 9th is the Luhn check digit). */
function siren(prefix: string): string {
  for (let d = 0; d < 10; d++) if (isValidSiren(prefix + d)) return prefix + d;
  throw new Error("unreachable");
}

type Member = Awaited<ReturnType<typeof signedInMember>>;
let admin: Member; // ADMIN of a commune: may onboard
let serviceDpo: Member; // DPO of a DPO service: may onboard
let communeDpo: Member; // DPO of a commune only: may not
let viewer: Member;

const uid = () => Math.random().toString(36).slice(2, 8);

function csvFile(rows: string[][]): File {
  const text = rows.map((r) => r.join(";")).join("\r\n");
  return new File([text], "communes.csv", { type: "text/csv" });
}

function upload(cookie: string | undefined, file: File) {
  const fd = new FormData();
  fd.set("file", file);
  return call(onboard.action, request("/portfolio/onboard", { method: "POST", cookie, body: fd }));
}

type Preview = {
  rows: { state: string; problems: string[]; slug: string }[];
  payload: string | null;
  counts: { create: number; exists: number; errors: number };
};

beforeAll(async () => {
  const a = await createOrg("Commune Administrée");
  admin = await signedInMember(a.org.id, "ADMIN");
  const s = await createOrg("Service DPO mutualisé");
  await getDb().organization.update({ where: { id: s.org.id }, data: { kind: "dpo_service" } });
  serviceDpo = await signedInMember(s.org.id, "DPO");
  communeDpo = await signedInMember(a.org.id, "DPO");
  viewer = await signedInMember(a.org.id, "VIEWER");
});

describe("reading and checking the file", () => {
  it("maps French headers in any order, derives the slug, validates SIREN, type, département and duplicates", async () => {
    const good = siren("21290001");
    const rows = checkRows(
      await readOnboardingFile(
        new TextEncoder().encode(
          [
            "Courriel du contact;Nom;SIREN;Type;Département;Adresse",
            `maire@alpha.fr;Commune d'Alpha-sur-Mer;${good.slice(0, 3)} ${good.slice(3, 6)} ${good.slice(6)};Commune;29;1 place de la Mairie`,
            `ccas@alpha.fr;CCAS d'Alpha;123456789;CCAS;29;`,
            `x@alpha.fr;Syndicat;${good};Syndicat mixte;99;`,
            `pas-un-courriel;Ville;${siren("21290002")};Hameau;;`,
          ].join("\n"),
        ),
      ),
    );
    expect(rows[0]!.value).toMatchObject({
      name: "Commune d'Alpha-sur-Mer",
      siren: good,
      kind: "commune",
      slug: "commune-d-alpha-sur-mer",
      departmentCode: "29",
    });
    expect(rows[1]!.problems.map((p) => p.key)).toContain("errors.siren");
    expect(rows[2]!.problems.map((p) => p.key)).toEqual(expect.arrayContaining(["portfolio.onboard.errors.department"]));
    expect(rows[3]!.problems.map((p) => p.key)).toEqual(expect.arrayContaining(["errors.email", "portfolio.onboard.errors.kind"]));
    // A duplicate SIREN later in the file.
    const dup = checkRows([
      { line: 2, input: { name: "Un", siren: good, kind: "commune", slug: "", address: "", email: "a@b.fr", departmentCode: "" } },
      { line: 3, input: { name: "Deux", siren: good, kind: "commune", slug: "", address: "", email: "a@b.fr", departmentCode: "" } },
    ]);
    expect(dup[1]!.problems.map((p) => p.key)).toEqual(["portfolio.onboard.errors.duplicateSiren"]);
  });

  it("reads an XLSX, and refuses a file without the required columns", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Communes");
    ws.addRow(["Name", "SIREN", "Type", "Email"]);
    ws.addRow(["Beta", siren("21560001"), "EPCI", "president@beta.fr"]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const rows = checkRows(await readOnboardingFile(bytes));
    expect(rows[0]!.value).toMatchObject({ name: "Beta", kind: "epci", email: "president@beta.fr" });
    await expect(readOnboardingFile(new TextEncoder().encode("Nom;Adresse\nx;y\n"))).rejects.toMatchObject({ key: "portfolio.onboard.errors.columns" });
  });
});

describe("onboarding through the route", () => {
  it("only an ADMIN somewhere or the DPO of a DPO service may onboard", async () => {
    expect((await call(onboard.loader, request("/portfolio/onboard", { cookie: admin.cookie }))).status).toBe(200);
    expect((await call(onboard.loader, request("/portfolio/onboard", { cookie: serviceDpo.cookie }))).status).toBe(200);
    expect((await call(onboard.loader, request("/portfolio/onboard", { cookie: communeDpo.cookie }))).status).toBe(403);
    expect((await call(onboard.loader, request("/portfolio/onboard", { cookie: viewer.cookie }))).status).toBe(403);
    expect((await call(onboard.loader, request("/portfolio/onboard"))).status).toBe(302);
    const before = await getDb().organization.count();
    const refused = await upload(
      viewer.cookie,
      csvFile([
        ["Nom", "SIREN", "Courriel"],
        ["X", siren("21000001"), "x@x.fr"],
      ]),
    );
    expect(refused.status).toBe(403);
    const forged = await call(onboard.action, request("/portfolio/onboard", { method: "POST", cookie: communeDpo.cookie, body: form({ payload: "[]" }) }));
    expect(forged.status).toBe(403);
    expect(await getDb().organization.count()).toBe(before);
  });

  it("preview, confirm, then a second run creates nothing; the importer is DPO, the contact is invited as ADMIN by mail", async () => {
    const tag = uid();
    const sirens = [siren("2135" + "0001"), siren("2135" + "0002"), siren("2135" + "0003")];
    const file = csvFile([
      ["Nom", "SIREN", "Type", "Identifiant", "Courriel du contact", "Département"],
      [`Commune A ${tag}`, sirens[0]!, "commune", `a-${tag}`, `maire-a-${tag}@example.fr`, "35"],
      [`Commune B ${tag}`, sirens[1]!, "commune", `b-${tag}`, `maire-b-${tag}@example.fr`, "35"],
      [`CCAS de A ${tag}`, sirens[2]!, "CCAS", `ccas-a-${tag}`, `directrice-${tag}@example.fr`, "35"],
    ]);
    const before = await getDb().organization.count();
    const res = await upload(serviceDpo.cookie, file);
    expect(res.status).toBe(200);
    const p = (res.data as { preview: Preview }).preview;
    expect(p.counts).toEqual({ create: 3, exists: 0, errors: 0 });
    // The preview wrote nothing.
    expect(await getDb().organization.count()).toBe(before);
    const done = await call(onboard.action, request("/portfolio/onboard", { method: "POST", cookie: serviceDpo.cookie, body: form({ payload: p.payload! }) }));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/portfolio");
    const orgs = await getDb().organization.findMany({ where: { siren: { in: sirens } }, include: { memberships: true, invitations: true } });
    expect(orgs).toHaveLength(3);
    for (const o of orgs) {
      expect(o.memberships.map((m) => [m.userId, m.role])).toEqual([[serviceDpo.user.id, "DPO"]]);
      expect(o.invitations.map((i) => i.role)).toEqual(["ADMIN"]);
      expect(o.departmentCode).toBe("35");
      expect(o.dpoEmail).toBe(serviceDpo.user.email);
    }
    expect(orgs.find((o) => o.slug === `ccas-a-${tag}`)!.kind).toBe("ccas");
    const mails = await getDb().mailMessage.findMany({ where: { organizationId: { in: orgs.map((o) => o.id) }, kind: "invitation" } });
    expect(mails.map((m) => m.toEmail).sort()).toEqual([`directrice-${tag}@example.fr`, `maire-a-${tag}@example.fr`, `maire-b-${tag}@example.fr`]);
    // Run again: the preview says they exist, and confirming creates nothing.
    const again = await upload(serviceDpo.cookie, file);
    const p2 = (again.data as { preview: Preview }).preview;
    expect(p2.counts).toEqual({ create: 0, exists: 3, errors: 0 });
    await call(onboard.action, request("/portfolio/onboard", { method: "POST", cookie: serviceDpo.cookie, body: form({ payload: p.payload! }) }));
    expect(await getDb().organization.count()).toBe(before + 3);
    expect(await getDb().invitation.count({ where: { organizationId: { in: orgs.map((o) => o.id) } } })).toBe(3);
  });

  it("all or nothing: one bad row blocks the file; a slug taken at confirmation rolls everything back", async () => {
    const tag = uid();
    const bad = await upload(
      admin.cookie,
      csvFile([
        ["Nom", "SIREN", "Type", "Courriel"],
        [`Bonne ${tag}`, siren("2144" + "0001"), "commune", "a@b.fr"],
        [`Mauvaise ${tag}`, "123456789", "commune", "a@b.fr"],
      ]),
    );
    const p = (bad.data as { preview: Preview }).preview;
    expect(p.counts.errors).toBe(1);
    expect(p.payload).toBeNull();
    // The model itself: the second organization's slug is taken, so the first is not created either.
    const existing = await createOrg(`Déjà là ${tag}`);
    const before = await getDb().organization.count();
    await expect(
      onboardOrganizations(admin.user.id, [
        { name: `Nouvelle ${tag}`, siren: siren("2144" + "0002"), kind: "commune", slug: `nouvelle-${tag}`, email: "m@x.fr" },
        { name: `Conflit ${tag}`, siren: siren("2144" + "0003"), kind: "commune", slug: existing.org.slug, email: "m@x.fr" },
      ]),
    ).rejects.toThrow();
    expect(await getDb().organization.count()).toBe(before);
    // A tampered payload is refused with a 400, nothing written.
    const tampered = await call(
      onboard.action,
      request("/portfolio/onboard", { method: "POST", cookie: admin.cookie, body: form({ payload: JSON.stringify([{ name: "X", siren: "123456789" }]) }) }),
    );
    expect(tampered.status).toBe(400);
    expect((await upload(admin.cookie, new File([], "vide.csv"))).status).toBe(400);
    expect(await getDb().organization.count()).toBe(before);
  });
});

describe("store-only ZIP writer", () => {
  it("CRC-32 matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("writes an archive that unzip -t accepts, with UTF-8 names and the exact bytes", () => {
    const entries = [
      { name: "registre-commune-d-été.pdf", bytes: new TextEncoder().encode("%PDF-1.7 un registre\n") },
      { name: "vide.txt", bytes: new Uint8Array(0) },
      { name: "binaire.bin", bytes: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff) },
    ];
    const zip = zipStore(entries, new Date("2026-12-03T10:00:00Z"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-zip-"));
    const file = path.join(dir, "t.zip");
    fs.writeFileSync(file, zip);
    let unzip = true;
    try {
      execFileSync("unzip", ["-v"], { stdio: "ignore" });
    } catch {
      unzip = false;
    }
    if (unzip) {
      const out = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
      expect(out).toContain("No errors detected");
      execFileSync("unzip", ["-q", file, "-d", path.join(dir, "x")]);
      for (const e of entries) expect(new Uint8Array(fs.readFileSync(path.join(dir, "x", e.name)))).toEqual(e.bytes);
    }
    // Without unzip, the structure is still checked: the end record counts every entry.
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(zip.readUInt16LE(eocd + 10)).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
