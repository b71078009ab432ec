import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";

test("the DPO screens a new activity, drafts its DPIA, adds a library measure and downloads the PDF", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  const page = await context.newPage();
  await login(page, "dpo@demo.example");
  await useFrench(page);

  // A fresh activity, so it has no screening and no DPIA yet.
  const name = `AIPD e2e ${Date.now()}`;
  await page.goto(`${ORG}/activities/new`);
  await page.locator('input[name="name"]').fill(name);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page).toHaveURL(/\/activities\/T-\d{4}\/edit$/);
  const ref = /activities\/(T-\d{4})\/edit/.exec(page.url())![1]!;
  await page.goto(`${ORG}/activities/${ref}`);
  await expect(page.locator(".dpia-panel")).toContainText("Aucune AIPD commencée.");

  // Screening: two criteria met (corrected, so justified) → a DPIA is required.
  await page.getByRole("link", { name: "Voir la pré-analyse" }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${ref}/screening$`));
  await expectAccessible(page);
  for (const [criterion, why] of [
    ["evaluation", "Les agents notent les demandes pour les prioriser."],
    ["vulnerable", "Les usagers sont notamment des personnes âgées dépendantes."],
  ] as const) {
    await page.locator(`input[type="radio"][name="criteria.${criterion}.met"][value="yes"]`).check();
    await page.locator(`textarea[name="criteria.${criterion}.justification"]`).fill(why);
  }
  await page.getByRole("button", { name: "Enregistrer la pré-analyse" }).click();
  await expect(page.locator(".screening-result")).toContainText("AIPD requise");
  await expect(page.locator(".screening-result")).toContainText("Version 1");
  await expectAccessible(page);

  // Start the DPIA, prefilled from the register.
  await page.locator("main").getByRole("link", { name: "Ouvrir l'AIPD" }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${ref}/dpia$`));
  await page.getByRole("button", { name: "Commencer l'AIPD (pré-remplie depuis le registre)" }).click();
  await expect(page.locator("main")).toContainText("Version 1");

  // One risk rated, one action-plan row, saved.
  await page.locator('select[name="risks.access.severity"]').selectOption("3");
  await page.locator('select[name="risks.access.likelihood"]').selectOption("2");
  await page.getByRole("button", { name: "Ajouter une action" }).click();
  await page.locator('input[name="actionPlan[0].action"]').fill("Chiffrer les exports du fichier");
  await page.locator('input[name="actionPlan[0].owner"]').fill("DSI");
  await page.locator('input[name="actionPlan[0].dueDate"]').fill("2027-03-31");
  await page.getByRole("button", { name: "Enregistrer l'AIPD" }).click();
  await expect(page.locator("main")).toContainText("Version 2");
  await expect(page.locator('select[name="risks.access.severity"]')).toHaveValue("3");
  await expect(page.locator('input[name="actionPlan[0].action"]')).toHaveValue("Chiffrer les exports du fichier");

  // A measure from the library, with details.
  await page.getByLabel("Bibliothèque de mesures").selectOption("encryption");
  await page.getByLabel("Précisions (facultatif)").fill("Clés gérées par la DSI.");
  await page.getByRole("button", { name: "Ajouter une mesure" }).click();
  await expect(page.locator("main")).toContainText("Version 3");
  const measures = page.locator("section[aria-labelledby=measures-h]");
  await expect(measures.locator("li", { hasText: "Chiffrement" })).toContainText("Clés gérées par la DSI.");
  await expect(page.getByLabel("Bibliothèque de mesures").locator('option[value="encryption"]')).toHaveCount(0);
  await expectAccessible(page);

  // The PDF.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l'AIPD (PDF)" }).click()]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // And removed again.
  await measures.getByRole("button", { name: "Retirer la mesure : Chiffrement" }).click();
  await expect(page.locator("main")).toContainText("Version 4");
  await expect(measures.locator("li", { hasText: "Chiffrement" })).toHaveCount(0);
  await context.close();
});

test("without JavaScript, the DPO adds and removes a library measure", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "dpo@demo.example");
  await useFrench(page);
  await page.goto(`${ORG}/activities/new`);
  await page.locator('input[name="name"]').fill(`AIPD e2e sans JS ${Date.now()}`);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page).toHaveURL(/\/activities\/T-\d{4}\/edit$/);
  const ref = /activities\/(T-\d{4})\/edit/.exec(page.url())![1]!;
  await page.goto(`${ORG}/activities/${ref}/dpia`);
  await page.getByRole("button", { name: "Commencer l'AIPD (pré-remplie depuis le registre)" }).click();
  await expect(page.locator("main")).toContainText("Version 1");
  await page.getByLabel("Bibliothèque de mesures").selectOption("backups");
  await page.getByRole("button", { name: "Ajouter une mesure" }).click();
  await expect(page.locator("main")).toContainText("Version 2");
  const measures = page.locator("section[aria-labelledby=measures-h]");
  await expect(measures.locator("li", { hasText: "Sauvegardes" })).toHaveCount(1);
  await measures.getByRole("button", { name: "Retirer la mesure : Sauvegardes" }).click();
  await expect(page.locator("main")).toContainText("Version 3");
  await expect(measures.locator("li", { hasText: "Sauvegardes" })).toHaveCount(0);
  await context.close();
});

test("without JavaScript, the DPO adds, saves and removes an action-plan row (the shared list editor)", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "dpo@demo.example");
  await useFrench(page);
  await page.goto(`${ORG}/activities/new`);
  await page.locator('input[name="name"]').fill(`AIPD plan sans JS ${Date.now()}`);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page).toHaveURL(/\/activities\/T-\d{4}\/edit$/);
  const ref = /activities\/(T-\d{4})\/edit/.exec(page.url())![1]!;
  await page.goto(`${ORG}/activities/${ref}/dpia`);
  await page.getByRole("button", { name: "Commencer l'AIPD (pré-remplie depuis le registre)" }).click();
  await expect(page.locator("main")).toContainText("Version 1");
  const plan = page.getByRole("region", { name: "Plan d'action" });
  await expect(plan).toContainText("Aucune action.");

  // Adding posts the form: the server answers with one more row, and the page lands on it.
  await plan.getByRole("button", { name: "Ajouter une action" }).click();
  await expect(page).toHaveURL(/#dpia-plan-1$/);
  const row = plan.getByRole("group", { name: "Action 1" });
  await expect(row.getByLabel("État")).toHaveValue("todo");
  await row.getByLabel("Action", { exact: true }).fill("Former les agents instructeurs");
  await row.getByLabel("Responsable").fill("DRH");
  await row.getByLabel("Échéance").fill("2027-06-30");
  await page.getByRole("button", { name: "Enregistrer l'AIPD" }).click();
  await expect(page.locator("main")).toContainText("Version 2");
  await expect(page.locator('input[name="actionPlan[0].action"]')).toHaveValue("Former les agents instructeurs");
  await expect(page.locator('input[name="actionPlan[0].owner"]')).toHaveValue("DRH");

  // Removing posts the form too; the save then records a plan without the row.
  await plan.getByRole("button", { name: "Retirer l'action" }).click();
  await expect(page.locator('input[name="actionPlan[0].action"]')).toHaveCount(0);
  await expect(plan).toContainText("Aucune action.");
  await page.getByRole("button", { name: "Enregistrer l'AIPD" }).click();
  await expect(page.locator("main")).toContainText("Version 3");
  await expect(page.locator('input[name="actionPlan[0].action"]')).toHaveCount(0);
  await context.close();
});
