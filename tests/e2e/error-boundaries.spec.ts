/**
 * The activity, DPIA, guided step, vendor, import and exports pages have an error boundary of their own (ADR 016):
 * an unknown record or a refused role shows the translated message inside the organization's layout (its
 * navigation stays) with a link back to the section, and the response keeps its status.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, login, useFrench } from "./helpers.ts";

const ORG = "/o/ville-demo";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, email);
  await useFrench(page);
  return page;
}

async function expectSectionError(page: Page, url: string, status: number, title: string, back: { name: string; href: string }) {
  const res = await page.goto(url);
  expect(res?.status()).toBe(status);
  const main = page.locator("main");
  await expect(main.locator(".error-page")).toHaveAttribute("data-status", String(status));
  await expect(main.locator(".error-code")).toHaveText(`Erreur ${status}`);
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(title);
  // The organization's navigation is still there: the boundary is the section's, not the root's.
  await expect(page.locator("nav.org-nav")).toBeVisible();
  const link = main.getByRole("link", { name: back.name, exact: true });
  await expect(link).toHaveAttribute("href", back.href);
  // The root's way back ("Revenir à l'accueil") is not what this page offers.
  await expect(main.getByRole("link", { name: "Revenir à l'accueil" })).toHaveCount(0);
}

/** The reference of a demo activity the page's user can read (the first one of the register). */
async function someActivityRef(page: Page): Promise<string> {
  await page.goto(`${ORG}/activities`);
  const href = await page.locator("main a[href*='/activities/T-']").first().getAttribute("href");
  return /\/activities\/(T-\d+)/.exec(href ?? "")![1]!;
}

test("unknown activity, guided step and vendor: translated message and a way back to the section", async ({ browser }) => {
  const dpo = await signedIn(browser, "dpo@demo.example");
  await expectSectionError(dpo, `${ORG}/activities/T-404`, 404, "Page introuvable", { name: "Revenir au registre", href: `${ORG}/activities` });
  await expectAccessible(dpo);
  // Under an unknown activity, the activity's own boundary answers (its loader fails first).
  await expectSectionError(dpo, `${ORG}/activities/T-404/dpia`, 404, "Page introuvable", { name: "Revenir au registre", href: `${ORG}/activities` });
  // A known activity and a step that does not exist: the guided step's boundary, back to the activity.
  const ref = await someActivityRef(dpo);
  await expectSectionError(dpo, `${ORG}/activities/${ref}/guided/99`, 404, "Page introuvable", {
    name: "Revenir au traitement",
    href: `${ORG}/activities/${ref}`,
  });
  await expectSectionError(dpo, `${ORG}/vendors/no-such-vendor`, 404, "Page introuvable", { name: "Revenir aux prestataires", href: `${ORG}/vendors` });
  await expectAccessible(dpo);

  // Following the link leads back to the list.
  await dpo.locator("main").getByRole("link", { name: "Revenir aux prestataires" }).click();
  await expect(dpo).toHaveURL(new RegExp(`${ORG}/vendors$`));
  await expect(dpo.getByRole("heading", { level: 1 })).toHaveText("Prestataires");
  await dpo.context().close();
});

test("a DPIA form refused to a reader: the DPIA page's boundary, back to the activity", async ({ browser }) => {
  const viewer = await signedIn(browser, "lecteur@demo.example");
  const ref = await someActivityRef(viewer);
  await viewer.goto(`${ORG}/activities/${ref}/dpia`);
  await expect(viewer.getByRole("heading", { level: 1 })).toBeVisible();
  // A plain form post (as without JavaScript) that a reader may not make.
  const [res] = await Promise.all([
    viewer.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/dpia")),
    viewer.evaluate(() => {
      const f = document.createElement("form");
      f.method = "post";
      f.action = location.pathname;
      const i = document.createElement("input");
      i.name = "intent";
      i.value = "start";
      f.append(i);
      document.body.append(f);
      HTMLFormElement.prototype.submit.call(f);
    }),
  ]);
  expect(res.status()).toBe(403);
  const main = viewer.locator("main");
  await expect(main.locator(".error-page")).toHaveAttribute("data-status", "403");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  await expect(viewer.locator("nav.org-nav")).toBeVisible();
  await expect(main.getByRole("link", { name: "Revenir au traitement", exact: true })).toHaveAttribute("href", `${ORG}/activities/${ref}`);
  await viewer.context().close();
});

test("import and exports refused to a role: translated 403 and a way back to the register", async ({ browser }) => {
  const viewer = await signedIn(browser, "lecteur@demo.example");
  await expectSectionError(viewer, `${ORG}/import`, 403, "Accès refusé", { name: "Revenir au registre", href: `${ORG}/activities` });
  await viewer.context().close();
  const editor = await signedIn(browser, "etat-civil@demo.example");
  await expectSectionError(editor, `${ORG}/exports`, 403, "Accès refusé", { name: "Revenir au registre", href: `${ORG}/activities` });
  await editor.context().close();
});

test("in English, the same page speaks English", async ({ browser }) => {
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.locator("header .lang-switch button[value=en]").click();
  await expect(dpo.locator("html")).toHaveAttribute("lang", "en");
  try {
    const res = await dpo.goto(`${ORG}/vendors/no-such-vendor`);
    expect(res?.status()).toBe(404);
    const main = dpo.locator("main");
    await expect(main.locator(".error-code")).toHaveText("Error 404");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(main.getByRole("link", { name: "Back to the vendors", exact: true })).toHaveAttribute("href", `${ORG}/vendors`);
  } finally {
    // The stored language is the user's: give the other specs their French back.
    await useFrench(dpo);
    await dpo.context().close();
  }
});
