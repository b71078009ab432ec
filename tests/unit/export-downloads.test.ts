/**
 * Every download goes through the export log (ADR 007): the DPIA PDF, the PIA JSON and the public
 * register's open data; and the fingerprint printed on a PDF cover verifies on /verify.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { importPiaJson } from "~/models/dpia.server.ts";
import { createExport } from "~/models/exports.server.ts";
import { setActivityPublic } from "~/models/public-register.server.ts";
import * as dpiaPdf from "~/routes/o.$org.activities.$ref.dpia.pdf.ts";
import * as piaJson from "~/routes/o.$org.activities.$ref.dpia.pia-json.ts";
import * as publicJson from "~/routes/public.$slug.register[.]json.ts";
import * as publicCsv from "~/routes/public.$slug.register[.]csv.ts";
import * as verify from "~/routes/verify.tsx";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, form, request, signedInMember } from "../helpers/factories.ts";
import { call } from "./route-helpers.ts";

let org: { id: string; slug: string; name: string };
let dpo: Awaited<ReturnType<typeof signedInMember>>;
let ref: string;

beforeAll(async () => {
  const created = await createOrg("Commune de Téléchargeville");
  org = created.org;
  dpo = await signedInMember(org.id, "DPO");
  let a = await createActivity(dpo.user.id, org.id, {
    content: ActivityContentSchema.parse({ name: "Cantine", purposes: { main: "Restauration scolaire" }, legalBases: [{ basis: "e_official_authority" }] }),
    departmentId: created.departments[0]!.id,
  });
  a = await transitionActivity(dpo.user.id, org.id, a.id, a.revision, "approve");
  await setActivityPublic(dpo.user.id, org.id, a.id, true);
  ref = a.ref;
  const file = {
    pia: { name: "Cantine", status: 0 },
    answers: [{ reference_to: 111, data: { text: "Contexte", gauge: 0, list: [] } }],
    measures: [],
    evaluations: [],
    comments: [],
  };
  await importPiaJson(dpo.user.id, org.id, a.id, file, { role: "DPO" });
});

const logged = (format: string) => getDb().exportRecord.findMany({ where: { organizationId: org.id, format }, orderBy: { createdAt: "desc" } });
async function bodyBytes(res: Response | { status: number; text?: string | null; headers: Headers }) {
  if (res instanceof Response) return new Uint8Array(await res.arrayBuffer());
  return new TextEncoder().encode(res.text ?? "");
}

describe("downloads in the export log", () => {
  it("the PIA JSON download is logged with the file's SHA-256 and verifies", async () => {
    const before = (await logged("pia-json")).length;
    const res = await piaJson.loader({
      request: request(`/o/${org.slug}/activities/${ref}/dpia/pia-json`, { cookie: dpo.cookie }),
      params: { org: org.slug, ref },
      context: {} as never,
    });
    expect(res.status).toBe(200);
    const bytes = await bodyBytes(res);
    const rows = await logged("pia-json");
    expect(rows.length).toBe(before + 1);
    expect(rows[0]!.sha256).toBe(sha256Hex(bytes));
    expect(rows[0]!.actorId).toBe(dpo.user.id);
    const v = await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: sha256Hex(bytes) }) }));
    expect(v.data).toMatchObject({ matches: [expect.objectContaining({ format: "pia-json", kind: "file" })] });
  });

  it("the DPIA PDF download is logged with the file's SHA-256", async () => {
    const before = (await logged("dpia-pdf")).length;
    const res = await dpiaPdf.loader({
      request: request(`/o/${org.slug}/activities/${ref}/dpia.pdf`, { cookie: dpo.cookie }),
      params: { org: org.slug, ref },
      context: {} as never,
    });
    expect(res.status).toBe(200);
    const bytes = await bodyBytes(res);
    const rows = await logged("dpia-pdf");
    expect(rows.length).toBe(before + 1);
    expect(rows[0]!.sha256).toBe(sha256Hex(bytes));
  }, 180_000);

  it("the public register.json and CSV downloads are logged (anonymous, channel public) and verify", async () => {
    const res = await publicJson.loader({ request: request(`/public/${org.slug}/register.json`), params: { slug: org.slug }, context: {} as never });
    expect(res.status).toBe(200);
    const bytes = await bodyBytes(res);
    const [row] = await logged("public-json");
    expect(row).toMatchObject({ sha256: sha256Hex(bytes), channel: "public", actorId: null });
    const v = await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: sha256Hex(bytes) }) }));
    expect(v.data).toMatchObject({ matches: [expect.objectContaining({ format: "public-json" })] });
    const csv = await publicCsv.loader({ request: request(`/public/${org.slug}/register.csv`), params: { slug: org.slug }, context: {} as never });
    expect((await logged("public-csv"))[0]!.sha256).toBe(sha256Hex(await bodyBytes(csv)));
    // An unknown organization is still a 404 and logs nothing.
    await expect(
      publicJson.loader({ request: request(`/public/nope-nope/register.json`), params: { slug: "nope-nope" }, context: {} as never }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("the fingerprint printed on the PDF cover", () => {
  it("verifies on /verify (full and the footer's 12 digits), and a wrong one does not", async () => {
    const { bytes } = await createExport(org.id, dpo.user.id, { format: "pdf", locale: "fr", scope: "all" }, "ui");
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    let text = "";
    for (let p = 1; p <= pdf.numPages; p++)
      text += ` ${((await (await pdf.getPage(p)).getTextContent()).items as { str?: string }[]).map((i) => i.str ?? "").join("")}`;
    // The cover cell may wrap the 64 digits over two lines.
    const printed = text.match(/[0-9a-f]{64}/)?.[0];
    expect(printed, "a 64-digit fingerprint is printed").toBeDefined();
    expect(printed).not.toBe(sha256Hex(bytes));
    const full = await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: printed! }) }));
    expect(full.data).toMatchObject({ matches: [expect.objectContaining({ format: "pdf", kind: "document" })] });
    const short = await call(verify.action, request("/verify", { method: "POST", body: form({ sha256: printed!.slice(0, 12) }) }));
    expect(short.data).toMatchObject({ matches: [expect.objectContaining({ kind: "document" })] });
    const wrong = await call(
      verify.action,
      request("/verify", { method: "POST", body: form({ sha256: `${printed!.slice(0, 63)}${printed!.endsWith("0") ? "1" : "0"}` }) }),
    );
    expect(wrong.data).toMatchObject({ matches: [] });
  }, 180_000);
});
