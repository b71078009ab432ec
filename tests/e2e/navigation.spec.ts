/** Role-dependent navigation, error pages, accessibility of every page, keyboard access (demo city). */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";
const MANAGER_LINKS = ["Membres", "Services", "Journal d'audit"];

function orgNav(page: Page) {
  return page.getByRole("navigation", { name: "Navigation de Ville de Démo" });
}

async function signIn(page: Page, email: string) {
  await login(page, email);
  await useFrench(page);
  await page.goto(ORG);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ville de Démo");
}

for (const { email, role } of [
  { email: "admin@demo.example", role: "Administrateur" },
  { email: "dpo@demo.example", role: "Délégué à la protection des données" },
]) {
  test(`${role} sees the management links`, async ({ page }) => {
    await signIn(page, email);
    const nav = orgNav(page);
    await expect(nav.getByText(role)).toBeVisible();
    for (const name of ["Accueil", ...MANAGER_LINKS, "Organisme"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: "Membres" }).click();
    await page.waitForURL(`**${ORG}/members`);
    await expect(page.getByRole("heading", { level: 1, name: "Membres" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Membres" })).toHaveAttribute("aria-current", "page");
  });
}

for (const { email, role } of [
  { email: "etat-civil@demo.example", role: "Responsable de service" },
  { email: "lecteur@demo.example", role: "Lecteur" },
]) {
  test(`${role} does not see the management links and gets 403 on them`, async ({ page }) => {
    await signIn(page, email);
    const nav = orgNav(page);
    await expect(nav.getByText(role, { exact: true })).toBeVisible();
    for (const name of ["Accueil", "Organisme"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    for (const name of MANAGER_LINKS) await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

    for (const path of ["members", "audit", "departments"]) {
      const response = await page.goto(`${ORG}/${path}`);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
      await expect(page.getByText("Erreur 403")).toBeVisible();
    }
    await expectAccessible(page);
  });
}

test("the editor's home lists only their department", async ({ page }) => {
  await signIn(page, "etat-civil@demo.example");
  const mine = page.getByRole("region", { name: "Mes services" });
  await expect(mine.getByRole("listitem")).toHaveText(["État civil"]);
});

test("a signed-in user gets a 404 for an unknown page and for another organization", async ({ page }) => {
  await signIn(page, "lecteur@demo.example");
  const unknown = await page.goto("/cette-page-n-existe-pas");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByText("Erreur 404")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Revenir à l'accueil" }).click();
  await page.waitForURL(`**${ORG}`);

  // Léa is not a member of the CCAS: its existence is not disclosed (404, not 403).
  const other = await page.goto("/o/ccas-demo/members");
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  const missingOrg = await page.goto("/o/nowhere");
  expect(missingOrg?.status()).toBe(404);
});

test("an anonymous visitor of an unknown page is sent to login", async ({ page }) => {
  await page.goto("/cette-page-n-existe-pas");
  await expect(page).toHaveURL(/\/login$/);
});

test("every DPO page is accessible", async ({ page }) => {
  await signIn(page, "dpo@demo.example");
  const pages: [string, string][] = [
    [ORG, "Ville de Démo"],
    [`${ORG}/members`, "Membres"],
    [`${ORG}/departments`, "Services"],
    [`${ORG}/audit`, "Journal d'audit"],
    [`${ORG}/settings`, "Organisme"],
    ["/account", "Mon compte"],
    ["/", "Vos organismes"],
  ];
  for (const [path, h1] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(h1);
    await expectAccessible(page);
  }
  // The switcher, open.
  await page.goto(ORG);
  await page.locator("header details.org-switcher summary").click();
  await expect(page.locator("header details.org-switcher")).toHaveAttribute("open", "");
  await expectAccessible(page);
});

test("keyboard: the first Tab reaches the skip link, Enter moves focus to main", async ({ page }) => {
  await signIn(page, "dpo@demo.example");
  for (const path of [ORG, `${ORG}/members`, "/account"]) {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip, path).toBeFocused();
    await expect(skip).toBeVisible();
    await expect(skip).toHaveAttribute("href", "#main");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main"), path).toBeFocused();
    await expect(page).toHaveURL(/#main$/);
    if (path !== ORG) {
      // The next Tab goes into the content (these pages have forms), not back to the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement)), path).toBe(true);
    }
  }
});

test("keyboard: the skip link is also first on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
