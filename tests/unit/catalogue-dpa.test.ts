/**
 * Issue 14 (ADR 020): a subscribing organization's own contract with a shared vendor holds its signed DPA
 * (PDF): upload, replace, download, delete, checked as a private vendor's DPA (PDF signature, size limit,
 * translated 400, nothing written on bad input). Only the subscriber's ADMIN/DPO changes it; its members
 * read it; the catalogue's owner and other subscribers never reach it. It travels in the register JSON.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { grantCatalogue, setVendorShared, storeSubscriptionDpaFile, subscribeVendor } from "~/models/catalogue.server.ts";
import { commitImport, previewImport } from "~/models/import.server.ts";
import { buildRegisterExport } from "~/models/register-export.server.ts";
import { createVendor, dpaFilePath, MAX_DPA_BYTES, readDpaFile } from "~/models/vendor.server.ts";
import * as catalogue from "~/routes/o.$org.catalogue.tsx";
import * as dpaRoute from "~/routes/o.$org.catalogue.$vendorId.dpa.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { checkMatrix, dbFingerprint, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { addMember, createOrg, createUser, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

type Member = Awaited<ReturnType<typeof signedInMember>>;
type Org = { id: string; slug: string };

let S: Org; // the DPO service, owner of the catalogue
let A: Org; // a subscribing commune
let B: Org; // another subscriber
let dpoS: Member; // DPO of S only
let dpoB: Member; // DPO of B only
const inA = {} as Record<Who, { cookie?: string }>;
let vendorId: string;
let otherSharedId: string; // shared, granted, but A does not subscribe to it

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`, "latin1");
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

function uploadForm(vendor: string, bytes: Buffer | null, name = "contrat.pdf") {
  const fd = new FormData();
  fd.append("intent", "uploadDpa");
  fd.append("vendorId", vendor);
  if (bytes) fd.append("dpaFile", new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
  return fd;
}

const post = (org: Org, cookie: string | undefined, body: FormData) =>
  call(catalogue.action, request(`/o/${org.slug}/catalogue`, { method: "POST", cookie, body }), { org: org.slug });
const download = (org: Org, cookie: string | undefined, vendor = vendorId) =>
  call(dpaRoute.loader, request(`/o/${org.slug}/catalogue/${vendor}/dpa`, { cookie }), { org: org.slug, vendorId: vendor });
const subscription = (org: Org) => getDb().vendorSubscription.findUniqueOrThrow({ where: { organizationId_vendorId: { organizationId: org.id, vendorId } } });

beforeAll(async () => {
  S = (await createOrg("Syndicat informatique")).org;
  const a = await createOrg("Commune A");
  A = a.org;
  B = (await createOrg("Commune B")).org;
  dpoS = await signedInMember(S.id, "DPO");
  dpoB = await signedInMember(B.id, "DPO");
  // The shared DPO grants and subscribes as a reviewer of both sides, then leaves A and B (ADR 020).
  await addMember(dpoS.user.id, A.id, "DPO");
  await addMember(dpoS.user.id, B.id, "DPO");
  inA.ADMIN = await signedInMember(A.id, "ADMIN");
  inA.DPO = await signedInMember(A.id, "DPO");
  inA.EDITOR = await signedInMember(A.id, "EDITOR", [a.departments[0]!.id]);
  inA.VIEWER = await signedInMember(A.id, "VIEWER");
  inA.ANONYMOUS = {};
  inA.OUTSIDER = dpoB;

  vendorId = (await createVendor(dpoS.user.id, S.id, vendorFields("Suite Mairie SaaS"))).id;
  otherSharedId = (await createVendor(dpoS.user.id, S.id, vendorFields("Paie en ligne"))).id;
  await setVendorShared(dpoS.user.id, S.id, vendorId, true);
  await setVendorShared(dpoS.user.id, S.id, otherSharedId, true);
  await grantCatalogue(dpoS.user.id, S.id, A.slug);
  await grantCatalogue(dpoS.user.id, S.id, B.slug);
  await subscribeVendor(dpoS.user.id, A.id, vendorId);
  await subscribeVendor(dpoS.user.id, B.id, vendorId);
  await getDb().membership.deleteMany({ where: { userId: dpoS.user.id, organizationId: { in: [A.id, B.id] } } });
  // B's own contract file with the same shared vendor: it must never show in A.
  await storeSubscriptionDpaFile(dpoB.user.id, B.id, vendorId, { name: "contrat-B.pdf", bytes: pdf("Contrat de B") });
});

describe("authorization matrix (in commune A)", () => {
  it("upload by ADMIN/DPO only; download by every member of A; nobody else", async () => {
    const rows: MatrixRow[] = [
      {
        name: "subscription DPA upload",
        handler: catalogue.action,
        method: "POST",
        path: (o) => `/o/${o}/catalogue`,
        params: (o) => ({ org: o }),
        body: () => uploadForm(vendorId, pdf("Contrat de A"), "Contrat A signé.pdf"),
        expect: { ADMIN: 302, DPO: 302, EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 },
      },
      {
        name: "subscription DPA download",
        handler: dpaRoute.loader,
        path: (o) => `/o/${o}/catalogue/${vendorId}/dpa`,
        params: (o) => ({ org: o, vendorId }),
        expect: { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 },
        shows: mentions(["Contrat de A"], ["Contrat de B"]),
      },
      {
        name: "subscription DPA delete",
        handler: catalogue.action,
        method: "POST",
        path: (o) => `/o/${o}/catalogue`,
        params: (o) => ({ org: o }),
        body: () => {
          const fd = new FormData();
          fd.append("intent", "deleteDpa");
          fd.append("vendorId", vendorId);
          return fd;
        },
        // Refused roles first; the DPO's delete succeeds.
        expect: { EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404, DPO: 302 },
      },
    ];
    await checkMatrix(rows, inA, A.slug);
    expect(await subscription(A)).toMatchObject({ dpaFileHash: null, dpaFileName: null, dpaFileSize: null });
    expect((await download(A, inA.VIEWER.cookie)).status).toBe(404);
    // B's contract is untouched by A's.
    expect((await subscription(B)).dpaFileHash).toBe(sha(pdf("Contrat de B")));
  });
});

describe("upload, replace, download, delete", () => {
  it("replaces the file; the page shows the current one; delete removes it from the contract", async () => {
    const first = await post(A, inA.DPO.cookie, uploadForm(vendorId, pdf("Première version"), "v1.pdf"));
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/o/${A.slug}/catalogue#vendor-${vendorId}`);
    const second = await post(A, inA.ADMIN.cookie, uploadForm(vendorId, pdf("Deuxième version"), "v2 <signée>.pdf"));
    expect(second.status).toBe(302);
    const sub = await subscription(A);
    expect(sub).toMatchObject({ dpaFileHash: sha(pdf("Deuxième version")), dpaFileName: "v2 _signée_.pdf", dpaFileSize: pdf("Deuxième version").length });

    const dl = await download(A, inA.EDITOR.cookie);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await dl.raw!.arrayBuffer()).equals(pdf("Deuxième version"))).toBe(true);

    const page = await call(catalogue.loader, request(`/o/${A.slug}/catalogue`, { cookie: inA.VIEWER.cookie }), { org: A.slug });
    const offered = (page.data as { available: { id: string; subscription: { dpaFile: unknown } | null }[] }).available.find((v) => v.id === vendorId)!;
    expect(offered.subscription!.dpaFile).toEqual({ name: "v2 _signée_.pdf", size: pdf("Deuxième version").length });

    const events = await getDb().auditEvent.findMany({
      where: { organizationId: A.id, action: { startsWith: "catalogue.contract_dpa" } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.action).slice(-2)).toEqual(["catalogue.contract_dpa_uploaded", "catalogue.contract_dpa_uploaded"]);

    const fd = new FormData();
    fd.append("intent", "deleteDpa");
    fd.append("vendorId", vendorId);
    expect((await post(A, inA.DPO.cookie, fd)).status).toBe(302);
    expect((await subscription(A)).dpaFileHash).toBeNull();
    // Nothing left to delete: 404, nothing written.
    const before = await dbFingerprint();
    expect((await post(A, inA.DPO.cookie, fd)).status).toBe(404);
    expect(await dbFingerprint()).toBe(before);
  });
});

describe("bad input: a translated 400 (or 404), nothing written", () => {
  it("not a PDF, empty, too large, no file, no vendor: refused with the private DPA's messages", async () => {
    await post(A, inA.DPO.cookie, uploadForm(vendorId, pdf("Contrat en place")));
    const kept = await subscription(A);
    const cases: [string, FormData, number, string][] = [
      ["not a PDF", uploadForm(vendorId, Buffer.from("<html>not a pdf</html>"), "faux.pdf"), 400, "errors.fileNotPdf"],
      ["empty", uploadForm(vendorId, Buffer.alloc(0)), 400, "errors.fileEmpty"],
      ["no file", uploadForm(vendorId, null), 400, "errors.fileEmpty"],
      ["too large", uploadForm(vendorId, Buffer.concat([pdf("gros"), Buffer.alloc(MAX_DPA_BYTES)])), 400, "errors.fileTooLarge"],
      ["no vendor", uploadForm("", pdf("x")), 400, "catalogue.error.invalid"],
      // A shared vendor A was granted but does not subscribe to, and one that does not exist.
      ["not subscribed", uploadForm(otherSharedId, pdf("Contrat non abonné")), 404, "catalogue.error.not_found"],
      ["unknown vendor", uploadForm("no-such-vendor", pdf("Contrat inconnu")), 404, "catalogue.error.not_found"],
    ];
    for (const [name, body, status, error] of cases) {
      const before = await dbFingerprint();
      const res = await post(A, inA.DPO.cookie, body);
      expect([name, res.status, (res.data as { error?: string } | null)?.error]).toEqual([name, status, error]);
      expect([name, await dbFingerprint()]).toEqual([name, before]);
    }
    // No file was stored for the refused uploads.
    for (const b of [pdf("Contrat non abonné"), pdf("Contrat inconnu"), Buffer.from("<html>not a pdf</html>")])
      expect(fs.existsSync(dpaFilePath(sha(b)))).toBe(false);
    expect(await subscription(A)).toEqual(kept);
  });
});

describe("the catalogue's owner and other subscribers", () => {
  it("never reach a subscriber's DPA file", async () => {
    // The owner's DPO, in the owner's organization: its vendor has no subscription there.
    expect((await download(S, dpoS.cookie)).status).toBe(404);
    // ... nor in A, of which they are no longer a member.
    expect((await download(A, dpoS.cookie)).status).toBe(404);
    // The owner's catalogue page lists its shared vendors with their subscriber count only.
    const own = await call(catalogue.loader, request(`/o/${S.slug}/catalogue`, { cookie: dpoS.cookie }), { org: S.slug });
    expect(JSON.stringify(own.data)).not.toContain("Contrat");
    // B downloads its own file, not A's.
    const b = await download(B, dpoB.cookie);
    expect(Buffer.from(await b.raw!.arrayBuffer()).equals(pdf("Contrat de B"))).toBe(true);
    // And cannot upload into A's contract through its own organization's page (it changes B's only).
    await post(B, dpoB.cookie, uploadForm(vendorId, pdf("B remplace")));
    expect((await subscription(A)).dpaFileHash).toBe(sha(pdf("Contrat en place")));
  });
});

describe("register JSON", () => {
  it("carries the subscriber's own DPA file, which a restore elsewhere brings back", async () => {
    // A register with one activity (an import restores activities first).
    await createActivity((inA.DPO as Member).user.id, A.id, {
      content: ActivityContentSchema.parse({
        name: "Paie des agents",
        purposes: { main: "Payer les agents" },
        legalBases: [{ basis: "c", text: "Code général de la fonction publique" }],
      }),
      departmentId: null,
    });
    const full = await buildRegisterExport(A.id, { files: true });
    const v = full.vendors.find((x) => x.name === "Suite Mairie SaaS")!;
    expect(v.dpa.file).toMatchObject({ size: pdf("Contrat en place").length, base64: pdf("Contrat en place").toString("base64") });
    const { org: target } = await createOrg("Commune restaurée");
    const user = await createUser();
    const preview = await previewImport(target.id, new TextEncoder().encode(JSON.stringify(full)));
    expect(preview.fileErrors).toEqual([]);
    await commitImport(user.id, target.id, preview);
    const restored = await getDb().vendor.findFirstOrThrow({ where: { organizationId: target.id, name: "Suite Mairie SaaS" } });
    expect((await readDpaFile(target.id, restored.id))!.bytes.equals(pdf("Contrat en place"))).toBe(true);
  });
});
