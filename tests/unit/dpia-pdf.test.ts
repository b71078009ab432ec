/** DPIA PDF: read back with pdfjs; section titles, risk map labels, draft watermark until validated, determinism. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createActivity } from "~/models/activity.server.ts";
import { getDpia, startDpia, transitionDpia } from "~/models/dpia.server.ts";
import * as pdfRoute from "~/routes/o.$org.activities.$ref.dpia.pdf.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { createOrg, createUser, request, signedInMember } from "../helpers/factories.ts";
import { root } from "../helpers/paths.ts";
import { call } from "./route-helpers.ts";
import { generateDpiaPdfBuffer, type DpiaPdfData } from "~/documents/dpia-pdf.ts";
import { DPIA_QUESTIONS, DpiaRisksSchema } from "~/schemas/dpia.ts";

function sample(status: DpiaPdfData["dpia"]["status"]): DpiaPdfData {
  return {
    organization: { name: "Commune de Test" },
    activity: { ref: "T-0001", name: "Vidéoprotection de la voie publique" },
    generatedAt: "2026-03-01T10:00:00.000Z",
    screening: {
      outcome: {
        result: "required",
        reasons: ["dpia.reason.art35c", "dpia.reason.twoCriteria"],
        criteria: Object.fromEntries(
          [
            "evaluation",
            "automatedDecision",
            "systematicMonitoring",
            "sensitive",
            "largeScale",
            "combiningDatasets",
            "vulnerable",
            "innovativeTechnology",
            "preventsRightOrService",
          ].map((c) => [c, { met: c === "systematicMonitoring" || c === "largeScale", overridden: false, why: "dpia.why.flag" }]),
        ) as DpiaPdfData["screening"]["outcome"]["criteria"],
      },
      saved: true,
      decision: "dpia",
      decisionReason: null,
    },
    dpia: {
      status,
      version: 4,
      answers: {
        ...Object.fromEntries(DPIA_QUESTIONS.map((q) => [q, { text: "", prefilled: false, toComplete: false }])),
        "111": { text: "Vidéoprotection de 42 caméras sur la voie publique.", prefilled: true, toComplete: false },
        "113": { text: "", prefilled: false, toComplete: true },
        "211": { text: "Prévenir les atteintes aux biens et aux personnes.", prefilled: false, toComplete: false },
      },
      measures: [{ code: "logging", title: "Journalisation", text: "Tous les accès aux images sont journalisés." }],
      risks: DpiaRisksSchema.parse({
        access: {
          impacts: "Atteinte à la vie privée",
          threats: "Consultation abusive",
          sources: "Agent",
          measures: "Habilitations",
          severity: 3,
          likelihood: 2,
          residualSeverity: 3,
          residualLikelihood: 1,
        },
        modification: { severity: 2, likelihood: 1, residualSeverity: 2, residualLikelihood: 1 },
        disappearance: { severity: 2, likelihood: 2, residualSeverity: 1, residualLikelihood: 1 },
      }),
      actionPlan: [{ action: "Signer la charte des opérateurs", owner: "Police municipale", dueDate: "2026-06-30", status: "in_progress" }],
      opinions: {
        dpo: { name: "Claire Martin", canProceed: true, text: "Avis favorable." },
        subjects: { sought: false, reason: "Consultation du conseil de quartier prévue.", text: "" },
      },
      validation:
        status === "validated" ? { validator: "Le maire", decision: "validated", date: "2026-03-01T09:00:00.000Z", reason: "" } : { validator: "", reason: "" },
    },
  };
}

async function pagesText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const out: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    out.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return out;
}

describe("DPIA PDF", () => {
  it("has the cover, screening, sections, risks, map, plan, opinions and validation, and a draft mark on every page", async () => {
    const bytes = await generateDpiaPdfBuffer(sample("draft"), { locale: "fr" });
    const pages = await pagesText(bytes);
    const all = pages.join("\n");
    for (const s of [
      "Analyse d'impact relative à la protection des données",
      "Pré-analyse",
      // Issue 10 point 14: "required" (in principle), not "obligatoire".
      "AIPD requise",
      "1. Contexte",
      "2. Principes fondamentaux",
      "3. Risques",
      "Mesures existantes ou prévues",
      "Journalisation",
      "Tableau des risques",
      "Cartographie des risques",
      "Plan d'action",
      "Signer la charte des opérateurs",
      "Avis du délégué à la protection des données",
      "Avis des personnes concernées",
      "4. Validation",
      "Pré-rempli depuis le registre",
      "À compléter",
      "(sans réponse)",
    ])
      expect(all, s).toContain(s);
    // The risk map: axes, scale labels, each risk before (R1) and after (R1′).
    const map = pages.find((p) => p.includes("Cartographie des risques"))!;
    for (const s of ["Gravité", "Vraisemblance", "4 — Maximale", "1 — Négligeable", "R1", "R2", "R3", "R1′", "R2′", "R3′"]) expect(map, s).toContain(s);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) expect(p).toContain("PROJET / DRAFT");
    // The running header of body pages is whole (it used to be cut to "… — T-0…").
    for (const p of pages.slice(1)) {
      expect(p).toContain(`AIPD — ${sample("draft").activity.ref}`);
      expect(p).not.toMatch(/— T-0…/);
    }
  });

  it("drops the watermark once validated, in English too, and is deterministic", async () => {
    const validated = await generateDpiaPdfBuffer(sample("validated"), { locale: "fr" });
    for (const p of await pagesText(validated)) expect(p).not.toMatch(/PROJET|DRAFT/);
    expect((await pagesText(validated)).join(" ")).toContain("Le maire");
    expect((await generateDpiaPdfBuffer(sample("validated"), { locale: "fr" })).equals(validated)).toBe(true);
    const en = await pagesText(await generateDpiaPdfBuffer(sample("in_review"), { locale: "en" }));
    for (const p of en) expect(p).toContain("PROJET / DRAFT");
    expect(en.join(" ")).toContain("Data protection impact assessment");
    expect(en.join(" ")).toContain("Likelihood");
  });
});

describe("DPIA PDF route and command line", () => {
  it("serves the PDF to readers (404 without a DPIA) and exports PDF and PIA JSON from the CLI, logged", async () => {
    const { org } = await createOrg();
    const user = await createUser();
    const a = await createActivity(user.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Vidéoprotection", purposes: { main: "Sécurité des biens" } }),
      departmentId: null,
    });
    const viewer = (await signedInMember(org.id, "VIEWER")).cookie;
    const get = () => call(pdfRoute.loader, request(`/o/${org.slug}/activities/${a.ref}/dpia/pdf`, { cookie: viewer }), { org: org.slug, ref: a.ref });
    expect((await get()).status).toBe(404);
    const s = sample("draft");
    const d = await startDpia(user.id, org.id, a.id, {
      answers: s.dpia.answers,
      measures: s.dpia.measures,
      risks: s.dpia.risks,
      actionPlan: s.dpia.actionPlan,
    });
    await transitionDpia(user.id, org.id, d, d.version, "validate", { validator: "Le maire" });
    expect((await getDpia(org.id, a.id))?.status).toBe("validated");
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const text = (await pagesText(Buffer.from(await res.raw!.arrayBuffer()))).join(" ");
    expect(text).toContain("Cartographie des risques");
    expect(text).not.toContain("PROJET / DRAFT");

    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "registre-dpia-"));
    const run = (...args: string[]) =>
      spawnSync(tsx, ["app/cli/export.ts", "--org", org.slug, ...args], { cwd: root, env: { ...process.env, INIT_CWD: root }, encoding: "utf8" });
    const pdf = run("--dpia", a.ref, "--format", "pdf", "--out", path.join(dir, "aipd.pdf"), "--lang", "en");
    expect(pdf.status, pdf.stderr).toBe(0);
    expect((await pagesText(fs.readFileSync(path.join(dir, "aipd.pdf")))).join(" ")).toContain("Risk map");
    const json = run("--dpia", a.ref, "--format", "pia-json", "--out", path.join(dir, "aipd.json"));
    expect(json.status, json.stderr).toBe(0);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "aipd.json"), "utf8")) as object)).toEqual([
      "pia",
      "answers",
      "measures",
      "evaluations",
      "comments",
    ]);
    expect(
      (await getDb().exportRecord.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: "asc" } })).map((r) => [r.format, r.channel]),
    ).toEqual([
      // The download from the DPIA page is logged too (issue 11), before the command line's two.
      ["dpia-pdf", "ui"],
      ["dpia-pdf", "cli"],
      ["pia-json", "cli"],
    ]);
    const bad = run("--dpia", a.ref, "--format", "csv", "--out", path.join(dir, "x.csv"));
    expect(bad.status).toBe(2);
    const none = run("--dpia", "T-9999", "--format", "pdf", "--out", path.join(dir, "x.pdf"));
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("no DPIA");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
