/**
 * Every mail the app sends, in French and in English, rendered by the app's own templates with realistic
 * data, loaded into Chromium and checked with axe-core like the pages (issue 16: mails are accessible),
 * plus what axe does not judge for a mail: the language, the title, and the plain-text part.
 *
 * "Every mail" is every `mail.<kind>.subject` / `mail.<kind>.body` pair of the catalogue: the code can
 * only send keys of the catalogue (typed keys), and tests/unit/i18n.test.ts fails on a key no code uses,
 * so the list below is the list of mails the app sends. The daily digest has its own template.
 */
import { expect, test } from "@playwright/test";
import { renderDigest, renderMail, type RenderedMail } from "~/documents/mail.ts";
import { fr } from "~/locales/fr.ts";
import { formatDate, LOCALES, messageArguments, type Locale, type MessageKey, type Params } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";
import { expectAccessible } from "./helpers.ts";

const ORIGIN = "https://registre.ville-demo.fr";
/** Account mails are always sent: no unsubscribe link (notifications.server.ts, category "account"). */
const ACCOUNT_KINDS = new Set(["invitation", "passwordReset", "accessRequest.accepted", "accessRequest.refused"]);

/** Realistic values for every placeholder a mail may use; names with quotes and "&" test the escaping. */
function params(locale: Locale): Params {
  return {
    actor: "Claire Dubois-Lefèvre",
    ref: "T-0042",
    name: "Inscriptions à la cantine « Les P'tits Loups » & accueil périscolaire",
    org: "Ville de Démo",
    role: translate(locale, "roles.EDITOR"),
    date: formatDate(locale, new Date("2026-12-18T09:30:00Z"), true),
    vendor: "Berger-Levrault",
    title: "Clé USB perdue contenant des listes d'élèves",
    days: 9,
    email: "nouvel.agent@ville-demo.fr",
  };
}

/** `says`: sentences both parts must show; `links`: URLs the HTML must link to and the text must spell out. */
type Sample = { id: string; locale: Locale; mail: RenderedMail; says: string[]; links: string[] };

function samples(): Sample[] {
  const kinds = Object.keys(fr)
    .map((k) => /^mail\.(.+)\.subject$/.exec(k)?.[1])
    .filter((k): k is string => k !== undefined && `mail.${k}.body` in fr && k !== "digest");
  const out: Sample[] = [];
  for (const locale of LOCALES) {
    const p = params(locale);
    for (const kind of kinds) {
      const subjectKey = `mail.${kind}.subject` as MessageKey;
      const bodyKey = `mail.${kind}.body` as MessageKey;
      // A mail whose placeholder has no sample value here would render "{x}": name it instead.
      for (const arg of [...messageArguments(fr[subjectKey]), ...messageArguments(fr[bodyKey])]) {
        if (!(arg in p)) throw new Error(`no sample value for {${arg}} in mail.${kind}`);
      }
      const account = ACCOUNT_KINDS.has(kind);
      const url = kind === "invitation" ? `${ORIGIN}/invitation/7f3a9c` : `${ORIGIN}/o/ville-demo/activities/T-0042`;
      out.push({
        id: `${kind} (${locale})`,
        locale,
        mail: renderMail({
          locale,
          subjectKey,
          bodyKey,
          params: p,
          recipientName: kind === "invitation" ? null : "Étienne Martin",
          orgName: "Ville de Démo",
          url,
          unsubscribeUrl: account ? null : `${ORIGIN}/mail/unsubscribe/9b1d2e?c=workflow`,
          preferencesUrl: account ? null : `${ORIGIN}/account#mail`,
        }),
        says: [translate(locale, bodyKey, p)],
        links: [url],
      });
    }
    const items = [
      { subject: translate(locale, "mail.activity.submitted.subject", p), url: `${ORIGIN}/o/ville-demo/activities/T-0042` },
      { subject: translate(locale, "mail.reminder.dpaDue.subject", p), url: `${ORIGIN}/o/ville-demo/vendors/berger-levrault` },
    ];
    out.push({
      id: `digest (${locale})`,
      locale,
      mail: renderDigest({ locale, recipientName: "Étienne Martin", orgName: "Ville de Démo", items, preferencesUrl: `${ORIGIN}/account#mail` }),
      says: items.map((i) => i.subject),
      links: items.map((i) => i.url),
    });
  }
  return out;
}

const ALL = samples();

test("the samples cover every mail of the catalogue in both languages", () => {
  const kinds = Object.keys(fr).filter((k) => /^mail\..+\.subject$/.test(k));
  // Each kind (the digest included) in French and in English.
  expect(ALL).toHaveLength(kinds.length * LOCALES.length);
  expect(kinds.length).toBeGreaterThanOrEqual(20);
});

/** One page per language, each mail a step: a fresh browser context per mail only cost time. */
for (const locale of LOCALES) {
  test(`every mail in ${locale}: accessible HTML, its language and title, and a plain-text part`, async ({ page }) => {
    test.setTimeout(180_000);
    for (const sample of ALL.filter((x) => x.locale === locale)) {
      await test.step(sample.id, async () => {
        const { mail } = sample;
        await page.setContent(mail.html);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await page.title()).toBe(mail.subject);
        expect(mail.subject).not.toMatch(/[{}]/);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(mail.subject);
        // Every link is an absolute URL (a mail has no base), and the page concerned is linked.
        for (const href of await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
          expect(href, sample.id).toMatch(/^https:\/\//);
        }
        for (const url of sample.links) await expect(page.locator(`a[href="${url}"]`)).toHaveCount(1);
        for (const s of sample.says) await expect(page.locator("body")).toContainText(s);
        await expectAccessible(page);

        // The plain-text part says the same thing, without markup, and spells every link out.
        expect(mail.text.trim().length).toBeGreaterThan(50);
        expect(mail.text).not.toMatch(/<[a-z/!][^>]*>/i);
        expect(mail.text).not.toMatch(/[{}]/);
        for (const s of [...sample.says, ...sample.links]) expect(mail.text, sample.id).toContain(s);
        if (mail.html.includes("/mail/unsubscribe/")) expect(mail.text).toContain(translate(locale, "mail.unsubscribe"));
        else if (!sample.id.startsWith("digest")) expect(mail.text).toContain(translate(locale, "mail.noUnsubscribe"));
      });
    }
  });
}
