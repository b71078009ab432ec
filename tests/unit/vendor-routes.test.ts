/** Vendor catalogue, vendor page, DPA upload and download, own hosting: validation, authorization, locking. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import {
  addLocation,
  createService,
  createVendor,
  DPA_STATUSES as MODEL_DPA_STATUSES,
  getVendor,
  linkActivity,
  MAX_DPA_BYTES,
  type VendorInput,
} from "~/models/vendor.server.ts";
import * as hosting from "~/routes/o.$org.hosting.tsx";
import * as vendorPage from "~/routes/o.$org.vendors.$vendorId/route.tsx";
import * as vendorDpa from "~/routes/o.$org.vendors.$vendorId.dpa.tsx";
import * as vendorEdit from "~/routes/o.$org.vendors.$vendorId.edit.tsx";
import * as catalogue from "~/routes/o.$org.vendors._index.tsx";
import * as vendorNew from "~/routes/o.$org.vendors.new.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { DPA_STATUSES, isRegistrationNumber, VendorFormSchema } from "~/schemas/vendor.ts";
import { getEnv } from "~/utils/env.server.ts";
import { checkMatrix, mentions, type MatrixRow, type Who } from "../helpers/authorization-matrix.ts";
import { createOrg, createUser, form, request, signedInMember, vendorFields } from "../helpers/factories.ts";
import { call, fieldErrors, formErrors } from "./route-helpers.ts";

let slug: string;
let orgId: string;
let actorId: string;
let vendorId: string;
let serviceId: string;
const callers = {} as Record<Who, { cookie?: string }>;

function vendorInput(over: Partial<VendorInput> = {}): VendorInput {
  return vendorFields(`Prestataire ${crypto.randomBytes(3).toString("hex")}`, over);
}

beforeAll(async () => {
  const { org } = await createOrg();
  slug = org.slug;
  orgId = org.id;
  actorId = (await createUser()).id;
  for (const role of ["ADMIN", "DPO", "EDITOR", "VIEWER"] as const) callers[role] = { cookie: (await signedInMember(org.id, role)).cookie };
  callers.ANONYMOUS = {};
  const outsider = await createOrg();
  callers.OUTSIDER = { cookie: (await signedInMember(outsider.org.id, "ADMIN")).cookie };
  const v = await createVendor(actorId, orgId, vendorInput({ name: "Cloud Souverain" }));
  vendorId = v.id;
  serviceId = (await createService(actorId, orgId, vendorId, { name: "Messagerie", description: null, secNumCloudQualified: false, secNumCloudDate: null })).id;
});

const vendorPath = (sub = "") => `/o/${slug}/vendors/${vendorId}${sub}`;
const post = (url: string, who: Who, body: FormData) => request(url, { method: "POST", cookie: callers[who].cookie, body });
const validVendor = (over: Record<string, string> = {}) => ({
  name: `Nouveau ${crypto.randomBytes(3).toString("hex")}`,
  country: "FR",
  dpaStatus: "NONE",
  dpfCertified: "",
  ...over,
});

describe("vendor schemas", () => {
  it("share the model's DPA statuses", () => {
    expect([...DPA_STATUSES]).toEqual([...MODEL_DPA_STATUSES]);
  });

  it("accept SIREN, SIRET and EU VAT shapes, refuse garbage", () => {
    for (const ok of ["123456789", "12345678900012", "FR12345678901", "FRAB123456789", "DE123456789", "IT12345678901"])
      expect(isRegistrationNumber(ok), ok).toBe(true);
    for (const bad of ["12345", "1234567890", "FR123", "US123456789", "XX12345678", "garbage", "FRIO123456789"])
      expect(isRegistrationNumber(bad), bad).toBe(false);
    // Issue 10 point 3: a French vendor cannot be DPF-certified, so the shape test records "no".
    const r = VendorFormSchema.safeParse({ name: "A", country: "fr", registrationNumber: "fr 12 345 678 901", dpfCertified: "no", dpfCheckedAt: "2025-01-02" });
    expect(r.success && r.data).toMatchObject({ country: "FR", registrationNumber: "FR12345678901", dpfCertified: false, dpaStatus: "NONE" });
  });
});

describe("vendor forms refuse bad input with the right message keys", () => {
  it("new vendor: unknown country, registration garbage, DPF without date, dates in the wrong order", async () => {
    const res = await call(
      vendorNew.action,
      post(
        `/o/${slug}/vendors/new`,
        "DPO",
        form(
          validVendor({
            country: "XX",
            registrationNumber: "n'importe quoi",
            dpfCertified: "yes",
            dpaStatus: "SIGNED",
            dpaSignedAt: "2025-06-01",
            dpaNextReview: "2025-01-01",
            website: "javascript:alert(1)",
            contactEmail: "pas-un-email",
          }),
        ),
      ),
      { org: slug },
    );
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "country")).toEqual(["errors.country"]);
    expect(fieldErrors(res.data, "registrationNumber")).toEqual(["errors.registrationNumber"]);
    expect(fieldErrors(res.data, "dpfCheckedAt")).toEqual(["errors.dpfCheckedAtRequired"]);
    expect(fieldErrors(res.data, "dpaNextReview")).toEqual(["errors.dateOrder"]);
    expect(fieldErrors(res.data, "website")).toEqual(["errors.url"]);
    expect(fieldErrors(res.data, "contactEmail")).toEqual(["errors.email"]);
  });

  it("new vendor: missing name and country, signed DPA without date, unknown parent country, DPF 'no' without date", async () => {
    const res = await call(vendorNew.action, post(`/o/${slug}/vendors/new`, "ADMIN", form({ name: " ", country: "", parentCountry: "ZZ" })), { org: slug });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.data, "name")).toEqual(["errors.required"]);
    expect(fieldErrors(res.data, "country")).toEqual(["errors.required"]);
    expect(fieldErrors(res.data, "parentCountry")).toEqual(["errors.country"]);
    // Cross-field rules run once the fields themselves are valid (Zod skips refinements after a missing field).
    const cross = await call(
      vendorNew.action,
      post(`/o/${slug}/vendors/new`, "ADMIN", form(validVendor({ dpaStatus: "SIGNED", dpfCertified: "no", dpaNextReview: "2025-01-01" }))),
      { org: slug },
    );
    expect(cross.status).toBe(400);
    expect(fieldErrors(cross.data, "dpaSignedAt")).toEqual(["errors.dpaSignedAtRequired"]);
    expect(fieldErrors(cross.data, "dpfCheckedAt")).toEqual(["errors.dpfCheckedAtRequired"]);
    expect(fieldErrors(cross.data, "dpaNextReview")).toEqual([]);
    const same = await call(
      vendorNew.action,
      post(`/o/${slug}/vendors/new`, "ADMIN", form(validVendor({ dpaStatus: "SIGNED", dpaSignedAt: "2025-01-01", dpaNextReview: "2025-01-01" }))),
      { org: slug },
    );
    expect(fieldErrors(same.data, "dpaNextReview")).toEqual(["errors.dateOrder"]);
  });

  it("new vendor: a valid form creates it and redirects to its page with a toast; a duplicate name is refused", async () => {
    const name = `Hébergeur ${crypto.randomBytes(3).toString("hex")}`;
    const res = await call(
      vendorNew.action,
      post(
        `/o/${slug}/vendors/new`,
        "DPO",
        form(
          validVendor({
            name,
            country: "us",
            registrationNumber: "",
            dpfCertified: "yes",
            dpfCheckedAt: "2025-03-01",
            dpaStatus: "SIGNED",
            dpaSignedAt: "2025-01-15",
            dpaNextReview: "2026-01-15",
          }),
        ),
      ),
      { org: slug },
    );
    expect(res.status).toBe(302);
    const id = /\/vendors\/([^/?#]+)$/.exec(res.location!)![1]!;
    expect(res.headers.get("Set-Cookie")).toContain("registre_toast=");
    const stored = await getVendor(orgId, id);
    expect(stored).toMatchObject({ name, country: "US", dpfCertified: true, dpaStatus: "SIGNED", version: 1 });
    expect(stored!.dpaSignedAt!.toISOString().slice(0, 10)).toBe("2025-01-15");
    const dup = await call(vendorNew.action, post(`/o/${slug}/vendors/new`, "DPO", form(validVendor({ name }))), { org: slug });
    expect(dup.status).toBe(400);
    expect(fieldErrors(dup.data, "name")).toEqual(["errors.vendorExists"]);
  });

  it("service and location forms: SecNumCloud without date, unknown country, bad role, bad safeguard", async () => {
    const svc = await call(vendorPage.action, post(vendorPath(), "DPO", form({ intent: "createService", name: "Sauvegarde", secNumCloudQualified: "on" })), {
      org: slug,
      vendorId,
    });
    expect(svc.status).toBe(400);
    expect(fieldErrors(svc.data, "secNumCloudDate")).toEqual(["errors.secNumCloudDateRequired"]);
    const loc = await call(
      vendorPage.action,
      post(
        vendorPath(),
        "DPO",
        form({ intent: "addLocation", serviceId, role: "TELEPORT", country: "XX", safeguard: "PINKY_PROMISE", safeguardUrl: "ftp://x" }),
      ),
      { org: slug, vendorId },
    );
    expect(loc.status).toBe(400);
    expect(fieldErrors(loc.data, "role")).toEqual(["errors.choice"]);
    expect(fieldErrors(loc.data, "country")).toEqual(["errors.country"]);
    expect(fieldErrors(loc.data, "safeguard")).toEqual(["errors.choice"]);
    expect(fieldErrors(loc.data, "safeguardUrl")).toEqual(["errors.url"]);
    const self = await call(
      vendorPage.action,
      post(vendorPath(), "DPO", form({ intent: "addLocation", serviceId, role: "STORAGE", country: "FR", providerServiceId: serviceId })),
      { org: slug, vendorId },
    );
    expect(self.status).toBe(400);
    expect(fieldErrors(self.data, "providerServiceId")).toEqual(["errors.choice"]);
    expect((await getVendor(orgId, vendorId))!.services.find((s) => s.id === serviceId)!.locations).toEqual([]);
  });

  it("hosting site: name required, unknown country; a valid one defaults to France", async () => {
    const bad = await call(hosting.action, post(`/o/${slug}/hosting`, "ADMIN", form({ intent: "create", name: "", country: "XX" })), { org: slug });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.data, "name")).toEqual(["errors.required"]);
    expect(fieldErrors(bad.data, "country")).toEqual(["errors.country"]);
    const ok = await call(hosting.action, post(`/o/${slug}/hosting`, "ADMIN", form({ intent: "create", name: "Salle serveurs mairie" })), { org: slug });
    expect(ok.status).toBe(302);
    const list = await call(hosting.loader, request(`/o/${slug}/hosting`, { cookie: callers.VIEWER.cookie }), { org: slug });
    expect((list.data as { sites: { name: string; country: string }[] }).sites).toEqual([
      expect.objectContaining({ name: "Salle serveurs mairie", country: "FR" }),
    ]);
    const dup = await call(hosting.action, post(`/o/${slug}/hosting`, "ADMIN", form({ intent: "create", name: "Salle serveurs mairie" })), { org: slug });
    expect(dup.status).toBe(400);
    expect(fieldErrors(dup.data, "name")).toEqual(["errors.hostingSiteExists"]);
  });
});

function upload(who: Who, file: File | null, url = vendorPath()) {
  const fd = new FormData();
  fd.append("intent", "uploadDpa");
  if (file) fd.append("dpaFile", file);
  return post(url, who, fd);
}

const sha = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const filesDir = () => path.join(path.dirname(getEnv().databaseFile), "files");

describe("DPA upload and download", () => {
  it("refuses an oversize, a non-PDF and an empty file with 400, storing nothing", async () => {
    const big = new Uint8Array(MAX_DPA_BYTES + 1024);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const text = new TextEncoder().encode("Ceci n'est pas un PDF, malgré son nom.");
    const cases: [File | null, string][] = [
      [new File([big], "enorme.pdf", { type: "application/pdf" }), "errors.fileTooLarge"],
      [new File([png], "image.pdf", { type: "application/pdf" }), "errors.fileNotPdf"],
      [new File([text], "contrat.pdf", { type: "application/pdf" }), "errors.fileNotPdf"],
      [new File([], "vide.pdf", { type: "application/pdf" }), "errors.fileEmpty"],
      [new File([], "", { type: "application/octet-stream" }), "errors.fileEmpty"],
      [null, "errors.fileEmpty"],
    ];
    for (const [file, key] of cases) {
      const res = await call(vendorPage.action, upload("DPO", file), { org: slug, vendorId });
      expect(res.status, key).toBe(400);
      expect((res.data as { fileError?: string }).fileError, key).toBe(key);
    }
    for (const bytes of [big, png, text]) expect(fs.existsSync(path.join(filesDir(), `${sha(bytes)}.pdf`))).toBe(false);
    const v = await getVendor(orgId, vendorId);
    expect(v).toMatchObject({ dpaFileHash: null, dpaFileName: null, dpaFileSize: null });
    // Nothing stored: no download either.
    const dl = await call(vendorDpa.loader, request(vendorPath("/dpa"), { cookie: callers.VIEWER.cookie }), { org: slug, vendorId });
    expect(dl.status).toBe(404);
  });

  it("stores a small PDF under files/<sha256>.pdf; members download it, other organizations get 404", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\n% contrat de sous-traitance\n1 0 obj <<>> endobj\n%%EOF\n");
    const res = await call(vendorPage.action, upload("ADMIN", new File([bytes], "Contrat signé 2025.pdf", { type: "application/pdf" })), {
      org: slug,
      vendorId,
    });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${vendorPath()}#dpa-h`);
    const hash = sha(bytes);
    const stored = path.join(filesDir(), `${hash}.pdf`);
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(bytes));
    expect(await getVendor(orgId, vendorId)).toMatchObject({ dpaFileHash: hash, dpaFileSize: bytes.byteLength, dpaFileName: "Contrat signé 2025.pdf" });

    for (const who of ["VIEWER", "EDITOR", "DPO"] as const) {
      const dl = await call(vendorDpa.loader, request(vendorPath("/dpa"), { cookie: callers[who].cookie }), { org: slug, vendorId });
      expect(dl.status, who).toBe(200);
      expect(dl.headers.get("Content-Type")).toBe("application/pdf");
      expect(dl.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(dl.headers.get("Cache-Control")).toBe("private, no-store");
      expect(dl.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="Contrat signe 2025\.pdf"; filename\*=UTF-8''Contrat%20sign%C3%A9%202025\.pdf$/,
      );
      expect(dl.text).toBe(new TextDecoder().decode(bytes));
    }
    const outsider = await call(vendorDpa.loader, request(vendorPath("/dpa"), { cookie: callers.OUTSIDER.cookie }), { org: slug, vendorId });
    expect(outsider.status).toBe(404);
    // Even through the outsider's own organization slug, the vendor is not found.
    const other = await call(vendorDpa.loader, request(vendorPath("/dpa"), { cookie: callers.OUTSIDER.cookie }), { org: "no-such-org", vendorId });
    expect(other.status).toBe(404);
    const anonymous = await call(vendorDpa.loader, request(vendorPath("/dpa")), { org: slug, vendorId });
    expect(anonymous.status).toBe(302);
    const page = await call(vendorPage.loader, request(vendorPath(), { cookie: callers.VIEWER.cookie }), { org: slug, vendorId });
    expect((page.data as { vendor: { dpaFile: unknown } }).vendor.dpaFile).toEqual({ name: "Contrat signé 2025.pdf", size: bytes.byteLength });
  });

  it("refuses an upload from a member without vendors:manage before reading it", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\nautre\n");
    for (const who of ["EDITOR", "VIEWER"] as const) {
      const res = await call(vendorPage.action, upload(who, new File([bytes], "x.pdf")), { org: slug, vendorId });
      expect(res.status, who).toBe(403);
    }
    expect(fs.existsSync(path.join(filesDir(), `${sha(bytes)}.pdf`))).toBe(false);
  });
});

describe("vendor authorization matrix", () => {
  it("reading is open to members, writing needs vendors:manage", async () => {
    const org = (s: string) => ({ org: s });
    const vendor = (s: string) => ({ org: s, vendorId });
    const everyone = { ADMIN: 200, DPO: 200, EDITOR: 200, VIEWER: 200, ANONYMOUS: 302, OUTSIDER: 404 };
    const writes = { EDITOR: 403, VIEWER: 403, ANONYMOUS: 302, OUTSIDER: 404 };
    const rows: MatrixRow[] = [
      {
        name: "catalogue",
        handler: catalogue.loader,
        path: (s) => `/o/${s}/vendors`,
        params: org,
        expect: everyone,
        shows: mentions(["Cloud Souverain"]),
      },
      { name: "vendor page", handler: vendorPage.loader, path: () => vendorPath(), params: vendor, expect: everyone },
      { name: "own hosting", handler: hosting.loader, path: (s) => `/o/${s}/hosting`, params: org, expect: everyone },
      {
        name: "new vendor form",
        handler: vendorNew.loader,
        path: (s) => `/o/${s}/vendors/new`,
        params: org,
        expect: { ADMIN: 200, DPO: 200, ...writes },
        // An empty form: the loader only checks the permission.
        shows: (o) => (o.data === null ? null : `expected no data, got ${JSON.stringify(o.data)}`),
      },
      { name: "edit form", handler: vendorEdit.loader, path: () => vendorPath("/edit"), params: vendor, expect: { ADMIN: 200, DPO: 200, ...writes } },
      {
        name: "unknown vendor",
        handler: vendorPage.loader,
        path: (s) => `/o/${s}/vendors/nope`,
        params: (s) => ({ org: s, vendorId: "nope" }),
        expect: { DPO: 404, VIEWER: 404 },
      },
      {
        name: "create vendor",
        handler: vendorNew.action,
        method: "POST",
        path: (s) => `/o/${s}/vendors/new`,
        params: org,
        body: () => form(validVendor()),
        expect: writes,
      },
      {
        name: "edit vendor",
        handler: vendorEdit.action,
        method: "POST",
        path: () => vendorPath("/edit"),
        params: vendor,
        body: () => form(validVendor({ name: "Piraté", version: "1" })),
        expect: writes,
      },
      {
        name: "add service",
        handler: vendorPage.action,
        method: "POST",
        path: () => vendorPath(),
        params: vendor,
        body: () => form({ intent: "createService", name: "Intrus" }),
        expect: writes,
      },
      {
        name: "delete vendor",
        handler: vendorPage.action,
        method: "POST",
        path: () => vendorPath(),
        params: vendor,
        body: () => form({ intent: "delete", confirm: "yes" }),
        expect: writes,
      },
      {
        name: "delete service",
        handler: vendorPage.action,
        method: "POST",
        path: () => vendorPath(),
        params: vendor,
        body: () => form({ intent: "deleteService", serviceId, confirm: "yes" }),
        expect: writes,
      },
      {
        name: "create hosting site",
        handler: hosting.action,
        method: "POST",
        path: (s) => `/o/${s}/hosting`,
        params: org,
        body: () => form({ intent: "create", name: "Intrus" }),
        expect: writes,
      },
    ];
    await checkMatrix(rows, callers, slug);
    // Nothing above changed the vendor.
    const v = await getVendor(orgId, vendorId);
    expect(v).toMatchObject({ name: "Cloud Souverain" });
    expect(v!.services.map((s) => s.name)).toEqual(["Messagerie"]);
  });
});

describe("optimistic lock", () => {
  it("a save over a newer version answers 409 with errors.staleUpdate and overwrites nothing", async () => {
    const v = await createVendor(actorId, orgId, vendorInput({ name: "Éditeur logiciel" }));
    const params = { org: slug, vendorId: v.id };
    const url = `/o/${slug}/vendors/${v.id}/edit`;
    const first = await call(vendorEdit.action, post(url, "DPO", form(validVendor({ name: "Éditeur logiciel SAS", version: "1" }))), params);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/o/${slug}/vendors/${v.id}`);
    const stale = await call(vendorEdit.action, post(url, "ADMIN", form(validVendor({ name: "Autre onglet", version: "1" }))), params);
    expect(stale.status).toBe(409);
    expect(formErrors(stale.data)).toEqual(["errors.staleUpdate"]);
    expect(await getVendor(orgId, v.id)).toMatchObject({ name: "Éditeur logiciel SAS", version: 2 });
    const missing = await call(vendorEdit.action, post(url, "ADMIN", form(validVendor({ name: "Sans version" }))), params);
    expect(missing.status).toBe(400);
    expect(fieldErrors(missing.data, "version")).toEqual(["errors.required"]);
  });
});

describe("vendor page and catalogue", () => {
  it("services, sub-processors both ways, dependent activities, exposure and filters", async () => {
    const us = await createVendor(
      actorId,
      orgId,
      vendorInput({ name: "Hyperscaler Inc", country: "US", dpfCertified: false, dpfCheckedAt: new Date("2025-01-01") }),
    );
    const usService = await createService(actorId, orgId, us.id, { name: "Compute", description: null, secNumCloudQualified: false, secNumCloudDate: null });
    await addLocation(actorId, orgId, usService.id, {
      role: "STORAGE",
      country: "US",
      region: "Virginia",
      providerServiceId: null,
      safeguard: null,
      tiaDone: false,
      safeguardUrl: null,
    });
    const saas = await createVendor(
      actorId,
      orgId,
      vendorInput({
        name: "Logiciel RH",
        dpaStatus: "SIGNED",
        dpaSignedAt: new Date("2023-01-01"),
        dpaNextReview: new Date("2024-01-01"),
        iso27001Expiry: new Date("2020-01-01"),
      }),
    );
    const saasService = await createService(actorId, orgId, saas.id, {
      name: "Paie en ligne",
      description: null,
      secNumCloudQualified: false,
      secNumCloudDate: null,
    });
    // Through the route: a location of the SaaS operated by the US vendor (a sub-processor).
    const added = await call(
      vendorPage.action,
      post(
        `/o/${slug}/vendors/${saas.id}`,
        "DPO",
        form({
          intent: "addLocation",
          serviceId: saasService.id,
          role: "PROCESSING",
          country: "US",
          providerServiceId: usService.id,
          safeguard: "SCC_P2P",
          tiaDone: "on",
        }),
      ),
      { org: slug, vendorId: saas.id },
    );
    expect(added.status).toBe(302);
    const activity = await createActivity(actorId, orgId, { content: ActivityContentSchema.parse({ name: "Paie des agents" }), departmentId: null });
    await linkActivity(actorId, orgId, activity.id, { serviceId: saasService.id }, "PROCESSOR");

    const page = await call(vendorPage.loader, request(`/o/${slug}/vendors/${saas.id}`, { cookie: callers.VIEWER.cookie }), { org: slug, vendorId: saas.id });
    const d = page.data as {
      canManage: boolean;
      picker: unknown[];
      subProcessors: { vendorName: string; serviceName: string }[];
      activities: { ref: string; uses: { service: string; role: string }[] }[];
      services: { locations: { provider: { vendorName: string } | null; safeguard: string; tiaDone: boolean }[] }[];
    };
    expect(d.canManage).toBe(false);
    expect(d.picker).toEqual([]);
    expect(d.subProcessors).toEqual([expect.objectContaining({ vendorName: "Hyperscaler Inc", serviceName: "Compute" })]);
    expect(d.services[0]!.locations[0]).toMatchObject({ provider: { vendorName: "Hyperscaler Inc" }, safeguard: "SCC_P2P", tiaDone: true });
    expect(d.activities).toEqual([expect.objectContaining({ ref: activity.ref, uses: [{ service: "Paie en ligne", role: "PROCESSOR" }] })]);
    const usPage = await call(vendorPage.loader, request(`/o/${slug}/vendors/${us.id}`, { cookie: callers.DPO.cookie }), { org: slug, vendorId: us.id });
    expect((usPage.data as { usedBy: { vendorName: string }[] }).usedBy).toEqual([
      expect.objectContaining({ vendorName: "Logiciel RH", serviceName: "Paie en ligne" }),
    ]);
    // The picker offers every service but the one being edited (the page filters it per form).
    expect((usPage.data as { picker: { id: string }[] }).picker.map((p) => p.id)).toContain(saasService.id);

    type Row = { name: string; activities: number; exposure: string | null; reviewOverdue: boolean; iso27001Expiry: string | null };
    const list = async (qs = "") => {
      const r = await call(catalogue.loader, request(`/o/${slug}/vendors${qs}`, { cookie: callers.EDITOR.cookie }), { org: slug });
      return r.data as { rows: Row[]; invalidQuery: boolean; canManage: boolean };
    };
    const all = await list();
    expect(all.canManage).toBe(false);
    const saasRow = all.rows.find((r) => r.name === "Logiciel RH")!;
    // The SaaS's own US location carries SCCs, but the chain reaches the US vendor's storage, which has none.
    expect(saasRow).toMatchObject({ activities: 1, exposure: "unsafeguarded_transfer", reviewOverdue: true, iso27001Expiry: "2020-01-01" });
    expect(all.rows.find((r) => r.name === "Hyperscaler Inc")).toMatchObject({ activities: 0, exposure: null });
    expect((await list("?exposure=unsafeguarded_transfer")).rows.map((r) => r.name)).toEqual(["Logiciel RH"]);
    expect((await list("?exposure=eu")).rows.map((r) => r.name)).not.toContain("Logiciel RH");
    expect((await list("?exposure=unknown")).rows.map((r) => r.name)).toContain("Hyperscaler Inc");
    const inUs = (await list("?country=us")).rows.map((r) => r.name);
    expect(inUs).toContain("Hyperscaler Inc");
    expect(inUs).not.toContain("Logiciel RH");
    expect((await list("?dpa=SIGNED&q=RH")).rows.map((r) => r.name)).toEqual(["Logiciel RH"]);
    // Hyperscaler Inc answered "not certified"; the certified US vendor created above is listed.
    const dpf = (await list("?certification=dpf")).rows.map((r) => r.name);
    expect(dpf.some((n) => n.startsWith("Hébergeur"))).toBe(true);
    expect(dpf).not.toContain("Hyperscaler Inc");
    expect((await list("?certification=iso27001")).rows.map((r) => r.name)).not.toContain("Logiciel RH");
    const invalid = await list("?country=XX&dpa=MAYBE&q=Hyper");
    expect(invalid.invalidQuery).toBe(true);
    // The invalid filters are ignored, the valid one still applies.
    expect(invalid.rows.map((r) => r.name)).toEqual(["Hyperscaler Inc"]);
  });

  it("deleting a vendor asks for confirmation with the number of dependent activities, then deletes", async () => {
    const v = await createVendor(actorId, orgId, vendorInput({ name: "À supprimer" }));
    const s = await createService(actorId, orgId, v.id, { name: "Service", description: null, secNumCloudQualified: false, secNumCloudDate: null });
    const a = await createActivity(actorId, orgId, { content: ActivityContentSchema.parse({ name: "Dépend" }), departmentId: null });
    await linkActivity(actorId, orgId, a.id, { serviceId: s.id }, "HOSTING");
    const params = { org: slug, vendorId: v.id };
    const first = await call(vendorPage.action, post(`/o/${slug}/vendors/${v.id}`, "DPO", form({ intent: "delete" })), params);
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ intent: "delete", confirm: { activities: 1 } });
    expect(await getVendor(orgId, v.id)).not.toBeNull();
    const second = await call(vendorPage.action, post(`/o/${slug}/vendors/${v.id}`, "DPO", form({ intent: "delete", confirm: "yes" })), params);
    expect(second.status).toBe(302);
    expect(second.location).toBe(`/o/${slug}/vendors`);
    expect(await getVendor(orgId, v.id)).toBeNull();
  });

  it("service forms act only on this vendor's services", async () => {
    const other = await createVendor(actorId, orgId, vendorInput({ name: "Autre prestataire" }));
    const res = await call(vendorPage.action, post(`/o/${slug}/vendors/${other.id}`, "DPO", form({ intent: "updateService", serviceId, name: "Détourné" })), {
      org: slug,
      vendorId: other.id,
    });
    expect(res.status).toBe(404);
    expect((await getVendor(orgId, vendorId))!.services.map((s) => s.name)).toEqual(["Messagerie"]);
  });
});
