/**
 * First run, on an EMPTY database (project "first-run", port 3101): setup, then the normal
 * sign-in flow. The tests share the database and run in order.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible, login } from "./helpers.ts";

const ORG_NAME = "Commune de Test";
const ORG_SLUG = "commune-de-test";
const EMAIL = "dpo@commune-de-test.example";
const PASSWORD = "une phrase de passe solide";

test.describe.configure({ mode: "serial" });

test("the home page sends a new installation to /setup, which is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Première installation" })).toBeVisible();
  // /login also sends to /setup while there is no user.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/setup$/);
  await expectAccessible(page);
});

test("submitting the empty setup form shows French errors", async ({ page }) => {
  await page.goto("/setup");
  await page.getByRole("button", { name: "Créer l'organisme et le compte" }).click();
  const orgName = page.getByLabel("Nom de l'organisme");
  await expect(orgName).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();
  // Each required field has its error, wired to the input.
  for (const label of ["Nom de l'organisme", "Nom et prénom", "Adresse e-mail", "Nouveau mot de passe"]) {
    const input = page.getByLabel(label);
    await expect(input, label).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId, `${label} has an error id in aria-describedby`).toBeTruthy();
    await expect(page.locator(`[id="${errorId}"]`)).toContainText(/Ce champ est obligatoire|Saisissez/);
  }
  await expect(page).toHaveURL(/\/setup$/);
  await expectAccessible(page);
});

test("setup creates the organization and signs the user in", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("Nom de l'organisme").fill(ORG_NAME);
  await page.getByLabel("Nom et prénom").fill("Sam Testeur");
  await page.getByLabel("Adresse e-mail").fill(EMAIL);
  await page.getByLabel("Votre rôle").selectOption("DPO");
  await page.getByLabel("Nouveau mot de passe").fill(PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer l'organisme et le compte" }).click();
  await page.waitForURL(`**/o/${ORG_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ORG_NAME);
  await expect(page.getByText("Vous tenez le registre de cet organisme.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Sam Testeur/ })).toBeVisible();
  await expectAccessible(page);
});

test("setup is closed once a user exists", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  // "/" now goes to login, not setup.
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await context.close();
});

test("logout, protected page redirect, and login back to the requested page", async ({ page }) => {
  await login(page, EMAIL, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/o/${ORG_SLUG}$`));
  await page.locator("header").getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL((u) => u.pathname === "/login");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);

  const response = await page.goto(`/o/${ORG_SLUG}/members`);
  expect(response?.status()).toBe(200);
  const url = new URL(page.url());
  expect(url.pathname).toBe("/login");
  expect(url.searchParams.get("redirectTo")).toBe(`/o/${ORG_SLUG}/members`);

  await page.getByLabel("Adresse e-mail").fill(EMAIL);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.locator("main").getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`**/o/${ORG_SLUG}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Membres" })).toBeVisible();
  await expect(page.getByText(EMAIL)).toBeVisible();
});
