/**
 * Issue 17: the first hour of a new commune, with the KEYBOARD ONLY (project "first-hour", its own empty
 * database): setup → checklist → a department → three activities from templates at once → a vendor →
 * the PDF. No click anywhere: Tab, Shift+Tab, typing, Space and Enter. axe must report nothing serious
 * or critical on every page visited.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers.ts";

const ORG = "commune-clavier";
const PASSWORD = "une phrase de passe au clavier";

/** Presses Tab until `target` has the focus (fails if it never does: the element is not reachable by keyboard). */
async function tabTo(page: Page, target: Locator, max = 250) {
  const handle = await target.elementHandle();
  expect(handle, "target exists").not.toBeNull();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) {
      // A visible focus indicator on the element reached (RGAA 10.7).
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement as Element);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
      });
      expect(outline, "visible focus").not.toMatch(/^none 0px none$/);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

/**
 * A closed <select> reached with Tab. Headless Chromium draws no option popup and its type-ahead raced
 * with form revalidation, so the value is set on the focused element (the only non-key step; the
 * select was reached, and stays focused, by keyboard).
 */
async function chooseOption(page: Page, target: Locator, value: string | { label: string }) {
  await expect(target).toBeFocused();
  await target.selectOption(value);
  await expect(target).toBeFocused();
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test.describe.configure({ mode: "serial" });

test("the first hour, keyboard only", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/setup");
  await expectAccessible(page);
  // The skip link is the first tab stop.
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveText("Aller au contenu");

  // 1. Setup.
  await typeInto(page, page.getByLabel("Nom de l'organisme"), "Commune Clavier");
  await typeInto(page, page.getByLabel("Nom et prénom"), "Camille Clavier");
  await typeInto(page, page.getByLabel("Adresse e-mail"), "dpo@clavier.example");
  await typeInto(page, page.getByLabel("Nouveau mot de passe"), PASSWORD);
  await typeInto(page, page.getByLabel("Confirmez le mot de passe"), PASSWORD);
  // The role last: its change revalidates the form, which must then be valid (no focus jump).
  await tabTo(page, page.getByLabel("Votre rôle"));
  await chooseOption(page, page.getByLabel("Votre rôle"), "DPO");
  await tabTo(page, page.getByRole("button", { name: "Créer l'organisme et le compte" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}`);

  // 2. The checklist, every step to do.
  const checklist = page.getByRole("region", { name: "Pour démarrer" });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole("listitem")).toHaveCount(7);
  await expect(checklist).toContainText("0 sur 7 étapes terminées");
  await expect(page).toHaveTitle(`Tableau de bord — Commune Clavier — Registre`);
  await expectAccessible(page);

  // 3. A department, from the checklist.
  await tabTo(page, checklist.getByRole("link", { name: "Ajouter des services" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/departments`);
  await expectAccessible(page);
  await typeInto(page, page.getByLabel("Nom du service"), "Accueil");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toContainText("Accueil");

  // 4. Three activities from templates at once, from the dashboard's checklist.
  await tabTo(page, page.getByRole("navigation", { name: /Navigation de/ }).getByRole("link", { name: "Accueil" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}`);
  await expect(checklist.locator('[data-step="departments"]')).toContainText("Fait");
  await tabTo(page, checklist.getByRole("link", { name: "Choisir plusieurs modèles" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/templates#pick-h`);
  await expectAccessible(page);
  const pick = page.getByRole("region", { name: "Créer plusieurs brouillons à la fois" });
  for (const title of ["Tenue des registres de l'état civil", "Gestion des listes électorales", "Archives municipales"]) {
    const box = pick.getByRole("checkbox", { name: new RegExp(`^${title}`) });
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await tabTo(page, pick.getByLabel(/Service/));
  await chooseOption(page, pick.getByLabel(/Service/), { label: "Accueil" });
  await tabTo(page, pick.getByRole("button", { name: "Créer les brouillons cochés" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/activities?status=DRAFT`);
  await expect(page.getByRole("status").first()).toBeVisible();
  const register = page.getByRole("table", { name: "Registre des activités de traitement" });
  await expect(register.locator("tbody tr")).toHaveCount(3);
  // References stay on one line.
  const refCell = register.locator("tbody tr td").first();
  expect(await refCell.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");
  await expectAccessible(page);

  // 5. A vendor.
  await tabTo(page, page.getByRole("navigation", { name: /Navigation de/ }).getByRole("link", { name: "Prestataires" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/vendors`);
  await expect(page.getByRole("heading", { name: "Aucun prestataire" })).toBeVisible();
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: "Ajouter le premier prestataire" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/vendors/new`);
  await expectAccessible(page);
  await typeInto(page, page.getByLabel("Nom usuel"), "Berger-Levrault");
  await tabTo(page, page.getByLabel(/Pays d'établissement/));
  await chooseOption(page, page.getByLabel(/Pays d'établissement/), "FR");
  await tabTo(page, page.getByRole("button", { name: "Créer le prestataire" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/vendors\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Berger-Levrault");
  await expectAccessible(page);

  // 6. The PDF.
  await tabTo(page, page.getByRole("navigation", { name: /Navigation de/ }).getByRole("link", { name: "Exports" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/o/${ORG}/exports`);
  await expectAccessible(page);
  await tabTo(page, page.getByRole("button", { name: "Générer et télécharger" }));
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);

  // Back on the dashboard: the steps done are ticked.
  await page.goto(`/o/${ORG}`);
  for (const step of ["departments", "register", "vendors"]) await expect(checklist.locator(`[data-step="${step}"]`)).toContainText("Fait");
  await expectAccessible(page);
});
