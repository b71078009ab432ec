/** Register exports: generation, fingerprint verification, share links, and the public register (demo city). */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { expect, test, type Browser, type Download, type Locator, type Page } from "@playwright/test";
import { expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const ORG = "/o/ville-demo";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await login(page, email);
  await useFrench(page);
  return page;
}

/** A browser of its own, never signed in. */
async function anonymous(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  return context.newPage();
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer; sha256: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const bytes = await fs.readFile((await download.path())!);
  return { download, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Creates a share link from an export's card and returns the link shown once in the read-only field. */
async function share(page: Page, card: Locator, recipient: string, passphrase?: string): Promise<string> {
  const details = card.locator("details.share-details");
  if ((await details.getAttribute("open")) === null) await details.locator("summary", { hasText: "Partager" }).click();
  await card.getByLabel("Destinataire").fill(recipient);
  if (passphrase) await card.getByLabel("Phrase de passe (facultative, 8 caractères au moins)").fill(passphrase);
  await card.getByRole("button", { name: "Créer le lien" }).click();
  const created = page.getByRole("status").filter({ hasText: `Lien créé pour ${recipient}.` });
  await expect(created).toBeVisible();
  const field = created.getByLabel("Lien à transmettre");
  await expect(field).toHaveAttribute("readonly", "");
  const link = await field.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/s\/[a-z0-9]{48}$/);
  return link;
}

test("the DPO generates the PDF register, verifies it, shares it and revokes the link", async ({ browser }) => {
  test.setTimeout(180_000);
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.goto(`${ORG}/exports`);
  await expect(dpo.getByRole("heading", { level: 1, name: "Exports du registre" })).toBeVisible();
  await expectAccessible(dpo);

  // Generate: the browser stays on the page and receives the file.
  const generate = dpo.getByRole("region", { name: "Générer un export" });
  await generate.getByLabel("Format", { exact: true }).selectOption({ label: "PDF (registre)" });
  await generate.getByLabel("Langue", { exact: true }).selectOption({ label: "Français" });
  const pdf = await downloadOf(dpo, () => dpo.getByRole("button", { name: "Générer et télécharger" }).click());
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(dpo).toHaveURL(new RegExp(`${ORG}/exports$`));

  // The export log lists it with its fingerprint.
  await dpo.reload();
  const card = dpo.locator("li.export-card").filter({ has: dpo.locator("code", { hasText: pdf.sha256 }) });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading", { level: 3 })).toContainText("PDF (registre)");
  await expect(card).toContainText("Dominique Delaunay (DPO)");
  await expectAccessible(dpo);

  // Anyone can check the fingerprint.
  const visitor = await anonymous(browser);
  await visitor.goto("/verify");
  await expect(visitor.getByRole("heading", { level: 1, name: "Vérifier un export" })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel("Empreinte SHA-256").fill(pdf.sha256.toUpperCase());
  await visitor.getByRole("button", { name: "Vérifier" }).click();
  const verdict = visitor.getByRole("status").filter({ has: visitor.getByRole("heading", { name: "Export authentique" }) });
  await expect(verdict).toBeVisible();
  await expect(verdict).toContainText("Ville de Démo");
  await expect(verdict).toContainText(pdf.sha256);
  await expectAccessible(visitor);
  // A fingerprint that no export has.
  await visitor.getByLabel("Empreinte SHA-256").fill("0".repeat(64));
  await visitor.getByRole("button", { name: "Vérifier" }).click();
  await expect(visitor.getByRole("heading", { name: "Empreinte inconnue" })).toBeVisible();

  // Share without a passphrase.
  const recipient = "CNIL – contrôle e2e";
  const link = await share(dpo, card, recipient);
  await expect(card.getByRole("listitem").filter({ hasText: recipient })).toContainText("actif jusqu'au");
  await expectAccessible(dpo);

  // The recipient, in a browser of their own: the page names them, the button delivers the same bytes.
  const response = await visitor.goto(link);
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Document partagé par Ville de Démo");
  await expect(visitor.locator(".lead")).toHaveText(`Destinataire : ${recipient}.`);
  await expect(visitor.getByLabel("Phrase de passe")).toHaveCount(0);
  await expectAccessible(visitor);
  const shared = await downloadOf(visitor, () => visitor.getByRole("button", { name: "Télécharger le document" }).click());
  expect(shared.sha256).toBe(pdf.sha256);
  expect(shared.download.suggestedFilename()).toBe(pdf.download.suggestedFilename());

  // The DPO sees the access, then revokes the link.
  await dpo.goto(`${ORG}/exports`);
  const shareRow = card.getByRole("listitem").filter({ hasText: recipient });
  await expect(shareRow).toContainText("1 accès");
  await shareRow.getByRole("button", { name: `Révoquer ${recipient}` }).click();
  await expect(dpo.getByRole("status").filter({ hasText: "Lien de partage révoqué." })).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: recipient })).toContainText("révoqué");
  await expect(card.getByRole("button", { name: `Révoquer ${recipient}` })).toHaveCount(0);

  // The recipient's page now says so, and the file is no longer served.
  const revoked = await visitor.reload();
  expect(revoked?.status()).toBe(410);
  await expect(visitor.getByRole("alert")).toHaveText("Ce lien a été révoqué par l'organisme.");
  await expect(visitor.getByRole("button", { name: "Télécharger le document" })).toHaveCount(0);
  await expectAccessible(visitor);
  const direct = await visitor.request.get(`${link}/file`, { maxRedirects: 0 });
  expect(direct.status()).toBe(302);
  expect(direct.headers()["location"]).toMatch(/\/s\/[a-z0-9]{48}$/);

  // A second link, protected by a passphrase.
  const recipient2 = "CNIL – contrôle e2e (phrase de passe)";
  const passphrase = "phrase de passe e2e";
  const link2 = await share(dpo, card, recipient2, passphrase);
  const other = await anonymous(browser);
  await other.goto(link2);
  await expect(other.locator(".lead")).toHaveText(`Destinataire : ${recipient2}.`);
  await other.getByLabel("Phrase de passe").fill("pas la bonne phrase");
  await other.getByRole("button", { name: "Télécharger le document" }).click();
  await expect(other).toHaveURL(/\?error=wrong_passphrase$/);
  await expect(other.getByRole("alert")).toHaveText("Phrase de passe incorrecte.");
  await expectAccessible(other);
  await other.getByLabel("Phrase de passe").fill(passphrase);
  const protectedFile = await downloadOf(other, () => other.getByRole("button", { name: "Télécharger le document" }).click());
  expect(protectedFile.sha256).toBe(pdf.sha256);

  await other.context().close();
  await visitor.context().close();
  await dpo.context().close();
});

test("the DPO publishes an approved activity; anyone sees it in the public register and its CSV", async ({ browser }) => {
  const dpo = await signedIn(browser, "dpo@demo.example");
  await dpo.goto(`${ORG}/activities?status=APPROVED`);
  const hrefs = await dpo.locator("table tbody tr td:nth-child(2) a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);

  // The first approved activity that is not public yet (another run of this test may have published some).
  const publish = dpo.getByRole("button", { name: "Publier dans le registre public" });
  let ref: string | null = null;
  for (const href of hrefs) {
    await dpo.goto(href);
    await expect(dpo.getByRole("region", { name: "Registre public", exact: true })).toBeVisible();
    if (await publish.isVisible()) {
      ref = (await dpo.locator(".activity-ref").innerText()).trim();
      break;
    }
  }
  expect(ref, "an approved activity that is not in the public register").not.toBeNull();
  const panel = dpo.getByRole("region", { name: "Registre public", exact: true });
  await expect(panel).toContainText("Ce traitement ne figure pas dans le registre public.");
  await publish.click();
  await expect(dpo.getByRole("status").filter({ hasText: "Traitement publié dans le registre public." })).toBeVisible();
  await expect(panel).toContainText("Ce traitement figure dans le registre public");
  await expect(panel.getByRole("button", { name: "Retirer du registre public" })).toBeVisible();
  await dpo.context().close();

  // A citizen, not signed in.
  const citizen = await anonymous(browser);
  const response = await citizen.goto("/public/ville-demo");
  expect(response?.status()).toBe(200);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Registre public des traitements de Ville de Démo");
  const article = citizen.getByRole("article").filter({ has: citizen.getByRole("heading", { level: 2, name: new RegExp(`^${ref} — `) }) });
  await expect(article).toHaveCount(1);
  await expect(article).toContainText("Finalités");
  await expect(citizen.getByRole("region", { name: "Délégué à la protection des données" })).toContainText("dpo@demo.example");
  await expectAccessible(citizen);

  const csv = await downloadOf(citizen, () => citizen.getByRole("link", { name: "Télécharger en CSV" }).click());
  expect(csv.download.suggestedFilename()).toBe("registre-public-ville-demo.csv");
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.bytes.subarray(3).toString("utf8")).toContain(ref!);
  await citizen.context().close();
});
