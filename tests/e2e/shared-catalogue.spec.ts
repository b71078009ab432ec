/**
 * Issue 14 (ADR 020): the shared DPO moves a shared vendor's hosting to the United States from the DPO
 * service's catalogue; the demo city's DPO is told in the app, with the activity whose exposure changed
 * (before → after). The hosting is moved back at the end so the other demo specs see the usual city.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, useFrench } from "./helpers.ts";

const SERVICE_ORG = "/o/service-dpo-demo";
const CITY = "/o/ville-demo";
const VENDOR = "Mairie Connect (catalogue partagé)";
const SERVICE = "Suite état civil et élections";
const ACTIVITY = "Tenue des registres de l'état civil";
const EU = "Hébergé et contrôlé dans l'UE";

async function addStorage(page: Page, country: string) {
  const card = page.getByRole("article", { name: SERVICE });
  const add = card.locator("details", { has: page.locator("summary", { hasText: "Ajouter un lieu" }) });
  await add.locator("summary").click();
  await add.locator('select[name="role"]').selectOption("STORAGE");
  await add.locator('select[name="country"]').selectOption(country);
  await add.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lieu ajouté." })).toBeVisible();
}

async function removeStorage(page: Page, country: string) {
  const card = page.getByRole("article", { name: SERVICE });
  await card.getByRole("button", { name: `Retirer le lieu Stockage, ${country}` }).click();
  await expect(card.getByRole("table", { name: `Lieux du service ${SERVICE}` }).locator("tbody tr")).toHaveCount(1);
}

async function clearAll(page: Page) {
  await page.goto(`${CITY}/notifications`);
  const all = page.getByRole("button", { name: "Tout effacer" });
  const one = page.getByRole("button", { name: "Effacer", exact: true });
  // "Tout effacer" shows from two notifications on; a single one has its own button.
  if (await all.count()) await all.click();
  else if (await one.count()) await one.click();
  await expect(page.getByText("Aucune notification.")).toBeVisible();
}

test("the shared DPO moves a shared vendor to the US; the city's DPO sees the notification and the changed exposure", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, "dpo@demo.example");
  await useFrench(page);
  await clearAll(page);

  // The city reads the shared catalogue: the vendor it uses, with its own contract.
  await page.goto(`${CITY}/catalogue`);
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue partagé de prestataires" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(VENDOR.replace(/[()]/g, "\\$&")) })).toBeVisible();
  await expect(page.getByText("Cet organisme utilise ce prestataire.")).toBeVisible();
  await expectAccessible(page);

  // The DPO service's catalogue: the shared vendor, edited from its ordinary page.
  await page.goto(`${SERVICE_ORG}/catalogue`);
  await expectAccessible(page);
  await page.getByRole("link", { name: VENDOR }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(VENDOR);
  await addStorage(page, "US");
  await removeStorage(page, "FR");

  // The city's DPO: a notification naming the vendor and the activity whose level changed.
  await page.goto(`${CITY}/notifications`);
  await expect(page.getByRole("navigation", { name: /Ville de Démo/ }).getByRole("link", { name: /^Notifications \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Le prestataire partagé ${VENDOR} a changé` }).first()).toBeVisible();
  const table = page.getByRole("table", { name: `Activités dont le niveau d'exposition a changé (${VENDOR})` });
  await expect(table).toHaveCount(1);
  const row = table.getByRole("row", { name: new RegExp(ACTIVITY) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").first()).toHaveText(EU);
  await expect(row.getByRole("cell").nth(1)).not.toHaveText(EU);
  await expectAccessible(page);

  // The activity page agrees: the city's analysis reads the shared vendor as it is now.
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ACTIVITY);
  await expect(page.getByRole("region", { name: "Prestataires et hébergement", exact: true }).locator(".exposure-line .exposure-badge")).not.toHaveText(EU);

  // Clear the list, then move the hosting back to France for the other specs.
  await clearAll(page);
  await page.goto(`${SERVICE_ORG}/catalogue`);
  await page.getByRole("link", { name: VENDOR }).click();
  await addStorage(page, "FR");
  await removeStorage(page, "US");
  await clearAll(page);
  await context.close();
});
