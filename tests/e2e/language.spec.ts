/** Language: Accept-Language for visitors, the FR/EN switch, and the choice stored per user (demo city). */
import { expect, test } from "@playwright/test";
import { expectAccessible, login, logout, resetDemoDatabase } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

test("an English-speaking visitor gets English, and the FR button switches to French", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.locator("main").getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  const switcher = page.getByRole("form", { name: "Language" });
  await expect(switcher.getByRole("button", { name: "EN" })).toHaveAttribute("aria-pressed", "true");
  await expect(switcher.getByRole("button", { name: "FR" })).toHaveAttribute("aria-pressed", "false");
  await expectAccessible(page);

  await switcher.getByRole("button", { name: "FR" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  await expect(page.getByRole("form", { name: "Langue" }).getByRole("button", { name: "FR" })).toHaveAttribute("aria-pressed", "true");

  // The choice is kept in a cookie for the next visit, over Accept-Language.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const langCookie = (await context.cookies()).find((c) => c.name === "registre_lang");
  expect(langCookie?.value).toBe("fr");
  await context.close();
});

test("a signed-in user's language is stored on the account, not only in the browser", async ({ browser }) => {
  const first = await browser.newContext({ locale: "fr-FR" });
  const page = await first.newPage();
  await login(page, "lecteur@demo.example");
  await expect(page).toHaveURL(/\/o\/ville-demo$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("form", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/o\/ville-demo$/);
  await expect(page.getByText("You have read-only access to the record.")).toBeVisible();
  await logout(page);
  await first.close();

  // A new browser, asking for French, with no language cookie.
  const second = await browser.newContext({ locale: "fr-FR" });
  const page2 = await second.newPage();
  await page2.goto("/login");
  await expect(page2.locator("html")).toHaveAttribute("lang", "fr");
  await login(page2, "lecteur@demo.example");
  await expect(page2).toHaveURL(/\/o\/ville-demo$/);
  await expect(page2.locator("html")).toHaveAttribute("lang", "en");
  await expect(page2.getByText("You have read-only access to the record.")).toBeVisible();
  const nav = page2.getByRole("navigation", { name: "Ville de Démo navigation" });
  await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Organisation" })).toBeVisible();
  await expect(page2.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page2);

  await page2.goto("/account");
  await expect(page2.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await expect(page2.getByLabel("Interface language")).toHaveValue("en");
  await expectAccessible(page2);

  // Back to French, so the other specs find the demo user as seeded.
  await page2.getByRole("form", { name: "Language" }).getByRole("button", { name: "FR" }).click();
  await expect(page2.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page2.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await second.close();
});

test("after the first page, a data request carries no messages again, and pages stay translated", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, "lecteur@demo.example");
  await expect(page).toHaveURL(/\/o\/ville-demo$/);
  // The browser holds the French messages; the cookie names their language and version.
  expect((await context.cookies()).find((c) => c.name === "registre_msgs")?.value).toMatch(/^fr\.[0-9a-f]{12}$/);

  const rootData = page.waitForResponse((res) => new URL(res.url()).pathname.endsWith(".data") && new URL(res.url()).searchParams.get("_routes") === "root");
  // Client navigations, then a search (new search parameters), which revalidates the root loader.
  await page.goto("/o/ville-demo/activities");
  await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Navigation de Ville de Démo" });
  await nav.getByRole("link", { name: "Prestataires" }).click();
  await expect(page).toHaveURL(/\/o\/ville-demo\/vendors$/);
  await nav.getByRole("link", { name: "Registre", exact: true }).click();
  await expect(page).toHaveURL(/\/o\/ville-demo\/activities$/);
  // The register must have rendered after the client navigation: a search typed earlier was reset
  // by the arriving page and submitted empty.
  await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const search = page.getByRole("searchbox").first();
  await search.fill("zzzz-none");
  await expect(search).toHaveValue("zzzz-none");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=zzzz-none/);
  const res = await rootData;
  const body = await res.text();
  expect(body.length).toBeLessThan(5000);
  expect(body).not.toContain("Aller au contenu");
  // Still French everywhere, from the browser's copy.
  await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeAttached();
  await expect(page.locator("main")).toContainText(/(?<!\d)0 traitement(?!s)/);

  // Switching language brings the English messages with the next data request.
  await page.getByRole("form", { name: "Langue" }).getByRole("button", { name: "EN" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Record of processing activities" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "FR" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});
