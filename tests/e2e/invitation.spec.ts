/** Invitation links and password-reset links created by the DPO (demo city). */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_PASSWORD, expectAccessible, login, resetDemoDatabase, useFrench } from "./helpers.ts";

// Starts from the seeded demo database, whatever spec ran before (ADR 017).
test.beforeAll(resetDemoDatabase);

const MEMBERS = "/o/ville-demo/members";

async function dpoOnMembers(page: Page) {
  await login(page, "dpo@demo.example");
  await useFrench(page);
  await page.goto(MEMBERS);
  await expect(page.getByRole("heading", { level: 1, name: "Membres" })).toBeVisible();
}

/** The one-time link shown after creation, in its read-only field. */
async function shownLink(scope: Locator, kind: "invitation" | "reset") {
  const field = scope.getByRole("status").getByLabel("Lien à transmettre");
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute("readonly", "");
  await expect(field).not.toBeEditable();
  const link = await field.inputValue();
  expect(link).toMatch(new RegExp(`^http://localhost:\\d+/${kind}/[a-z0-9]{48}$`));
  return link;
}

test("the DPO invites an editor, who accepts once and gets an editor's view", async ({ page, browser }) => {
  await dpoOnMembers(page);
  await expectAccessible(page);
  const invite = page.getByRole("region", { name: "Inviter une personne" });
  await invite.getByLabel("Adresse e-mail").fill("nouvel.agent@demo.example");
  await invite.getByLabel("Rôle", { exact: true }).selectOption({ label: "Responsable de service" });
  await invite.getByRole("group", { name: "Services (pour un responsable de service)" }).getByLabel("Urbanisme").check();
  await invite.getByRole("button", { name: "Créer le lien d'invitation" }).click();
  await expect(invite.getByText("Invitation créée. Ce lien ne sera plus affiché : copiez-le maintenant.")).toBeVisible();
  const link = await shownLink(invite, "invitation");
  // The form was reset, and the invitation is pending.
  await expect(invite.getByLabel("Adresse e-mail")).toHaveValue("");
  const pending = page.getByRole("region", { name: "Invitations en attente" });
  await expect(pending).toContainText("nouvel.agent@demo.example — Responsable de service");
  await expectAccessible(page);

  // The invitee, in a browser of their own.
  const invitee = await browser.newContext();
  const p2 = await invitee.newPage();
  const response = await p2.goto(link);
  expect(response?.status()).toBe(200);
  await expect(p2.getByRole("heading", { level: 1 })).toHaveText("Invitation à rejoindre Ville de Démo");
  await expect(p2.locator(".lead")).toContainText("nouvel.agent@demo.example");
  await expect(p2.locator(".lead")).toContainText("« Responsable de service »");
  await expectAccessible(p2);

  // Mismatched passwords are refused, in French.
  await p2.getByLabel("Nom et prénom").fill("Nora Nouvel");
  await p2.getByLabel("Nouveau mot de passe").fill("une phrase de passe neuve");
  await p2.getByLabel("Confirmez le mot de passe").fill("une autre phrase de passe");
  await p2.getByRole("button", { name: "Accepter l'invitation" }).click();
  await expect(p2.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await expect(p2).toHaveURL(link);
  await expectAccessible(p2);

  await p2.getByLabel("Nouveau mot de passe").fill("une phrase de passe neuve");
  await p2.getByLabel("Confirmez le mot de passe").fill("une phrase de passe neuve");
  // Leave the field first so its stale error goes away before the click (see auth.spec.ts: a click
  // while an error is still displayed is lost, because the error disappears on blur and the button moves).
  await p2.getByLabel("Confirmez le mot de passe").blur();
  await expect(p2.getByText("Les deux mots de passe ne sont pas identiques.")).toHaveCount(0);
  await p2.getByRole("button", { name: "Accepter l'invitation" }).click();
  await p2.waitForURL("**/o/ville-demo");
  await expect(p2.getByRole("heading", { level: 1 })).toHaveText("Ville de Démo");
  await expect(p2.getByRole("link", { name: /Nora Nouvel/ })).toBeVisible();
  const nav = p2.getByRole("navigation", { name: "Navigation de Ville de Démo" });
  await expect(nav.getByText("Responsable de service")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Accueil" })).toBeVisible();
  await expect(p2.getByRole("link", { name: "Membres", exact: true })).toHaveCount(0);
  await expect(p2.getByRole("region", { name: "Mes services" }).getByRole("listitem")).toHaveText(["Urbanisme"]);

  // Single use.
  await p2.goto(link);
  await expect(p2.getByRole("heading", { level: 1 })).toHaveText("Invitation non valable");
  await expect(p2.getByRole("button", { name: "Accepter l'invitation" })).toHaveCount(0);
  await expectAccessible(p2);
  const anonymous = await browser.newContext();
  const p3 = await anonymous.newPage();
  await p3.goto(link);
  await expect(p3.getByRole("heading", { level: 1 })).toHaveText("Invitation non valable");
  await anonymous.close();
  await invitee.close();

  // Back with the DPO: the new member is listed, the invitation no longer pending, the audit log has it.
  await page.goto(MEMBERS);
  await expect(page.locator("li.member", { hasText: "Nora Nouvel" })).toContainText("Responsable de service — Urbanisme");
  await expect(page.getByRole("region", { name: "Invitations en attente" })).toHaveCount(0);
  await page.goto("/o/ville-demo/audit");
  const table = page.getByRole("table", { name: "Journal d'audit" });
  // Sentences, not codes (issue 17).
  await expect(table).not.toContainText("invitation.accepted");
  await expect(table.getByRole("row").filter({ hasText: "a rejoint l'organisme" })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "a rejoint l'organisme" })).toContainText("Nora Nouvel");
  await expect(table.getByRole("row").filter({ hasText: "a invité" }).first()).toContainText("Dominique Delaunay (DPO)");
  // The filter by action works too.
  await page.getByLabel("Action").selectOption("invitation.accepted");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=invitation.accepted/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
});

test("an invalid invitation token shows the invalid page", async ({ page }) => {
  await page.goto(`/invitation/${"a".repeat(48)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitation non valable");
  await page.goto("/invitation/not-a-token");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitation non valable");
});

test("the DPO creates a password-reset link that lets Léa choose a new password", async ({ page, browser }) => {
  const NEW_PASSWORD = "nouvelle phrase de passe de Léa";
  await dpoOnMembers(page);
  const card = page.locator("li.member", { hasText: "lecteur@demo.example" });
  await expect(card.getByRole("heading", { level: 3 })).toContainText("Léa Lecteur");
  await card.getByRole("button", { name: "Créer un lien de réinitialisation du mot de passe Léa Lecteur" }).click();
  await expect(card.getByText("Lien de réinitialisation pour Léa Lecteur, valable 24 heures.")).toBeVisible();
  const link = await shownLink(card, "reset");
  await expectAccessible(page);

  const lea = await browser.newContext();
  const p2 = await lea.newPage();
  await p2.goto(link);
  await expect(p2.getByRole("heading", { level: 1 })).toHaveText("Choisir un nouveau mot de passe");
  await expect(p2.locator(".lead")).toContainText("lecteur@demo.example");
  await expectAccessible(p2);

  // Too short a password is refused.
  await p2.getByLabel("Nouveau mot de passe").fill("court");
  await p2.getByLabel("Confirmez le mot de passe").fill("court");
  await p2.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(p2.getByText("Saisissez au moins 12 caractères.")).toBeVisible();

  await p2.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await p2.getByLabel("Confirmez le mot de passe").fill(NEW_PASSWORD);
  await p2.getByLabel("Confirmez le mot de passe").blur(); // see the comment in the invitation test
  await expect(p2.getByText("Saisissez au moins 12 caractères.")).toHaveCount(0);
  await p2.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await p2.waitForURL("**/login");
  await expect(p2.getByRole("status")).toContainText("Mot de passe réinitialisé. Connectez-vous avec le nouveau mot de passe.");

  // The old password no longer works; the new one does.
  await p2.getByLabel("Adresse e-mail").fill("lecteur@demo.example");
  await p2.getByLabel("Mot de passe").fill(E2E_PASSWORD);
  await p2.locator("main").getByRole("button", { name: "Se connecter" }).click();
  await expect(p2.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await login(p2, "lecteur@demo.example", NEW_PASSWORD);
  await expect(p2).toHaveURL(/\/o\/ville-demo$/);
  await expect(p2.getByRole("link", { name: /Léa Lecteur/ })).toBeVisible();

  // The link is single use.
  const again = await browser.newContext();
  const p3 = await again.newPage();
  await p3.goto(link);
  await expect(p3.getByRole("heading", { level: 1 })).toHaveText("Lien non valable");
  await expectAccessible(p3);
  await again.close();

  // Put the seeded password back, so that other specs can sign in as Léa.
  await p2.goto("/account");
  await useFrench(p2);
  await p2.getByLabel("Mot de passe actuel").fill(NEW_PASSWORD);
  await p2.getByLabel("Nouveau mot de passe").fill(E2E_PASSWORD);
  await p2.getByLabel("Confirmez le mot de passe").fill(E2E_PASSWORD);
  await p2.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(p2.getByRole("status")).toContainText("Mot de passe modifié.");
  await lea.close();
});
