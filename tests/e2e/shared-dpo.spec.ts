/**
 * Issue 14, the shared DPO's whole round (ADR 019, ADR 020), every step through the UI as they would do it:
 * onboard three communes from a CSV file, open the DPO service's shared catalogue to them and subscribe
 * each to a shared vendor, propose a model activity (each gets a prefilled draft marked as coming from
 * the model), move the vendor's hosting to the United States, and see the three communes' changed
 * exposure in the portfolio and in their notifications.
 *
 * What the UI imposes, done as a DPO would:
 * - the demo's DPO service ("Syndicat mixte Démo Numérique") already shares four vendors with its 12
 *   members (ADR 026), none granted to the new communes: the DPO creates one more (vendor, service,
 *   storage in France) and shares it;
 * - the demo starts with the sale of the catalogue's payroll vendor to a US group already propagated
 *   (five members' exposure moved from the EU to foreign law): the "changed" filter shows those five
 *   and the three communes, and nothing else;
 * - the catalogue is granted one organization at a time (by its identifier), and subscribing is done by
 *   each subscriber: the DPO opens each commune's catalogue page (they are DPO of each);
 * - an activity's exposure comes from the services it links: the DPO links each commune's draft to the
 *   shared service, otherwise nothing in the communes' registers depends on the vendor's hosting.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

test.beforeAll(resetDemoDatabase);

/** SIREN: 8 digits and a Luhn check digit (INSEE). Computed here, not copied. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
function siren(prefix: string): string {
  const ok = [...Array(10).keys()].map((d) => `${prefix}${d}`).filter(luhnValid);
  expect(ok, `one check digit for ${prefix}`).toHaveLength(1);
  return ok[0]!;
}

const SERVICE_ORG = "/o/syndicat-numerique-demo";
const COMMUNES = [
  { name: "Commune de Roquebrune-sur-Démo", slug: "roquebrune-sur-demo", siren: siren("21120101"), email: "maire@roquebrune-sur-demo.example" },
  { name: "Commune de Salles-la-Démo", slug: "salles-la-demo", siren: siren("21120102"), email: "maire@salles-la-demo.example" },
  { name: "Commune de Vabre-en-Démo", slug: "vabre-en-demo", siren: siren("21120103"), email: "mairie@vabre-en-demo.example" },
] as const;
const DEPARTMENT = "12"; // Aveyron: none of the demo's organizations is there, so it isolates the three.
const VENDOR = "Suite Mairie Mutualisée";
const SERVICE = "Élections et état civil en ligne";
const TEMPLATE = "listes-electorales";
const MODEL = "Gestion des listes électorales";
const OWNER = "Syndicat mixte Démo Numérique";
const LEVEL = {
  eu: "Hébergé et contrôlé dans l'UE",
  toVerify: "À vérifier : un fait manque pour conclure",
  foreignLaw: "Exposé à une loi extra-européenne",
} as const;
/** The members whose exposure the demo's seeded propagation moved (the payroll vendor's sale, ADR 026). */
const SEEDED_CHANGED = [
  "CCAS de Saint-Martin-de-Démo",
  "Communauté de communes du Pays de Démo",
  "Commune de Castelnau-la-Démo",
  "Commune de Saint-Martin-de-Démo",
  "Commune de Villeneuve-lès-Démo",
] as const;
/** Shared by the DPO service before this test adds its own (app/demo/portfolio-catalogue.ts). */
const SEEDED_SHARED_VENDORS = 4;
/** The organizations the DPO service granted its catalogue to: its 12 members. */
const SEEDED_GRANTS = 12;

const CSV = [
  "Nom;SIREN;Type;Identifiant;Adresse;Courriel du contact;Département",
  ...COMMUNES.map((c) => `${c.name};${c.siren};commune;${c.slug};Place de la Mairie, 12000 ${c.name.replace("Commune de ", "")};${c.email};${DEPARTMENT}`),
].join("\n");

const status = (page: Page, text: string): Locator => page.getByRole("status").filter({ hasText: text });
const portfolioTable = (page: Page): Locator => page.getByRole("region", { name: "Portefeuille" }).locator("table");
const sovereignty = (page: Page): Locator => page.getByRole("region", { name: "Prestataires et hébergement", exact: true });
/** The exposure column is the 10th: selection, name, type, département, statuses, completeness, reviews, DPIA, actions, exposure. */
const exposureCell = (row: Locator): Locator => row.locator("td").nth(9);

test("the shared DPO onboards three communes, shares a vendor and a model with them, moves the vendor to the US and sees them in the portfolio", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, "dpo-mutualise@demo.example");
  await useFrench(page);

  // 1. Bulk onboarding from a file: preview, then confirm.
  await page.goto("/portfolio");
  await expect(page.getByText("13 organisations", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Intégrer des organisations en masse" }).click();
  await page.waitForURL("**/portfolio/onboard");
  await expect(page.getByRole("heading", { level: 1, name: "Intégrer des organisations en masse" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Fichier (CSV ou XLSX, 2 Mo au plus)")
    .setInputFiles({ name: "communes-aveyron.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Aperçu" })).toBeVisible();
  await expect(page.getByText("3 à créer, 0 déjà présente, 0 en erreur.")).toBeVisible();
  // The only table of the page (the section and its scrolling wrapper are both regions named "Aperçu").
  const preview = page.locator("main table tbody tr");
  await expect(preview).toHaveCount(3);
  for (const [i, c] of COMMUNES.entries()) {
    await expect(preview.nth(i).locator("td")).toHaveText([String(i + 2), c.name, c.siren, c.slug, "commune", c.email, "Sera créée"]);
  }
  await expectAccessible(page);
  await page.getByRole("button", { name: "Créer 3 organisations" }).click();
  await page.waitForURL((url) => url.pathname === "/portfolio");
  await expect(status(page, "3 organisations créées, 0 déjà présente.")).toBeVisible();
  await expect(page.getByText("16 organisations", { exact: true })).toBeVisible();

  // The three, alone in their département: new registers, nothing linked yet.
  await page.goto(`/portfolio?dep=${DEPARTMENT}&sort=name&dir=asc`);
  const rows = portfolioTable(page).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const [i, c] of COMMUNES.entries()) {
    await expect(rows.nth(i).getByRole("link", { name: c.name })).toBeVisible();
    await expect(rows.nth(i).locator(".role-badge")).toHaveText("Délégué à la protection des données");
    await expect(exposureCell(rows.nth(i))).toHaveText("Inconnu : aucun prestataire ni hébergement renseigné");
  }
  await expectAccessible(page);

  // 2. The DPO service's shared vendor: created once, hosted in France, shared.
  await page.goto(`${SERVICE_ORG}/vendors/new`);
  await page.getByLabel("Nom usuel").fill(VENDOR);
  await page.locator('select[name="country"]').selectOption("FR");
  await page.getByRole("button", { name: "Créer le prestataire" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(VENDOR);
  const vendorUrl = new URL(page.url()).pathname;
  const newService = page.locator("details", { has: page.locator("summary", { hasText: "Ajouter un service" }) });
  await newService.locator("summary").click();
  await newService.getByLabel("Nom du service").fill(SERVICE);
  await newService.getByRole("button", { name: "Créer le service" }).click();
  await expect(status(page, `Service ${SERVICE} ajouté.`)).toBeVisible();
  await addStorage(page, "FR");
  await expectAccessible(page);

  await page.goto(`${SERVICE_ORG}/catalogue`);
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue partagé de prestataires" })).toBeVisible();
  await page.getByRole("button", { name: `Partager ${VENDOR}` }).click();
  await expect(status(page, "Catalogue mis à jour.")).toBeVisible();
  // The DPO service is not granted its own catalogue: the only row naming the vendor is its own table's.
  const ownRow = page.getByRole("row", { name: new RegExp(VENDOR) });
  await expect(ownRow.locator("td")).toHaveText(["Oui", "0", `Ne plus partager ${VENDOR}`]);

  // 3. Open the catalogue to the three communes (one identifier at a time: the UI grants one by one).
  for (const [i, c] of COMMUNES.entries()) {
    await page.getByLabel("Identifiant (adresse) de l'organisme").fill(c.slug);
    await page.getByRole("button", { name: "Autoriser", exact: true }).click();
    // Wait for this grant's own result before the next one (the toast of the previous one may still show).
    await expect(page.getByRole("button", { name: `Retirer l'autorisation ${c.name}` })).toBeVisible();
    // After the demo's 12 members, already granted the catalogue.
    await expect(page.getByRole("heading", { level: 2, name: `${SEEDED_GRANTS + i + 1} organismes autorisés` })).toBeVisible();
  }
  await expect(status(page, "Organisme autorisé.")).toBeVisible();
  await expectAccessible(page);

  // Each commune subscribes from its own catalogue page (the DPO is DPO there).
  for (const c of COMMUNES) {
    await page.goto(`/o/${c.slug}/catalogue`);
    // The commune is offered the whole catalogue: the vendors shared with the 12 members, and the new one.
    await expect(page.getByRole("heading", { level: 2, name: `${SEEDED_SHARED_VENDORS + 1} prestataires partagés disponibles` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: `${VENDOR} (catalogue de ${OWNER})` })).toBeVisible();
    await page.getByRole("button", { name: `Utiliser ce prestataire ${VENDOR}` }).click();
    await expect(status(page, "Prestataire ajouté à cet organisme.")).toBeVisible();
    await expect(page.getByText("Cet organisme utilise ce prestataire.")).toBeVisible();
  }
  await expectAccessible(page);
  await page.goto(`${SERVICE_ORG}/catalogue`);
  await expect(ownRow.locator("td").nth(1)).toHaveText("3");

  // 4. A model activity from the library, proposed to the three at once.
  await page.goto(`${SERVICE_ORG}/models`);
  await expect(page.getByRole("heading", { level: 1, name: "Activités modèles (référentiel)" })).toBeVisible();
  await expect(page.getByText("Aucune activité modèle pour l'instant.")).toBeVisible();
  await page.getByLabel("À partir du modèle de la bibliothèque").selectOption(TEMPLATE);
  await page.getByRole("button", { name: "Créer l'activité modèle" }).click();
  await expect(status(page, "Activité modèle créée (version 1).")).toBeVisible();
  const model = page.locator("li.panel", { has: page.getByRole("heading", { level: 3, name: `${MODEL} — version 1` }) });
  await expect(model).toContainText("utilisée par aucun organisme");
  const proposeTo = model.getByRole("group", { name: `Proposer « ${MODEL} » à` });
  // Offered to every granted organization (the 12 members and the three), proposed to the three only.
  await expect(proposeTo.getByRole("checkbox")).toHaveCount(SEEDED_GRANTS + 3);
  for (const c of COMMUNES) await proposeTo.getByLabel(c.name).check();
  await expectAccessible(page);
  await model.getByRole("button", { name: `Proposer ${MODEL}` }).click();
  await expect(status(page, "Brouillons créés dans les organismes choisis.")).toBeVisible();
  await expect(model).toContainText("utilisée par 3 activités");

  // Each commune has the draft; the DPO opens it from the notification, and links it to the shared service.
  let prefilledNotice: string | null = null;
  for (const c of COMMUNES) {
    await page.goto(`/o/${c.slug}/notifications`);
    await expect(page.getByRole("heading", { level: 2, name: `Activité modèle proposée : ${MODEL} (version 1)` })).toBeVisible();
    if (c === COMMUNES[0]) await expectAccessible(page);
    await page.getByRole("link", { name: "Ouvrir le brouillon" }).click();
    await page.waitForURL(`**/o/${c.slug}/activities/T-0001`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(MODEL);
    await expect(page.locator("main")).toContainText("Brouillon");
    await expect(page.getByText(`Issue de l'activité modèle « ${MODEL} » (version 1) de ${OWNER}.`)).toBeVisible();
    // Prefilled and marked to check, like a template's draft; the same for the three.
    const notice = page.locator(".prefilled-callout");
    await expect(notice).toHaveText(/^\d+ rubriques préremplies depuis un modèle restent à vérifier\.$/);
    prefilledNotice ??= await notice.innerText();
    await expect(notice).toHaveText(prefilledNotice);
    await expect(sovereignty(page).locator(".exposure-line .exposure-badge")).toHaveText("Inconnu : aucun prestataire ni hébergement renseigné");

    const linkForm = sovereignty(page).getByRole("form", { name: "Lier un service ou un hébergement" });
    await linkForm.locator('select[name="target"]').selectOption({ label: `${VENDOR} — ${SERVICE}` });
    await linkForm.locator('select[name="role"]').selectOption("PROCESSOR");
    await linkForm.getByRole("button", { name: "Lier", exact: true }).click();
    await expect(sovereignty(page).getByRole("region", { name: "Services de prestataires et hébergements liés à ce traitement" })).toContainText(
      `${VENDOR} — ${SERVICE}`,
    );
    await expect(sovereignty(page).locator(".exposure-line .exposure-badge")).toHaveText(LEVEL.eu);
    if (c === COMMUNES[0]) await expectAccessible(page);
  }

  // The portfolio before the move: the three are hosted and controlled in the EU.
  await page.goto(`/portfolio?dep=${DEPARTMENT}&sort=name&dir=asc`);
  await expect(rows).toHaveCount(3);
  for (const [i, c] of COMMUNES.entries()) {
    await expect(rows.nth(i).getByRole("link", { name: c.name })).toBeVisible();
    await expect(rows.nth(i).locator("td").nth(4)).toHaveText("1 brouillon · 0 soumis · 0 à corriger · 0 approuvé");
    await expect(exposureCell(rows.nth(i))).toContainText(LEVEL.eu);
  }

  // 5. The vendor's hosting moves to the United States, from the DPO service's vendor page.
  await page.goto(vendorUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(VENDOR);
  await addStorage(page, "US");
  const card = page.getByRole("article", { name: SERVICE });
  await card.getByRole("button", { name: "Retirer le lieu Stockage, FR" }).click();
  const locations = card.getByRole("table", { name: `Lieux du service ${SERVICE}` }).locator("tbody tr");
  await expect(locations).toHaveCount(1);
  await expect(locations).toContainText("États-Unis");
  await expectAccessible(page);

  // 6. The portfolio: exactly the three communes changed exposure, from EU to "to verify" (besides the
  // five members whose exposure the demo's seeded propagation moved, from EU to foreign law).
  await page.goto("/portfolio?changed=1&sort=name&dir=asc");
  await expect(page.getByText("8 organisations", { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(8);
  await expect(rows.locator("td:nth-child(2) > a")).toHaveText([
    ...[...SEEDED_CHANGED, ...COMMUNES.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "fr")),
  ]);
  for (const c of COMMUNES) {
    const row = rows.filter({ has: page.getByRole("link", { name: c.name, exact: true }) });
    await expect(exposureCell(row).locator(".exposure-badge")).toHaveText(LEVEL.toVerify);
    await expect(exposureCell(row)).toContainText(new RegExp(`modifiée le .+ \\(avant : ${LEVEL.eu}\\)`));
  }
  for (const name of SEEDED_CHANGED) {
    const row = rows.filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(exposureCell(row).locator(".exposure-badge")).toHaveText(LEVEL.foreignLaw);
    await expect(exposureCell(row)).toContainText(new RegExp(`modifiée le .+ \\(avant : ${LEVEL.eu}\\)`));
  }
  // The three, alone in their département, are the only ones the move of this test changed.
  await page.goto(`/portfolio?changed=1&dep=${DEPARTMENT}&sort=name&dir=asc`);
  await expect(page.getByText("3 organisations", { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(3);
  for (const [i, c] of COMMUNES.entries()) await expect(rows.nth(i).getByRole("link", { name: c.name })).toBeVisible();
  await expectAccessible(page);
  // The other organizations of the DPO are untouched.
  await page.goto("/portfolio");
  await expect(page.getByText("16 organisations", { exact: true })).toBeVisible();
  await expect(portfolioTable(page).locator("tbody tr", { hasText: "modifiée le" })).toHaveCount(3 + SEEDED_CHANGED.length);

  // 7. Each commune's notifications name the vendor and the activity whose level moved (EU -> to verify).
  for (const c of COMMUNES) {
    await page.goto(`/o/${c.slug}/notifications`);
    await expect(page.getByRole("navigation", { name: new RegExp(c.name) }).getByRole("link", { name: "Notifications (3)" })).toBeVisible();
    // Two changes of the vendor (a US location added, the French one removed) and the model's proposal.
    await expect(page.getByRole("heading", { level: 2, name: `Le prestataire partagé ${VENDOR} a changé` })).toHaveCount(2);
    const table = page.getByRole("table", { name: `Activités dont le niveau d'exposition a changé (${VENDOR})` });
    await expect(table).toHaveCount(1);
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.locator("tbody tr th")).toHaveText(`T-0001 — ${MODEL}`);
    await expect(table.locator("tbody tr td")).toHaveText([LEVEL.eu, LEVEL.toVerify]);
    await expect(page.getByText("Aucune activité de cet organisme n'a changé de niveau d'exposition.")).toHaveCount(1);
    if (c === COMMUNES[0]) await expectAccessible(page);
  }
});

async function addStorage(page: Page, country: string) {
  const card = page.getByRole("article", { name: SERVICE });
  const add = card.locator("details", { has: page.locator("summary", { hasText: "Ajouter un lieu" }) });
  await add.locator("summary").click();
  await add.locator('select[name="role"]').selectOption("STORAGE");
  await add.locator('select[name="country"]').selectOption(country);
  await add.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lieu ajouté." })).toBeVisible();
}
