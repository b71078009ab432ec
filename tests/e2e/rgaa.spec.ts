/**
 * RGAA checks that axe-core does not make, run in the browser on the main pages (demo city, DPO):
 * headings (9.1), landmarks (9.2, 12.6), the skip link (12.7), a visible focus indicator (10.7),
 * reflow at 320 CSS px (10.11) and the world map's text alternative (1.1, 1.3, 1.6, 1.9). The public
 * register is checked as a citizen sees it, once an activity is published.
 * app/reference/rgaa-audit.ts cites this spec for those criteria.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";

type PageSpec = { name: string; anonymous?: boolean; path: (page: Page) => Promise<string> };

/** The href of the first link in <main> matching `selector` on `from` (a demo activity, a demo vendor). */
async function firstLink(page: Page, from: string, selector: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(`main ${selector}`).first().getAttribute("href");
  expect(href, `a link ${selector} on ${from}`).toBeTruthy();
  return href!;
}

const fixed = (path: string) => async () => path;
const activityLink = 'a[href^="/o/ville-demo/activities/T-"]';

/**
 * The public register lists only published activities: the DPO publishes one approved activity first
 * unless one is public already (other specs may have published some), then the citizen's page is checked.
 */
async function publicRegister(page: Page): Promise<string> {
  const dpo = await page.context().browser()!.newContext({ locale: "fr-FR" });
  try {
    const p = await dpo.newPage();
    await login(p, "dpo@demo.example");
    await useFrench(p);
    await p.goto(`${ORG}/activities?status=APPROVED`);
    const hrefs = await p.locator("table tbody tr td:nth-child(2) a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      await p.goto(href);
      if (await p.getByRole("button", { name: "Retirer du registre public" }).isVisible()) break;
      const publish = p.getByRole("button", { name: "Publier dans le registre public" });
      if (await publish.isVisible()) {
        await publish.click();
        await expect(p.getByRole("button", { name: "Retirer du registre public" })).toBeVisible();
        break;
      }
    }
  } finally {
    await dpo.close();
  }
  return "/public/ville-demo";
}

const PAGES: PageSpec[] = [
  { name: "login", anonymous: true, path: fixed("/login") },
  { name: "accessibility statement", anonymous: true, path: fixed("/accessibilite?org=ville-demo") },
  { name: "accessibility statement (signed in)", path: fixed("/accessibilite?org=ville-demo") },
  { name: "dashboard", path: fixed(ORG) },
  { name: "register list", path: fixed(`${ORG}/activities`) },
  { name: "activity page", path: (page) => firstLink(page, `${ORG}/activities`, activityLink) },
  { name: "activity form", path: async (page) => `${await firstLink(page, `${ORG}/activities`, activityLink)}/edit` },
  { name: "new activity form", path: fixed(`${ORG}/activities/new`) },
  { name: "guided declaration", path: async (page) => `${await firstLink(page, `${ORG}/activities`, activityLink)}/guided/1` },
  { name: "DPIA", path: async (page) => `${await firstLink(page, `${ORG}/activities`, activityLink)}/dpia` },
  { name: "vendors", path: fixed(`${ORG}/vendors`) },
  { name: "vendor page", path: (page) => firstLink(page, `${ORG}/vendors`, 'table a[href^="/o/ville-demo/vendors/"]') },
  { name: "sovereignty", path: fixed(`${ORG}/sovereignty`) },
  { name: "exports", path: fixed(`${ORG}/exports`) },
  { name: "audit log", path: fixed(`${ORG}/audit`) },
  { name: "public register", anonymous: true, path: publicRegister },
];

/** Headings in document order, with their level, as assistive technologies get them (hidden ones excluded). */
async function headingLevels(page: Page): Promise<{ level: number; text: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("h1, h2, h3, h4, h5, h6, [role=heading]")]
      .filter((h) => h.getClientRects().length > 0 || h.closest(".visually-hidden") !== null || h.classList.contains("visually-hidden"))
      .filter((h) => !h.closest("[aria-hidden=true], [hidden]"))
      .map((h) => ({
        level: Number(h.getAttribute("aria-level") ?? h.tagName.slice(1)),
        text: (h.textContent ?? "").trim().slice(0, 60),
      })),
  );
}

async function checkHeadings(page: Page) {
  const headings = await headingLevels(page);
  expect(
    headings.filter((h) => h.level === 1),
    "exactly one h1",
  ).toHaveLength(1);
  expect(headings[0]?.level, `the first heading is the h1 (${headings[0]?.text})`).toBe(1);
  const skips = headings.flatMap((h, i) => (i > 0 && h.level > headings[i - 1]!.level + 1 ? [`h${headings[i - 1]!.level} → h${h.level} "${h.text}"`] : []));
  expect(skips, "no skipped heading level").toEqual([]);
}

async function checkLandmarks(page: Page) {
  await expect(page.getByRole("banner"), "one banner (header)").toHaveCount(1);
  await expect(page.getByRole("main"), "one main").toHaveCount(1);
  await expect(page.getByRole("contentinfo"), "one contentinfo (footer)").toHaveCount(1);
  expect(await page.getByRole("navigation").count(), "at least one navigation").toBeGreaterThan(0);
  // Every navigation landmark has its own name, so a screen reader's landmark list tells them apart.
  const navNames = await page
    .getByRole("navigation")
    .evaluateAll((navs) =>
      navs.map((n) => n.getAttribute("aria-label") ?? document.getElementById(n.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""),
    );
  expect(
    navNames.every((n) => n.trim().length > 0),
    `named navigations: ${JSON.stringify(navNames)}`,
  ).toBe(true);
  expect(new Set(navNames).size, "distinct navigation names").toBe(navNames.length);
}

async function checkSkipLink(page: Page, path: string) {
  await page.goto(path);
  await page.keyboard.press("Tab");
  const skip = page.locator(":focus");
  await expect(skip).toHaveText("Aller au contenu");
  await expect(skip).toHaveAttribute("href", "#main");
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab goes on from the start of main (into it, or past it when it has no tab stop), not back to the header.
  await page.keyboard.press("Tab");
  const after = await page.evaluate(() => {
    const active = document.activeElement;
    const main = document.querySelector("main")!;
    return {
      followsMain: active !== null && active !== main && (main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      inHeader: active?.closest("header") !== null,
    };
  });
  expect(after, "Tab after the skip link goes on from main").toEqual({ followsMain: true, inHeader: false });
}

/** The first tab stops of the page each show a focus indicator (an outline or a box shadow) and are on screen. */
async function checkVisibleFocus(page: Page, path: string, stops = 8) {
  await page.goto(path);
  let checked = 0;
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`,
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
        shadow: s.boxShadow !== "none",
        size: r.width > 0 && r.height > 0,
      };
    });
    if (focus === null) break; // Fewer tab stops than `stops`: the focus left the page.
    expect(focus.outline || focus.shadow, `focus indicator on ${focus.what}`).toBe(true);
    expect(focus.size, `${focus.what} is rendered`).toBe(true);
    checked++;
  }
  // Every page has at least the skip link, the home link and the language buttons.
  expect(checked, "tab stops checked").toBeGreaterThanOrEqual(4);
}

async function checkReflow(page: Page, path: string) {
  await page.setViewportSize({ width: 320, height: 720 });
  await page.goto(path);
  const widths = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    // What sticks out, to say what to fix when this fails.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > 321 && !el.closest(".table-wrap, .visually-hidden, .skip-link"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scroll: doc.scrollWidth, wide };
  });
  expect(widths.scroll, `no horizontal scroll at 320 px; widest: ${widths.wide.join(", ")}`).toBeLessThanOrEqual(321);
  await page.setViewportSize({ width: 1280, height: 720 });
}

let signedInContext: BrowserContext | null = null;

async function pageFor(browser: Browser, anonymous: boolean): Promise<Page> {
  if (anonymous) return (await browser.newContext({ locale: "fr-FR" })).newPage();
  if (!signedInContext) {
    signedInContext = await browser.newContext({ locale: "fr-FR" });
    const page = await signedInContext.newPage();
    await login(page, "dpo@demo.example");
    await useFrench(page);
    return page;
  }
  return signedInContext.newPage();
}

test.afterAll(async () => {
  await signedInContext?.close();
  signedInContext = null;
});

for (const spec of PAGES) {
  test(`RGAA structure, keyboard and reflow: ${spec.name}`, async ({ browser }) => {
    const page = await pageFor(browser, spec.anonymous ?? false);
    const path = await spec.path(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await checkHeadings(page);
    await checkLandmarks(page);
    await expectAccessible(page);
    await checkSkipLink(page, path);
    await checkVisibleFocus(page, path);
    await checkReflow(page, path);
    await page.close();
  });
}

test("the sovereignty map has a text alternative: a caption and a table with every country it colours", async ({ browser }) => {
  const page = await pageFor(browser, false);
  await page.goto(`${ORG}/sovereignty`);
  const figure = page.locator("figure.world-map-figure");
  const map = figure.getByRole("img");
  await expect(map).toHaveCount(1);
  const caption = (await figure.locator("figcaption").innerText()).trim();
  expect(caption.length, "a caption").toBeGreaterThan(20);
  await expect(map).toHaveAccessibleName(caption.replace(/\s+/g, " "));

  const table = page.getByRole("table", { name: "Pays concernés, en nombre de traitements" });
  await expect(table.getByRole("columnheader")).not.toHaveCount(0);
  const countries = (await table.locator("tbody th[scope=row]").allInnerTexts()).map((c) => c.trim());
  expect(countries.length, "countries in the table").toBeGreaterThan(0);
  // Every coloured country on the map is a row of the table (the map says nothing the table does not).
  const coloured = await map.evaluate((svg) =>
    [...svg.querySelectorAll("path.map-country:not(.map-none) > title, circle.map-country:not(.map-none) > title")].map((t) => t.textContent ?? ""),
  );
  expect(coloured.length, "coloured countries on the map").toBeGreaterThan(0);
  const missing = coloured.filter((title) => !countries.some((c) => title.startsWith(`${c} — `)));
  expect(missing, "coloured on the map but missing from the table").toEqual([]);
  await page.close();
});
