import { expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "./helpers.ts";
test("scratch", async ({ page }) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  const submit = page.locator("main").getByRole("button", { name: "Se connecter" });
  await submit.click();
  await expect(page.getByText("Ce champ est obligatoire.")).toHaveCount(2);
  await page.getByLabel("Adresse e-mail").fill("lecteur@demo.example");
  await page.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  console.log(await page.locator("main").innerText());
  await submit.click();
  await page.waitForTimeout(2000);
  console.log("URL", page.url());
});
