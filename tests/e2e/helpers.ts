import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_CONTROL_PORT, E2E_PASSWORD } from "../../playwright.config.ts";

export { E2E_PASSWORD };

/**
 * Puts the demo database back as seeded (tests/e2e/serve-demo.ts). Every spec served by the demo
 * server calls it in its beforeAll, so it starts from the same data whatever spec ran before (ADR 017).
 */
export async function resetDemoDatabase() {
  const res = await fetch(`http://127.0.0.1:${DEMO_CONTROL_PORT}/reset`, { method: "POST" });
  expect(res.status, await res.text()).toBe(204);
}

/** axe-core on the current page: no serious or critical violation allowed. */
export async function expectAccessible(page: Page) {
  // Let entrance animations (toasts) end: mid-fade colours are not what a reader sees.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function login(page: Page, email: string, password = E2E_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  // Only the login form inside <main>: the header's language switch also has submit buttons.
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Signs out with the header button and waits for the login page. */
export async function logout(page: Page) {
  await page.locator('header form[action="/logout"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** The demo users' stored language may have been changed by another spec: pin French. */
export async function useFrench(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) !== "fr") {
    await page.locator("header .lang-switch button[value=fr]").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  }
}
