import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { createShareLink, listShareAccesses, openShareLink, readExportBytes, revokeShareLink, ShareLinkError } from "~/models/export-log.server.ts";
import { createExport } from "~/models/exports.server.ts";
import { getPublicRegister, setActivityPublic } from "~/models/public-register.server.ts";
import * as exportsPage from "~/routes/o.$org.exports.tsx";
import * as generate from "~/routes/o.$org.exports.generate.ts";
import * as publicPage from "~/routes/public.$slug.tsx";
import * as publicCsv from "~/routes/public.$slug.register[.]csv.ts";
import * as shareFile from "~/routes/s.$token.file.ts";
import * as sharePage from "~/routes/s.$token.tsx";
import * as verify from "~/routes/verify.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";

let org: { id: string; slug: string; name: string };
let dpo: Awaited<ReturnType<typeof signedInMember>>;

beforeAll(async () => {
  const created = await createOrg("Commune d'Exportville");
  org = created.org;
  dpo = await signedInMember(org.id, "DPO");
  const dep = created.departments[0]!.id;
  let a = await createActivity(dpo.user.id, org.id, {
    content: ActivityContentSchema.parse({
      name: "Listes électorales",
      internalContact: "Mme Secrète, poste 1234",
      purposes: { main: "Tenir les listes" },
      legalBases: [{ basis: "c", text: "Code électoral L16" }],
      dataSubjects: [{ category: "residents", estimatedCount: "20000" }],
      dataCategories: [{ category: "identity", retention: { activePeriod: "3 ans", finalFate: "destruction" } }],
      recipients: [{ type: "institutional", name: "INSEE (répertoire électoral unique)" }],
      securityMeasures: [{ measure: "access_control", details: "Mot de passe du serveur : hunter2" }],
    }),
    departmentId: dep,
  });
  a = await transitionActivity(dpo.user.id, org.id, a.id, a.revision, "approve");
  await setActivityPublic(dpo.user.id, org.id, a.id, true);
  await createActivity(dpo.user.id, org.id, { content: ActivityContentSchema.parse({ name: "Brouillon confidentiel" }), departmentId: dep });
});

describe("export log and verification", () => {
  it("records each export with its SHA-256 and keeps the bytes", async () => {
    const { record, bytes } = await createExport(org.id, dpo.user.id, { format: "csv", locale: "fr", scope: "all", separator: ";" }, "ui");
    expect(record.sha256).toBe(sha256Hex(bytes));
    expect(record.size).toBe(bytes.byteLength);
    expect(readExportBytes(record.sha256)!.equals(bytes)).toBe(true);
    expect(await getDb().auditEvent.count({ where: { organizationId: org.id, action: "export.created", entityId: record.id } })).toBe(1);
  });

  it("/verify says genuine for an export's fingerprint, unknown for a tampered file, and explains bad input", async () => {
    const { record, bytes } = await createExport(org.id, dpo.user.id, { format: "json", locale: "fr", scope: "all" }, "ui");
    const genuine = await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: record.sha256.toUpperCase() }) }));
    expect(genuine.data).toMatchObject({ error: null, matches: [expect.objectContaining({ organization: org.name, format: "json" })] });
    const tampered = Buffer.from(bytes);
    tampered[10] = tampered[10]! ^ 1;
    const fd = new FormData();
    fd.append("file", new File([new Uint8Array(tampered)], "registre.json"));
    const unknown = await call(verify.action, request("/verify", { method: "POST", body: fd }));
    expect(unknown.data).toMatchObject({ error: null, matches: [] });
    const upload = new FormData();
    upload.append("file", new File([new Uint8Array(bytes)], "registre.json"));
    expect((await call(verify.action, request("/verify", { method: "POST", body: upload }))).data).toMatchObject({
      matches: [expect.objectContaining({ format: "json" })],
    });
    expect((await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: "abc" }) }))).status).toBe(400);
    expect((await call(verify.action, request("/verify", { method: "POST", body: form({}) }))).status).toBe(400);
  });
});

describe("share links", () => {
  it("refuse an expiry beyond 90 days or in the past", async () => {
    const { record } = await createExport(org.id, dpo.user.id, { format: "json", locale: "fr", scope: "all" }, "ui");
    const now = new Date();
    await expect(
      createShareLink(dpo.user.id, org.id, record.id, { recipient: "CNIL", expiresAt: new Date(now.getTime() + 91 * 86400000), passphrase: null }, now),
    ).rejects.toBeInstanceOf(ShareLinkError);
    await expect(
      createShareLink(dpo.user.id, org.id, record.id, { recipient: "CNIL", expiresAt: new Date(now.getTime() - 1000), passphrase: null }, now),
    ).rejects.toBeInstanceOf(ShareLinkError);
  });

  it("need the passphrase when set, log every access, expire and can be revoked", async () => {
    const { record, bytes } = await createExport(org.id, dpo.user.id, { format: "json", locale: "fr", scope: "all" }, "ui");
    const now = new Date();
    const { token, link } = await createShareLink(
      dpo.user.id,
      org.id,
      record.id,
      { recipient: "CNIL – contrôle 2026-123", expiresAt: new Date(now.getTime() + 7 * 86400000), passphrase: "phrase de passe" },
      now,
    );
    const meta = { ipAddress: "203.0.113.5", userAgent: "test" };
    expect((await openShareLink(token, null, meta)).status).toBe("needs_passphrase");
    expect((await openShareLink(token, "mauvaise", meta)).status).toBe("wrong_passphrase");
    const ok = await openShareLink(token, "phrase de passe", meta);
    expect(ok.status).toBe("ok");
    expect(ok.status === "ok" && ok.bytes.equals(bytes)).toBe(true);
    expect((await openShareLink(token, "phrase de passe", meta, new Date(now.getTime() + 8 * 86400000))).status).toBe("expired");
    expect(await revokeShareLink(dpo.user.id, org.id, link.id)).toBe(true);
    expect((await openShareLink(token, "phrase de passe", meta)).status).toBe("revoked");
    expect((await listShareAccesses(org.id, link.id)).map((a) => a.outcome).sort()).toEqual(["downloaded", "expired", "revoked", "wrong_passphrase"]);
    expect((await openShareLink("x".repeat(48), null, meta)).status).toBe("not_found");
  });

  it("the share page and download routes work without an account, and stop when revoked", async () => {
    const { record, bytes } = await createExport(org.id, dpo.user.id, { format: "json", locale: "en", scope: "all" }, "ui");
    const created = await call(
      exportsPage.action,
      request(`/o/${org.slug}/exports`, {
        method: "POST",
        cookie: dpo.cookie,
        body: form({ intent: "share", exportId: record.id, recipient: "CNIL", expiresAt: new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10) }),
      }),
      { org: org.slug },
    );
    const link = (created.data as { link: string }).link;
    const token = link.split("/s/")[1]!;
    const page = await call(sharePage.loader, request(`/s/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ status: "open", recipient: "CNIL", passphrase: false });
    const file = await call(shareFile.loader, request(`/s/${token}/file`), { token });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain(record.fileName);
    const body = Buffer.from(await (file.raw as Response).arrayBuffer());
    expect(body.equals(bytes)).toBe(true);
    const linkRow = await getDb().shareLink.findFirstOrThrow({ where: { exportId: record.id } });
    await call(
      exportsPage.action,
      request(`/o/${org.slug}/exports`, { method: "POST", cookie: dpo.cookie, body: form({ intent: "revoke", id: linkRow.id }) }),
      { org: org.slug },
    );
    expect((await call(sharePage.loader, request(`/s/${token}`), { token })).status).toBe(410);
    const after = await call(shareFile.loader, request(`/s/${token}/file`), { token });
    expect(after.status).toBe(302);
  });

  it("only a DPO or ADMIN shares; EDITORs cannot export the whole register", async () => {
    const viewer = await signedInMember(org.id, "VIEWER");
    const editor = await signedInMember(org.id, "EDITOR");
    expect(
      (
        await call(
          exportsPage.action,
          request(`/o/${org.slug}/exports`, { method: "POST", cookie: viewer.cookie, body: form({ intent: "revoke", id: "x" }) }),
          { org: org.slug },
        )
      ).status,
    ).toBe(403);
    expect((await call(exportsPage.loader, request(`/o/${org.slug}/exports`, { cookie: editor.cookie }), { org: org.slug })).status).toBe(403);
    expect(
      (
        await call(generate.action, request(`/o/${org.slug}/exports/generate`, { method: "POST", cookie: editor.cookie, body: form({ format: "json" }) }), {
          org: org.slug,
        })
      ).status,
    ).toBe(403);
    const ok = await call(
      generate.action,
      request(`/o/${org.slug}/exports/generate`, { method: "POST", cookie: viewer.cookie, body: form({ format: "csv", locale: "en", separator: "comma" }) }),
      { org: org.slug },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toContain("text/csv");
  });
});

describe("public register", () => {
  it("shows only public, approved activities and only the safe fields", async () => {
    const reg = (await getPublicRegister(org.slug))!;
    expect(reg.activities.map((a) => a.name)).toEqual(["Listes électorales"]);
    const json = JSON.stringify(reg);
    expect(json).not.toContain("Mme Secrète");
    expect(json).not.toContain("hunter2");
    expect(json).not.toContain("INSEE (répertoire");
    expect(json).not.toContain("Brouillon confidentiel");
    expect(json).not.toContain("20000");
    expect(reg.activities[0]).toMatchObject({ legalBases: [{ basis: "c", text: "Code électoral L16" }], recipientTypes: ["institutional"] });
  });

  it("is open without login, with open-data CSV, and 404 for an unknown organization", async () => {
    const page = await call(publicPage.loader, request(`/public/${org.slug}`), { slug: org.slug });
    expect(page.status).toBe(200);
    const csv = await call(publicCsv.loader, request(`/public/${org.slug}/register.csv?lang=en`), { slug: org.slug });
    const text = Buffer.from(await (csv.raw as Response).arrayBuffer());
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString("utf8")).toContain("Listes électorales");
    expect(text.toString("utf8")).not.toContain("Brouillon");
    expect((await call(publicPage.loader, request("/public/nowhere"), { slug: "nowhere" })).status).toBe(404);
  });
});

describe("npm run export (other formats)", () => {
  it("writes CSV and JSON-LD, and records the export as coming from the command line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-cli-"));
    const csv = path.join(dir, "r.csv");
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["app/cli/export.ts", "--org", org.slug, "--format", "csv", "--lang", "en", "--out", csv], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      stdio: "pipe",
    });
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The same data gives the same CSV bytes from the UI or the command line; the CLI's own record is the newest.
    const rec = await getDb().exportRecord.findFirstOrThrow({ where: { organizationId: org.id, sha256: sha256Hex(bytes) }, orderBy: { createdAt: "desc" } });
    expect(rec).toMatchObject({ format: "csv", channel: "cli", actorId: null });
    const jsonld = path.join(dir, "r.jsonld");
    execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["app/cli/export.ts", "--org", org.slug, "--format", "jsonld", "--out", jsonld], {
      cwd: root,
      env: { ...process.env, INIT_CWD: root },
      stdio: "pipe",
    });
    expect(JSON.parse(fs.readFileSync(jsonld, "utf8"))["@context"]).toBeDefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
