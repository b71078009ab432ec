import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";
const EDITOR = "etat-civil@demo.example";

async function signedIn(browser: Browser, email: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled });
  const page = await context.newPage();
  await login(page, email);
  if (javaScriptEnabled) await useFrench(page);
  return page;
}

/** The "save and continue" button: rendered above and below the step's fields. */
const nextButton = (page: Page, label = "Enregistrer et continuer") => page.getByRole("button", { name: label, exact: true }).first();

async function expectStep(page: Page, ref: string, n: number) {
  await expect(page).toHaveURL(new RegExp(`/activities/${ref}/guided/${n}(#.*)?$`));
  await expect(page.locator("#step-h")).toContainText(`Étape ${n} sur 7`);
}

/** Template list → search → preview → "Partir de ce modèle" with the editor's department. Returns the new draft's ref. */
async function startFromTemplate(page: Page, search: string, title: string, axe: boolean): Promise<string> {
  await page.goto(`${ORG}/templates`);
  if (axe) await expectAccessible(page);
  await page.getByRole("searchbox", { name: /Rechercher/ }).fill(search);
  await page.locator("main form.filters").getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.locator("main")).not.toContainText("Aucun modèle");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  if (axe) await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Partir de ce modèle" })).toBeVisible();
  // An EDITOR is only offered their own department.
  const department = page.locator('section.template-start select[name="departmentId"]');
  const offered = (await department.locator("option").allTextContents()).filter((x) => x.trim() !== "" && !/Choisir/i.test(x));
  expect(offered).toEqual(["État civil"]);
  await department.selectOption({ label: "État civil" });
  await page.getByRole("button", { name: "Créer le brouillon à partir de ce modèle" }).click();
  await expect(page).toHaveURL(/\/activities\/T-\d{4}\/guided\/1$/);
  return /activities\/(T-\d{4})\/guided/.exec(page.url())![1]!;
}

/** Step 7: completeness, then submit to the DPO. */
async function reviewAndSubmit(page: Page, ref: string, name: string, axe: boolean) {
  await expectStep(page, ref, 7);
  await expect(page.getByRole("heading", { name: "Complétude de la fiche" })).toBeVisible();
  await expect(page.locator("#review-score")).toContainText(/\d+ %/);
  await expect(page.locator("progress.completeness-bar")).toHaveCount(1);
  if (axe) await expectAccessible(page);
  await page.getByRole("button", { name: "Soumettre au DPO" }).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${ref}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator("main")).toContainText("Soumis au DPO");
}

test("without JavaScript, an editor declares an activity from a template through the seven guided steps", async ({ browser }) => {
  const name = `Registres d'état civil e2e ${Date.now()}`;
  const page = await signedIn(browser, EDITOR, false);
  // No JavaScript: no axe here (it runs inside the page); the JS scenario below checks accessibility.
  const ref = await startFromTemplate(page, "état civil", "Tenue des registres de l'état civil", false);

  // Step 1: rename, and add a sub-purpose with the list's add button (a real submit without JavaScript).
  await expectStep(page, ref, 1);
  await page.locator('input[name="content.name"]').fill(name);
  const subInputs = page.locator("#list-purposes-sub input[type=text]");
  const before = await subInputs.count();
  await page.getByRole("button", { name: "Ajouter une sous-finalité" }).click();
  await expect(subInputs).toHaveCount(before + 1);
  // The server answered with the row added, the typed name kept, nothing saved yet.
  await expectStep(page, ref, 1);
  await expect(page.locator('input[name="content.name"]')).toHaveValue(name);
  await subInputs.last().fill("Délivrer des copies intégrales et des extraits (e2e)");
  await nextButton(page).click();

  for (const n of [2, 3, 4, 5]) {
    await expectStep(page, ref, n);
    await expect(page.locator("main")).toContainText(`Étape ${n - 1} enregistrée.`);
    await nextButton(page).click();
  }
  await expectStep(page, ref, 6);
  await nextButton(page, "Enregistrer et relire la fiche").click();

  await reviewAndSubmit(page, ref, name, false);
  await expect(page.locator("main")).toContainText("Délivrer des copies intégrales et des extraits (e2e)");
  await page.context().close();
});

test("with JavaScript, an editor declares another template through the guided steps; every page is accessible", async ({ browser }) => {
  const name = `Concessions funéraires e2e ${Date.now()}`;
  const recipient = `Marbrerie e2e ${Date.now()}`;
  const page = await signedIn(browser, EDITOR, true);
  const ref = await startFromTemplate(page, "cimetière", "Gestion des cimetières et des concessions funéraires", true);

  await expectStep(page, ref, 1);
  await expectAccessible(page);
  await page.locator('input[name="content.name"]').fill(name);
  await nextButton(page).click();

  for (const n of [2, 3, 4]) {
    await expectStep(page, ref, n);
    await expectAccessible(page);
    await nextButton(page).click();
  }

  // Step 5: add a recipient (client-side list insert), fill its row.
  await expectStep(page, ref, 5);
  await expectAccessible(page);
  const rows = page.locator("#list-recipients > ol > li");
  const before = await rows.count();
  await page.getByRole("button", { name: "Ajouter un destinataire" }).click();
  await expect(rows).toHaveCount(before + 1);
  const row = rows.last();
  await row.locator("select").first().selectOption({ index: 1 });
  await row.locator("input[type=text]").first().fill(recipient);
  await expectAccessible(page);
  await nextButton(page).click();

  await expectStep(page, ref, 6);
  await expectAccessible(page);
  await nextButton(page, "Enregistrer et relire la fiche").click();

  await reviewAndSubmit(page, ref, name, true);
  await expect(page.locator("main")).toContainText(recipient);
  await page.context().close();
});
