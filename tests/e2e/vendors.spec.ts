/** Vendor catalogue, activity links and the sovereignty analysis (demo city). */
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";
const LEVEL = {
  unknown: "Inconnu : aucun prestataire ni hébergement renseigné",
  eu: "Hébergé et contrôlé dans l'UE",
  foreign_law: "Exposé à une loi extra-européenne",
} as const;
const EMAIL_ACTIVITY = "Annuaire, messagerie et outils collaboratifs";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, email);
  await useFrench(page);
  return page;
}

/** The "Prestataires et hébergement" section of an activity page. */
const sovereigntySection = (page: Page): Locator => page.getByRole("region", { name: "Prestataires et hébergement", exact: true });
const levelBadge = (page: Page): Locator => sovereigntySection(page).locator(".exposure-line .exposure-badge");

test("the DPO adds a vendor with a US parent, links it to an activity and sees the exposure everywhere", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const vendorName = `Cloud Test e2e ${stamp}`;
  const serviceName = "Stockage e2e";
  const activityName = `Sauvegarde des courriers scannés e2e ${stamp}`;
  const dpo = await signedIn(browser, "dpo@demo.example");

  // The catalogue, then the new vendor's form.
  await dpo.goto(`${ORG}/vendors`);
  await expect(dpo.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(dpo);
  await dpo.getByRole("link", { name: "Nouveau prestataire" }).click();
  await expect(dpo).toHaveURL(/\/vendors\/new$/);
  await expect(dpo.getByRole("heading", { level: 1, name: "Nouveau prestataire" })).toBeVisible();
  await dpo.getByLabel("Nom usuel").fill(vendorName);
  await dpo.locator('select[name="country"]').selectOption("FR");
  await dpo.getByLabel("Maison mère", { exact: true }).fill("Parent Corp");
  await dpo.locator('select[name="parentCountry"]').selectOption("US");
  await dpo.getByRole("button", { name: "Créer le prestataire" }).click();
  await expect(dpo).toHaveURL(/\/vendors\/[^/]+$/);
  await expect(dpo.getByRole("heading", { level: 1 })).toHaveText(vendorName);
  await expect(dpo.getByRole("status").filter({ hasText: `Prestataire ${vendorName} créé.` })).toBeVisible();
  const vendorUrl = new URL(dpo.url()).pathname;
  const identity = dpo.getByRole("region", { name: "Identité", exact: true });
  await expect(identity).toContainText("Parent Corp");
  await expect(identity).toContainText("États-Unis");

  // A service, then where it stores the data.
  const newService = dpo.locator("details", { has: dpo.locator("summary", { hasText: "Ajouter un service" }) });
  await newService.locator("summary").click();
  await newService.getByLabel("Nom du service").fill(serviceName);
  await newService.getByRole("button", { name: "Créer le service" }).click();
  await expect(dpo.getByRole("status").filter({ hasText: `Service ${serviceName} ajouté.` })).toBeVisible();
  const card = dpo.getByRole("article", { name: serviceName });
  await expect(card).toContainText("Aucun lieu n'est renseigné pour ce service");
  const addLocation = card.locator("details", { has: dpo.locator("summary", { hasText: "Ajouter un lieu" }) });
  await addLocation.locator("summary").click();
  await addLocation.locator('select[name="role"]').selectOption("STORAGE");
  await addLocation.locator('select[name="country"]').selectOption("FR");
  await addLocation.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(dpo.getByRole("status").filter({ hasText: "Lieu ajouté." })).toBeVisible();
  const locations = card.getByRole("table", { name: `Lieux du service ${serviceName}` });
  await expect(locations.locator("tbody tr")).toHaveCount(1);
  await expect(locations.locator("tbody tr")).toContainText("Stockage");
  await expect(locations.locator("tbody tr")).toContainText("France");
  await expectAccessible(dpo);

  // A fresh activity, so that it has no link yet: its level is "unknown".
  await dpo.goto(`${ORG}/activities/new`);
  await dpo.locator('input[name="name"]').fill(activityName);
  await dpo.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(dpo).toHaveURL(/\/activities\/T-\d{4}\/edit$/);
  const ref = /activities\/(T-\d{4})\/edit/.exec(dpo.url())![1]!;
  const activityUrl = `${ORG}/activities/${ref}`;
  await dpo.goto(activityUrl);
  await expect(dpo.getByRole("heading", { level: 1 })).toHaveText(activityName);
  await expect(levelBadge(dpo)).toHaveText(LEVEL.unknown);
  await expect(sovereigntySection(dpo)).toContainText("Aucun prestataire ni hébergement n'est lié à ce traitement.");

  // Link the new service as a processor.
  const linkForm = sovereigntySection(dpo).getByRole("form", { name: "Lier un service ou un hébergement" });
  await linkForm.locator('select[name="target"]').selectOption({ label: `${vendorName} — ${serviceName}` });
  await linkForm.locator('select[name="role"]').selectOption("PROCESSOR");
  await linkForm.getByRole("button", { name: "Lier", exact: true }).click();
  const links = sovereigntySection(dpo).getByRole("region", { name: "Services de prestataires et hébergements liés à ce traitement" });
  await expect(links).toContainText(`${vendorName} — ${serviceName}`);
  await expect(links).toContainText("Sous-traitant (art. 28)");
  await expect(levelBadge(dpo)).toHaveText(LEVEL.foreign_law);
  const reasons = sovereigntySection(dpo).getByRole("list", { name: "Pourquoi ce niveau" });
  await expect(reasons).toContainText("CLOUD Act");
  await expect(reasons).toContainText(vendorName);
  const jurisdictions = sovereigntySection(dpo).getByRole("region", { name: "États hors EEE dont la loi peut contraindre un prestataire" });
  await expect(jurisdictions).toContainText("États-Unis");
  await expect(jurisdictions).toContainText("CLOUD Act");
  await expect(jurisdictions).toContainText("Maison mère établie dans cet État");
  await expectAccessible(dpo);

  // The vendor's page lists the activity that depends on it.
  await dpo.goto(vendorUrl);
  await expect(dpo.getByRole("link", { name: activityName })).toBeVisible();

  // The dashboard: at least one activity exposed to a foreign law, and the vendor in the ranking.
  await dpo.goto(`${ORG}/sovereignty`);
  await expect(dpo.getByRole("heading", { level: 1 })).toBeVisible();
  const levels = dpo.getByRole("table", { name: "Nombre de traitements par niveau d'exposition" });
  const foreignRow = levels.getByRole("row").filter({ has: dpo.getByRole("rowheader", { name: LEVEL.foreign_law }) });
  await expect(foreignRow).toHaveCount(1);
  const foreignCount = Number((await foreignRow.locator("td").first().innerText()).trim());
  expect(foreignCount).toBeGreaterThanOrEqual(1);
  const ranking = dpo.getByRole("table", { name: "Prestataires classés par nombre de traitements qui en dépendent" });
  const vendorRow = ranking.getByRole("row").filter({ has: dpo.getByRole("link", { name: vendorName }) });
  await expect(vendorRow).toHaveCount(1);
  await expect(vendorRow).toContainText("France");
  await expect(vendorRow).toContainText("États-Unis");
  await expectAccessible(dpo);

  // The catalogue shows the vendor with its worst exposure.
  await dpo.goto(`${ORG}/vendors?q=${encodeURIComponent(vendorName)}`);
  const catalogueRow = dpo.getByRole("row").filter({ has: dpo.getByRole("link", { name: vendorName }) });
  await expect(catalogueRow).toContainText(LEVEL.foreign_law);
  await expectAccessible(dpo);
  await dpo.context().close();
});

test("what-if: moving e-mail off Microsoft shows the gain and writes nothing", async ({ browser }) => {
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.goto(`${ORG}/sovereignty`);
  await dpo.getByRole("link", { name: "Simuler un changement de prestataire" }).click();
  await expect(dpo).toHaveURL(/\/sovereignty\/what-if$/);
  await expect(dpo.getByRole("heading", { level: 1, name: "Simuler un changement de prestataire" })).toBeVisible();
  await expectAccessible(dpo);

  await dpo.getByLabel("Remplacer").selectOption({ label: "Tous les services de Microsoft Ireland Operations Ltd" });
  await dpo.getByLabel("Par le service").selectOption({ label: "Courrielys — Messagerie souveraine Courrielys" });
  await dpo.getByRole("button", { name: "Simuler" }).click();
  await expect(dpo).toHaveURL(/what-if\?from=vendor%3A[^&]+&to=/);
  const result = dpo.getByRole("region", { name: "Résultat de la simulation" });
  await expect(result).toBeVisible();
  const row = result.getByRole("row").filter({ has: dpo.getByRole("link", { name: new RegExp(EMAIL_ACTIVITY) }) });
  await expect(row).toHaveCount(1);
  const cells = row.locator("td");
  await expect(cells.nth(0)).toHaveText(LEVEL.foreign_law);
  await expect(cells.nth(1)).toHaveText(LEVEL.eu);
  await expect(cells.nth(2)).toHaveText("Moins exposé");
  await expect(result).toContainText("Rien n'a été modifié");
  await expectAccessible(dpo);

  // Nothing was written: the e-mail activity is still exposed, still linked to Microsoft 365.
  const href = (await row.getByRole("link").first().getAttribute("href"))!;
  await dpo.goto(href);
  await dpo.reload();
  await expect(dpo.getByRole("heading", { level: 1 })).toHaveText(EMAIL_ACTIVITY);
  await expect(levelBadge(dpo)).toHaveText(LEVEL.foreign_law);
  const links = sovereigntySection(dpo).getByRole("region", { name: "Services de prestataires et hébergements liés à ce traitement" });
  await expect(links).toContainText("Microsoft Ireland Operations Ltd");
  await expect(links).not.toContainText("Courrielys");
  await dpo.context().close();
});
