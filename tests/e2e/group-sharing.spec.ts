/** Issue 14 (ADR 019): the group page's sharing section works without JavaScript and is accessible. */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

test.beforeAll(resetDemoDatabase);

async function shareWithIneligible(page: Page) {
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);
  await page.goto("/portfolio/groups");
  await page.getByRole("link", { name: "Pays de Démo (intercommunalité, communes et CCAS)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier le groupe" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Partage du groupe" })).toBeVisible();
  await expect(page.getByText("Ce groupe n'est partagé avec personne.")).toBeVisible();
  // The demo city's DPO belongs to none of the group's organizations nor to the syndicat: refused.
  await page.getByLabel("Adresse e-mail du copropriétaire").fill("dpo@demo.example");
  await page.getByRole("button", { name: "Partager le groupe" }).click();
  await expect(page.getByRole("alert")).toContainText("Impossible de partager le groupe avec cette adresse");
  await expect(page.getByText("Ce groupe n'est partagé avec personne.")).toBeVisible();
}

test("without JavaScript, sharing a group with an ineligible address is refused and explained", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
  await shareWithIneligible(await context.newPage());
  await context.close();
});

test("the group page and its error are accessible", async ({ page }) => {
  test.setTimeout(90_000);
  await shareWithIneligible(page);
  await expectAccessible(page);
});
