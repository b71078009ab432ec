import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

test("an editor declares and submits, the DPO requests a change, the editor fixes it, the DPO approves", async ({ browser }) => {
  const name = `Mariages célébrés hors mairie ${Date.now()}`;
  const editor = await signedIn(browser, "etat-civil@demo.example");

  // Declare: name and department, then the full form.
  await editor.goto(`${ORG}/activities`);
  await expectAccessible(editor);
  await editor.getByRole("link", { name: "Déclarer un traitement" }).click();
  await expect(editor).toHaveURL(/\/activities\/new$/);
  await expectAccessible(editor);
  await editor.locator('input[name="name"]').fill(name);
  // EDITORs are offered the guided declaration by default; this scenario uses the full form.
  await editor.getByLabel("Formulaire complet").check();
  await editor.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(editor).toHaveURL(/\/activities\/T-\d{4}\/edit$/);
  const ref = /activities\/(T-\d{4})\/edit/.exec(editor.url())![1]!;
  await expectAccessible(editor);
  await editor.locator('textarea[name="content.purposes.main"], input[name="content.purposes.main"]').first().fill("Célébrer les mariages");
  await editor.getByRole("button", { name: "Enregistrer", exact: true }).first().click();
  await expect(editor).toHaveURL(new RegExp(`/activities/${ref}$`));
  await expect(editor.getByRole("heading", { level: 1 })).toContainText(name);
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "Soumettre au DPO" }).click();
  await expect(editor.locator("main")).toContainText("Soumis au DPO");

  // The DPO sees it awaiting review and asks for a change.
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.goto(`${ORG}`);
  await expect(dpo.getByRole("link", { name: new RegExp(ref) }).first()).toBeVisible();
  await dpo.goto(`${ORG}/activities/${ref}`);
  await dpo.locator("summary", { hasText: "Demander des modifications" }).click();
  await dpo.getByLabel("Modifications demandées").fill("Précisez la durée de conservation des dossiers de mariage.");
  await dpo.getByRole("button", { name: "Envoyer la demande de modifications" }).click();
  // The status badge, not the label of the field just filled (which says the same words).
  await expect(dpo.locator("main .status-badge").first()).toHaveText("Modifications demandées");

  // The editor finds the request on their home page, fixes the record and submits again.
  await editor.goto(`${ORG}`);
  await expect(editor.getByRole("link", { name: new RegExp(ref) }).first()).toBeVisible();
  await editor.goto(`${ORG}/activities/${ref}`);
  await expect(editor.locator("main")).toContainText("Précisez la durée de conservation des dossiers de mariage.");
  await editor.goto(`${ORG}/activities/${ref}/edit`);
  await editor
    .locator('textarea[name="content.description"], input[name="content.description"]')
    .first()
    .fill("Dossiers conservés 1 an après la célébration, puis détruits.");
  await editor.getByRole("button", { name: "Enregistrer", exact: true }).first().click();
  await expect(editor).toHaveURL(new RegExp(`/activities/${ref}$`));
  await editor.getByRole("button", { name: "Soumettre au DPO" }).click();
  await expect(editor.locator("main")).toContainText("Soumis au DPO");

  // The DPO approves: version 1 is frozen and visible in the history.
  await dpo.goto(`${ORG}/activities/${ref}`);
  await dpo.getByRole("button", { name: "Valider", exact: true }).click();
  await expect(dpo.locator("main")).toContainText("Validé");
  await dpo.goto(`${ORG}/activities/${ref}/history`);
  const versions = dpo.getByRole("region", { name: "Versions validées" });
  await expect(versions.locator("tbody tr:not(.draft-row) th[scope=row]")).toHaveText([/^Version 1(?!\d)/]);
  await expect(versions.getByRole("link", { name: "Voir Version 1" })).toHaveAttribute("href", `${ORG}/activities/${ref}/versions/1`);
  await expectAccessible(dpo);
  await dpo.goto(`${ORG}/activities?q=${encodeURIComponent("mariages hors mairie")}`);
  await expect(dpo.getByRole("link", { name })).toBeVisible();
  // The demo data already holds approvals: look for the one of this activity (its ref is in the details).
  await dpo.goto(`${ORG}/audit?action=activity.approve`);
  // The sentence names the activity, so this activity's approval is found among the demo's others.
  await expect(dpo.locator("table tbody tr", { hasText: "a approuvé l'activité" }).filter({ hasText: name })).toHaveCount(1);
  await expect(dpo.locator("table")).not.toContainText("activity.approve");
});

test("two tabs editing the same activity: the second save shows a conflict, nothing is lost", async ({ browser }) => {
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.goto(`${ORG}/activities?status=DRAFT`);
  const firstLink = dpo.locator("table tbody tr td:nth-child(2) a").first();
  const href = (await firstLink.getAttribute("href"))!;
  const tabA = dpo;
  const tabB = await dpo.context().newPage();
  await tabA.goto(`${href}/edit`);
  await tabB.goto(`${href}/edit`);

  const nameA = `Onglet A ${Date.now()}`;
  await tabA.locator('input[name="content.name"]').fill(nameA);
  await tabA.getByRole("button", { name: "Enregistrer", exact: true }).first().click();
  await expect(tabA.getByRole("heading", { level: 1 })).toContainText(nameA);

  await tabB.locator('input[name="content.name"]').fill("Onglet B");
  await tabB.getByRole("button", { name: "Enregistrer", exact: true }).first().click();
  await expect(tabB.locator("main")).toContainText("Quelqu'un a enregistré cette fiche avant vous");
  await expect(tabB.locator("main")).toContainText(nameA);
  await expect(tabB.locator("main")).toContainText("Onglet B");
  await expectAccessible(tabB);

  // Tab A's save survived.
  await tabA.goto(href);
  await expect(tabA.getByRole("heading", { level: 1 })).toContainText(nameA);
});

test("the register keeps its filters in the URL and shows the register as of a past date", async ({ browser }) => {
  const viewer = await signedIn(browser, "lecteur@demo.example");
  await viewer.goto(`${ORG}/activities`);
  await viewer.locator('select[name="status"]').selectOption("APPROVED");
  await viewer.getByRole("button", { name: "Filtrer" }).click();
  await expect(viewer).toHaveURL(/status=APPROVED/);
  const rows = viewer.locator("table tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const status of await viewer.locator("table tbody .status-badge").allTextContents()) expect(status).toBe("Validé");
  await viewer.goto(`${ORG}/activities?asOf=2000-01-01`);
  await expect(viewer.locator("main")).toContainText(/(?<!\d)0 traitement(?!s)/);
  await expectAccessible(viewer);
  // A VIEWER has no write button.
  await viewer.goto(`${ORG}/activities`);
  await expect(viewer.getByRole("link", { name: "Déclarer un traitement" })).toHaveCount(0);
});
