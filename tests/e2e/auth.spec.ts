/** Sign-in, organization chooser and switcher, sign-out, and the HTTP security layer (demo city). */
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, expectAccessible, login, logout, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

test("the login page is accessible and in French by default", async ({ page }) => {
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password shows the French error and stays on /login", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Adresse e-mail").fill("admin@demo.example");
  await page.getByLabel("Mot de passe").fill("not-the-right-password");
  await page.locator("main").getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("admin@demo.example");
  await expectAccessible(page);
});

test("empty login fields show French errors, and the corrected form signs in with one click", async ({ page }) => {
  await page.goto("/login");
  const submit = page.locator("main").getByRole("button", { name: "Se connecter" });
  await submit.click();
  await expect(page.getByText("Ce champ est obligatoire.")).toHaveCount(2);
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Mot de passe")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill("lecteur@demo.example");
  await page.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  // A mouse user clicks the button while the password field still shows its error: that one click must sign in.
  await submit.click();
  await expect(page).toHaveURL(/\/o\/ville-demo$/, { timeout: 5_000 });
});

test("the DPO of three organizations (the city, its CCAS and the shared catalogue's DPO service) chooses one, switches in the header, and signs out", async ({
  page,
}) => {
  await login(page, "dpo@demo.example");
  await useFrench(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vos organismes" })).toBeVisible();
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: "Ville de Démo" })).toBeVisible();
  await expect(main.getByRole("link", { name: "CCAS de Démo" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Service DPO mutualisé de Démo" })).toBeVisible();
  await expect(main.getByText("Délégué à la protection des données")).toHaveCount(3);
  await expectAccessible(page);

  await main.getByRole("link", { name: "Ville de Démo" }).click();
  await page.waitForURL("**/o/ville-demo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ville de Démo");

  const switcher = page.locator("header details.org-switcher");
  await expect(switcher.locator("summary")).toContainText("Ville de Démo");
  await expect(switcher).not.toHaveAttribute("open", /.*/);
  await switcher.locator("summary").click();
  await expect(switcher).toHaveAttribute("open", "");
  await expect(switcher.getByRole("link")).toHaveCount(3);
  await expect(switcher.getByRole("link", { name: "Ville de Démo" })).toHaveAttribute("href", "/o/ville-demo");
  await expect(switcher.getByRole("link", { name: "CCAS de Démo" })).toHaveAttribute("href", "/o/ccas-demo");
  await expect(switcher.getByRole("link", { name: "Ville de Démo" })).toHaveAttribute("aria-current", "page");
  await switcher.getByRole("link", { name: "CCAS de Démo" }).click();
  await page.waitForURL("**/o/ccas-demo");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CCAS de Démo");
  await expect(page.locator("header details.org-switcher summary")).toContainText("CCAS de Démo");

  await logout(page);
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  // The session is really gone: a protected page sends back to login.
  await page.goto("/o/ccas-demo");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fo%2Fccas-demo$/);
});

test("/healthz answers JSON with status ok", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", database: "ok" });
});

test("cross-origin or origin-less writes are refused with 403", async ({ request, baseURL }) => {
  const form = { email: "admin@demo.example", password: E2E_PASSWORD };
  const noOrigin = await request.post("/login", { headers: {}, form, maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);
  expect(await noOrigin.text()).toContain("cross-origin request refused");
  expect(noOrigin.headers()["set-cookie"]).toBeUndefined();

  const foreign = await request.post("/login", { headers: { Origin: "https://evil.example" }, form, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["set-cookie"]).toBeUndefined();

  const nullOrigin = await request.post("/login", { headers: { Origin: "null" }, form, maxRedirects: 0 });
  expect(nullOrigin.status()).toBe(403);

  const crossSite = await request.post("/logout", { headers: { "Sec-Fetch-Site": "cross-site" }, form: {}, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);

  // Control: the same request from our own origin reaches the login action (wrong password → 400).
  const own = await request.post("/login", {
    headers: { Origin: new URL(baseURL!).origin },
    form: { email: "admin@demo.example", password: "still-not-the-password" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(400);
});

test("pages carry the security headers, and the CSP nonce matches the scripts", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toBeTruthy();
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp!)?.[1];
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();

  // Every inline script carries that request's nonce (the browser hides the attribute, not the property).
  const nonces = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  for (const n of nonces) expect(n).toBe(nonce);

  // A new request gets a new nonce.
  const again = await page.goto("/login");
  expect(again!.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await login(page, "lecteur@demo.example");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "registre_session");
  expect(session, `cookies: ${cookies.map((c) => c.name).join(", ")}`).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
  expect(session!.value.length).toBeGreaterThanOrEqual(20);
  // Not readable from page scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain("registre_session");
});
