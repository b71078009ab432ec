/** Breach register: from a vendor's page, report an incident, assess it, notify within the clock, download both drafts. */
import { expect, test } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";

test("the DPO reports an incident at OVHcloud, assesses it, notifies the CNIL in time and downloads the drafts", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, "dpo@demo.example");
  await useFrench(page);

  await page.goto(`${ORG}/vendors`);
  await page.getByRole("link", { name: "OVHcloud", exact: true }).first().click();
  await page.getByRole("link", { name: "Signaler un incident chez ce prestataire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signaler un incident chez OVHcloud" })).toBeVisible();
  const scope = page.getByRole("region", { name: "Traitements qui utilisent OVHcloud" });
  await expect(scope.locator("tbody tr").first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Intitulé").fill("Rançongiciel e2e chez OVHcloud");
  await page.getByLabel("Confidentialité").check();
  await page.getByLabel("Description").fill("Le prestataire signale un chiffrement malveillant de serveurs.");
  await page.getByRole("button", { name: "Enregistrer le signalement" }).click();
  await expect(page).toHaveURL(/\/breaches\/V-\d{4}$/);
  await expect(page.getByTestId("breach-clock")).toContainText("Notification à faire avant le");

  await page.getByLabel("Justification de l'évaluation").fill("Exfiltration possible de données d'identification.");
  await page.getByLabel("Justification de la décision de notifier ou non").fill("Risque pour les personnes.");
  await page.getByLabel("Justification de la décision d'informer ou non").fill("Risque non élevé à ce stade.");
  await page.getByLabel("Niveau de risque pour les personnes").selectOption("RISK");
  await page.getByLabel("Notifier la CNIL (art. 33)").selectOption("yes");
  await page.getByLabel("Informer les personnes (art. 34)").selectOption("no");
  await page.getByRole("button", { name: "Enregistrer l'évaluation" }).click();
  await expect(page.locator(".status-badge")).toHaveText("Évaluée");

  await page.getByLabel("Numéro d'accusé de réception CNIL").fill("E2E-1");
  await page.getByRole("button", { name: "Enregistrer la notification" }).click();
  await expect(page.locator(".status-badge")).toHaveText("Notifiée");
  await expect(page.getByTestId("breach-clock")).toContainText("Notifiée dans le délai");
  await expectAccessible(page);

  for (const name of [/notification-cnil-V-\d{4}-fr\.pdf/, /lettre-personnes-V-\d{4}-fr\.pdf/]) {
    const link = name.source.startsWith("notification")
      ? page.locator('a[href*="doc=cnil&format=pdf"]')
      : page.locator('a[href*="doc=letter&format=pdf&lang=fr"]');
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(name);
  }
  await context.close();
});
