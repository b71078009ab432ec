import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";
const DPO = "dpo@demo.example";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, email);
  await useFrench(page);
  return page;
}

const UNRECOGNISED = "Commentaire interne maison";

/** A register kept in a spreadsheet, CNIL-model headers, semicolons, UTF-8 with BOM. */
function registerCsv(stamp: number): Buffer {
  const header = ["Nom du traitement", "Finalité principale", "Catégories de personnes concernées", "Catégories de données", "Base légale", UNRECOGNISED];
  const rows = [1, 2, 3].map((n) => [
    `Import e2e ${stamp} ${n}`,
    `Finalité importée numéro ${n}`,
    "Usagers",
    "État civil",
    "Mission d'intérêt public",
    `Note maison ${stamp} ligne ${n}`,
  ]);
  const csv = [header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
}

async function registerCount(page: Page): Promise<number> {
  await page.goto(`${ORG}/activities`);
  const text = await page
    .locator("main")
    .getByText(/^\d+ traitements?$/)
    .first()
    .textContent();
  return Number(/(\d+) traitement/.exec(text ?? "")![1]);
}

test("the DPO imports a CSV register, maps an unrecognised column, confirms; the rows become drafts", async ({ browser }) => {
  const stamp = Date.now();
  const page = await signedIn(browser, DPO);

  await page.goto(`${ORG}/import`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer un registre");
  await expectAccessible(page);
  await page.locator("#import-file").setInputFiles({ name: `registre-${stamp}.csv`, mimeType: "text/csv", buffer: registerCsv(stamp) });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();

  // Preview: the three rows, the CSV details, the unrecognised column.
  await expect(page).toHaveURL(/\/import\?upload=[a-f0-9]{32}$/);
  await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toBeVisible();
  await expect(page.locator("main")).toContainText(`Fichier : registre-${stamp}.csv`);
  await expect(page.locator("main")).toContainText("séparateur « ; »");
  const rowsTable = page.locator('section[aria-labelledby="rows-h"] table');
  for (const n of [1, 2, 3]) {
    const row = rowsTable.locator("tbody tr", { hasText: `Import e2e ${stamp} ${n}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Nouveau brouillon");
  }
  const columns = page.locator('section[aria-labelledby="columns-h"] table');
  // A column's row, by its header cell (every row's select lists all the field names).
  const columnRow = (header: string) => columns.locator("tbody tr").filter({ has: page.locator("th", { hasText: new RegExp(`^${header}$`) }) });
  await expect(columnRow(UNRECOGNISED)).toContainText("Non reconnue (ignorée)");
  await expect(columnRow("Nom du traitement")).toHaveCount(1);
  await expect(columnRow("Nom du traitement")).not.toContainText("Non reconnue");
  await expect(page.locator("main")).toContainText("1 colonne non reconnue sera ignorée, sauf si vous l'associez à un champ.");
  await expectAccessible(page);

  // Map the unrecognised column to the description and apply (a GET form).
  const select = page.getByLabel(`Champ pour la colonne ${UNRECOGNISED}`);
  await select.selectOption("description");
  await page.getByRole("button", { name: "Appliquer les associations" }).click();
  await expect(page).toHaveURL(/map\.5=description/);
  await expect(page.getByLabel(`Champ pour la colonne ${UNRECOGNISED}`)).toHaveValue("description");
  await expect(columnRow(UNRECOGNISED)).not.toContainText("Non reconnue");
  await expect(page.locator("main")).not.toContainText(/colonnes? non reconnues? (sera ignorée|seront ignorées)/);
  await expect(rowsTable.locator("tbody tr")).toHaveCount(3);
  await expectAccessible(page);

  // Confirm: everything is written, the register page says so.
  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page).toHaveURL(new RegExp(`${ORG}/activities$`));
  await expect(page.locator("body")).toContainText("Import enregistré : 3 créations,");

  // The three drafts in the register, found by the stamp.
  await page.goto(`${ORG}/activities?q=${stamp}`);
  await expect(page.locator("main")).toContainText(/(?<!\d)3 traitements/);
  const found = page.locator("table tbody tr");
  await expect(found).toHaveCount(3);
  for (const status of await page.locator("table tbody .status-badge").allTextContents()) expect(status).toBe("Brouillon");
  await page.getByRole("link", { name: `Import e2e ${stamp} 2` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Import e2e ${stamp} 2`);
  await expect(page.locator("main")).toContainText(`Note maison ${stamp} ligne 2`);
  await expect(page.locator("main")).toContainText("Finalité importée numéro 2");
  await page.context().close();
});

test("a garbage file is refused with a French message and nothing is imported", async ({ browser }) => {
  const page = await signedIn(browser, DPO);
  const before = await registerCount(page);

  const garbage = randomBytes(4096);
  garbage[0] = 0x00; // never "PK" (XLSX) nor "{" (JSON)
  garbage[1] = 0x01;
  for (let i = 0; i < garbage.length; i += 16) garbage[i] = 0x00;
  await page.goto(`${ORG}/import`);
  await page.locator("#import-file").setInputFiles({ name: "registre.csv", mimeType: "text/csv", buffer: garbage });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  const alert = page.locator("main .form-errors[role=alert]");
  await expect(alert).toHaveText("Ce fichier n'est ni un classeur XLSX, ni un CSV, ni un export JSON de registre.");
  // Still on the upload step: no preview, nothing to confirm.
  await expect(page.getByRole("heading", { name: "Aperçu de l'import" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
  await expect(page.locator("#import-file")).toBeVisible();
  await expectAccessible(page);

  expect(await registerCount(page)).toBe(before);
  await page.context().close();
});
