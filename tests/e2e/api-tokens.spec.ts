/** Personal access tokens (issue 16): created on their page, used against /api/v1, then revoked. */
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "ville-demo";
const NAME = "Inventaire DSI";

/** What the IT department's tool does: a plain HTTP call with the token, no browser and no cookie. */
async function callApi(baseURL: string, token: string, init: RequestInit = {}) {
  return fetch(`${baseURL}/api/v1/organizations/${ORG}${init.method === "POST" ? "/activities" : ""}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
  });
}

function tokenRow(page: Page) {
  return page.locator("tbody tr", { has: page.getByRole("rowheader", { name: NAME, exact: true }) });
}

test("a member creates a read-only token, sees it once, uses it, then revokes it and it stops working", async ({ page }, testInfo) => {
  // 127.0.0.1: the server listens on IPv4, and Node's fetch may try "localhost" as ::1 first.
  const baseURL = testInfo.project.use.baseURL!.replace("localhost", "127.0.0.1");
  await login(page, "lecteur@demo.example");
  await useFrench(page);
  // Reached from the organization's menu.
  await page.goto(`/o/${ORG}`);
  await page.getByRole("link", { name: "Jetons d'API" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${ORG}/api-tokens$`));
  await expect(page.getByRole("heading", { level: 1, name: "Jetons d'accès à l'API" })).toBeVisible();
  await expect(page.getByText("Vous n'avez créé aucun jeton pour cette organisation.")).toBeVisible();
  await expectAccessible(page);

  // A read-only token, 30 days.
  await page.getByLabel("Nom du jeton").fill(NAME);
  await page.getByLabel("Portée").selectOption({ label: "Lecture seule" });
  await page.getByLabel("Expire dans").selectOption({ label: "30 jours" });
  await page.getByRole("button", { name: "Créer un jeton" }).click();
  const shown = page
    .getByRole("status")
    .filter({ has: page.getByRole("heading", { name: `Jeton « ${NAME} » créé. Copiez-le maintenant : il ne sera plus jamais affiché.` }) });
  await expect(shown).toBeVisible();
  const field = shown.getByLabel("Votre jeton");
  await expect(field).not.toBeEditable();
  const token = await field.inputValue();
  expect(token).toMatch(/^rgt_[a-z0-9]+\.[a-z0-9]+$/);
  // The page lists it: read only, active, expiring in 30 days.
  const row = tokenRow(page);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText("Lecture seule");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Actif");
  const in30Days = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(new Date(Date.now() + 30 * 24 * 3600 * 1000));
  await expect(row.getByRole("cell").nth(1)).toHaveText(in30Days);
  await expectAccessible(page);

  // The token reads the register's organization…
  const read = await callApi(baseURL, token);
  expect(read.status).toBe(200);
  expect(await read.json()).toMatchObject({ slug: ORG, name: "Ville de Démo", role: "VIEWER", tokenScope: "read" });
  // …and may not write, being read only.
  const write = await callApi(baseURL, token, { method: "POST", body: JSON.stringify({ departmentId: null, content: { name: "Essai" } }) });
  expect(write.status).toBe(403);
  expect(write.headers.get("content-type")).toContain("application/problem+json");
  expect(await write.json()).toMatchObject({ code: "insufficient_scope" });

  // Shown once: back on the page, the secret is gone, the token is still listed.
  await page.reload();
  await expect(page.getByLabel("Votre jeton")).toHaveCount(0);
  expect(await page.content()).not.toContain(token.split(".")[1]!);
  await expect(tokenRow(page)).toHaveCount(1);

  // Revoked on the page (the button names the token for screen readers).
  await tokenRow(page)
    .getByRole("button", { name: `Révoquer ${NAME}` })
    .click();
  await expect(page.getByText("Jeton révoqué.")).toBeVisible();
  await expect(tokenRow(page).getByRole("cell").nth(3)).toHaveText("Révoqué");
  await expect(tokenRow(page).getByRole("button")).toHaveCount(0);
  await expectAccessible(page);

  // The same call now answers 401.
  const after = await callApi(baseURL, token);
  expect(after.status).toBe(401);
  expect(after.headers.get("www-authenticate")).toContain("Bearer");
  expect(await after.json()).toMatchObject({ status: 401, code: "token_revoked" });
});
