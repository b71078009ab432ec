/** The shared DPO's portfolio (issue 14): rows, filters, a group, one click into an organization, onboarding preview. */
import { expect, test } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

test.beforeAll(resetDemoDatabase);

test("the shared DPO filters the portfolio by group and type, sorts it, and opens an organization", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);
  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { level: 1, name: "Portefeuille" })).toBeVisible();
  const table = page.getByRole("region", { name: "Portefeuille" }).locator("table");
  await expect(table.locator("tbody tr")).toHaveCount(13);
  await expect(page.getByText("13 organisations")).toBeVisible();
  await expectAccessible(page);

  // The group: the intercommunalité, its communes and their CCAS.
  await page.getByLabel("Groupe").selectOption({ label: "Pays de Démo (intercommunalité, communes et CCAS)" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/group=/);
  await expect(table.locator("tbody tr")).toHaveCount(8);
  // Then the CCAS only.
  await page.getByLabel("Type").selectOption("ccas");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.getByRole("link", { name: "CCAS de Saint-Martin-de-Démo" })).toBeVisible();

  // Sorting by number of activities is a link (no JavaScript needed).
  await page.goto("/portfolio?sort=activities&dir=desc");
  await expect(table.locator("tbody tr").first()).toContainText("Communauté de communes du Pays de Démo");
  await expect(table.locator("th[aria-sort=descending]")).toHaveCount(1);

  // One click into an organization.
  await table.getByRole("link", { name: "Commune du Puech" }).click();
  await page.waitForURL("**/o/le-puech-demo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commune du Puech");
});

test("the onboarding page previews a file and reports its errors before anything is created", async ({ page }) => {
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);
  await page.goto("/portfolio/onboard");
  await expect(page.getByRole("heading", { level: 1, name: "Intégrer des organisations en masse" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Fichier (CSV ou XLSX, 2 Mo au plus)").setInputFiles({
    name: "communes.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Nom;SIREN;Type;Courriel du contact\nCommune de Test;123456789;commune;maire@test.fr\n", "utf8"),
  });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Aperçu" })).toBeVisible();
  await expect(page.getByText("0 à créer, 0 déjà présente, 1 en erreur.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Créer/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("a member of one organization only has a one-row portfolio and no onboarding", async ({ page }) => {
  await login(page, "lecteur@demo.example");
  await useFrench(page);
  await page.goto("/portfolio");
  const table = page.getByRole("region", { name: "Portefeuille" }).locator("table");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Intégrer des organisations en masse" })).toHaveCount(0);
  const res = await page.goto("/portfolio/onboard");
  expect(res?.status()).toBe(403);
});

test("the shared DPO generates a ZIP of two registers and follows its progress", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);
  await page.goto("/portfolio?kind=ccas");
  await page.getByLabel("Inclure CCAS de Saint-Martin-de-Démo dans le ZIP").check();
  await page.getByLabel("Inclure CCAS de Villeneuve-lès-Démo dans le ZIP").check();
  await page.getByRole("button", { name: "Générer le ZIP" }).click();
  await page.waitForURL(/\/portfolio\/zips\/[0-9a-f]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "ZIP des registres" })).toBeVisible();
  // The page reloads itself (meta refresh) until the job is done; then it stays still and is checked.
  await expect(page.getByText("ZIP prêt : 2 registres.")).toBeVisible({ timeout: 150_000 });
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le ZIP" }).click();
  expect((await download).suggestedFilename()).toMatch(/^registres-\d{4}-\d{2}-\d{2}\.zip$/);
  // Each PDF is in its organization's export log.
  await page.goto("/o/ccas-saint-martin-demo/exports");
  await expect(page.locator("main")).toContainText("registre-ccas-saint-martin-demo");
});

test("the demo opens on the payroll vendor's sale to a US group: the changed members, their activities, their notifications", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);
  await page.goto("/portfolio?changed=1&sort=name&dir=asc");
  const rows = page.getByRole("region", { name: "Portefeuille" }).locator("table tbody tr");
  await expect(page.getByText("5 organisations", { exact: true })).toBeVisible();
  await expect(rows.locator("td:nth-child(2) > a")).toHaveText([
    "CCAS de Saint-Martin-de-Démo",
    "Communauté de communes du Pays de Démo",
    "Commune de Castelnau-la-Démo",
    "Commune de Saint-Martin-de-Démo",
    "Commune de Villeneuve-lès-Démo",
  ]);
  const cc = rows.filter({ has: page.getByRole("link", { name: "Communauté de communes du Pays de Démo", exact: true }) });
  await expect(cc.locator(".exposure-badge")).toHaveText("Exposé à une loi extra-européenne");
  await expect(cc).toContainText("(avant : Hébergé et contrôlé dans l'UE)");
  await expect(
    cc.getByRole("list", { name: "Activités dont l'exposition a changé (Communauté de communes du Pays de Démo)" }).getByRole("listitem"),
  ).toHaveText([
    "T-0001 — Paie des agents et des élus, déclarations sociales : Hébergé et contrôlé dans l'UE → Exposé à une loi extra-européenne",
    "T-0002 — Gestion des carrières et dossier individuel des agents : Hébergé et contrôlé dans l'UE → Exposé à une loi extra-européenne",
  ]);
  await expectAccessible(page);

  await cc.getByRole("link", { name: "Détail dans ses notifications" }).click();
  await page.waitForURL("**/o/cc-pays-de-demo/notifications");
  await expect(page.getByRole("heading", { level: 2, name: "Le prestataire partagé Horizon Paie a changé" })).toBeVisible();
  const table = page.getByRole("table", { name: "Activités dont le niveau d'exposition a changé (Horizon Paie)" });
  await expect(table.locator("tbody tr th")).toHaveText([
    "T-0001 — Paie des agents et des élus, déclarations sociales",
    "T-0002 — Gestion des carrières et dossier individuel des agents",
  ]);

  // Aniane was told too (its payroll activity moved), but its worst level was already a safeguarded transfer.
  await page.goto("/o/aniane-demo/notifications");
  await expect(page.getByRole("heading", { level: 2, name: "Le prestataire partagé Horizon Paie a changé" })).toBeVisible();
  await page.goto("/portfolio?changed=1&q=Aniane");
  await expect(page.getByText("Aucune organisation", { exact: true })).toBeVisible();
});
