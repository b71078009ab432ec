import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderMail } from "~/documents/mail.ts";
import { createActivity, addComment, transitionActivity } from "~/models/activity.server.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { deliverDueMails, releaseOutbox, retryDelayMs, sendDigests, setMailPreferences } from "~/models/mail.server.ts";
import { extractMentions } from "~/models/notifications.server.ts";
import { createPasswordReset } from "~/models/password-reset.server.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { getEnv, resetEnvCache } from "~/utils/env.server.ts";
import { resetMailTransport } from "~/utils/mailer.server.ts";
import { addMember, createOrg, createUser } from "../helpers/factories.ts";
import { freePort, startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp.ts";

const content = (name: string) => ActivityContentSchema.parse({ name });

function useSmtp(port: number | null) {
  if (port === null) {
    delete process.env.SMTP_HOST;
    delete process.env.SMTP_PORT;
    delete process.env.SMTP_TLS;
    delete process.env.MAIL_FROM;
  } else {
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String(port);
    process.env.SMTP_TLS = "none";
    process.env.MAIL_FROM = "Registre <registre@ville.test>";
  }
  process.env.PUBLIC_URL = "https://registre.ville.test";
  resetEnvCache();
  resetMailTransport();
}

async function team() {
  const { org, departments } = await createOrg("Ville de Test");
  const dep = departments[0]!.id;
  const other = departments[1]!.id;
  const dpo = await createUser({ name: "Dora DPO", locale: "fr" });
  await addMember(dpo.id, org.id, "DPO");
  const editor = await createUser({ name: "Eddie Editor", locale: "en" });
  await addMember(editor.id, org.id, "EDITOR", [dep]);
  const colleague = await createUser({ name: "Colette Collègue" });
  await addMember(colleague.id, org.id, "EDITOR", [dep]);
  const outsider = await createUser({ name: "Otto Autre service" });
  await addMember(outsider.id, org.id, "EDITOR", [other]);
  return { org, dep, dpo, editor, colleague, outsider };
}

function mailsTo(userEmail: string) {
  return getDb().mailMessage.findMany({ where: { toEmail: userEmail }, orderBy: { createdAt: "asc" } });
}

describe("mail rendering", () => {
  it("renders French and English, HTML and text, with the page link and an unsubscribe link, escaping names", () => {
    for (const locale of ["fr", "en"] as const) {
      const m = renderMail({
        locale,
        subjectKey: "mail.activity.submitted.subject",
        bodyKey: "mail.activity.submitted.body",
        params: { actor: "A <b>", ref: "T-0001", name: "Paie\nSubject: x" },
        recipientName: "Dora",
        orgName: "Ville",
        url: "https://r.test/o/v/activities/T-0001",
        unsubscribeUrl: "https://r.test/mail/unsubscribe/tok?c=workflow",
        preferencesUrl: "https://r.test/account#mail",
      });
      expect(m.subject).not.toMatch(/\n/);
      expect(m.html).toContain(`<html lang="${locale}">`);
      expect(m.html).toContain("<title>");
      expect(m.html).toContain("A &lt;b&gt;");
      expect(m.html).not.toContain("A <b>");
      for (const body of [m.text, m.html]) {
        expect(body).toContain("https://r.test/o/v/activities/T-0001");
        expect(body).toContain("https://r.test/mail/unsubscribe/tok?c=workflow");
      }
    }
    const fr = renderMail({
      locale: "fr",
      subjectKey: "mail.passwordReset.subject",
      bodyKey: "mail.passwordReset.body",
      params: { org: "V", date: "x" },
      recipientName: "D",
      orgName: "V",
      url: "u",
      unsubscribeUrl: null,
      preferencesUrl: null,
    });
    expect(fr.subject).toBe("Réinitialisation de votre mot de passe Registre");
    expect(fr.text).toContain("toujours envoyé");
  });

  it("finds mentions by e-mail address", () => {
    expect(extractMentions("Vu avec @Eddie@Ville.test et @eddie@ville.test, pas a@b.c")).toEqual(["eddie@ville.test"]);
  });

  it("backs off exponentially up to one hour", () => {
    expect([1, 2, 3, 6, 7, 30].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000]);
  });
});

describe("without SMTP: the outbox", () => {
  beforeEach(() => useSmtp(null));

  it("keeps every mail in the outbox, then queues them when SMTP is configured", async () => {
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Paie des agents"), departmentId: t.dep });
    await transitionActivity(t.editor.id, t.org.id, a.id, a.revision, "submit");
    const toDpo = await mailsTo(t.dpo.email);
    expect(toDpo).toHaveLength(1);
    expect(toDpo[0]!.status).toBe("OUTBOX");
    expect(toDpo[0]!.subject).toBe(`Traitement ${a.ref} soumis à validation`);
    expect(toDpo[0]!.url).toBe(`https://registre.ville.test/o/${t.org.slug}/activities/${a.ref}`);
    expect(await deliverDueMails()).toEqual({ sent: 0, failed: 0 });

    useSmtp(await freePort());
    expect(await releaseOutbox()).toBeGreaterThanOrEqual(1);
    expect((await mailsTo(t.dpo.email))[0]!.status).toBe("QUEUED");
  });
});

describe("with a real SMTP server", () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => {
    await smtp.close();
    useSmtp(null);
  });
  beforeEach(async () => {
    useSmtp(smtp.port);
    smtp.mails.length = 0;
    // Each test starts with an empty queue (the outbox test leaves mails queued).
    await getDb().mailMessage.deleteMany({});
  });
  afterEach(() => resetMailTransport());

  it("sends the workflow mails to the right people, in their language, and nobody else", async () => {
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Paie des agents"), departmentId: t.dep });
    const submitted = await transitionActivity(t.editor.id, t.org.id, a.id, a.revision, "submit");
    expect(await deliverDueMails()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.mails.map((m) => m.to)).toEqual([[t.dpo.email]]);
    expect(smtp.mails[0]!.subject).toBe(`Traitement ${a.ref} soumis à validation`);
    expect(smtp.mails[0]!.raw).toMatch(/^From: Registre <registre@ville\.test>/m);
    expect(smtp.mails[0]!.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/registre\.ville\.test\/mail\/unsubscribe\//m);
    expect(smtp.mails[0]!.raw).toContain("text/plain");
    expect(smtp.mails[0]!.raw).toContain("text/html");

    smtp.mails.length = 0;
    await transitionActivity(t.dpo.id, t.org.id, a.id, submitted.revision, "requestChanges", { comment: "Préciser la durée" });
    await deliverDueMails();
    // The author (in English) and the other editor of the department; not the editor of another department.
    const byTo = new Map(smtp.mails.map((m) => [m.to[0], m]));
    expect([...byTo.keys()].sort()).toEqual([t.editor.email, t.colleague.email].sort());
    expect(byTo.get(t.editor.email)!.subject).toBe(`Changes requested on activity ${a.ref}`);
    expect(byTo.get(t.colleague.email)!.subject).toBe(`Modifications demandées sur le traitement ${a.ref}`);
    expect(byTo.get(t.editor.email)!.text).toContain(`https://registre.ville.test/o/${t.org.slug}/activities/${a.ref}`);
    expect(byTo.get(t.editor.email)!.text).not.toContain("Préciser la durée");
  });

  it("mails an approval and an archiving to the author and the department's editors only", async () => {
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Cantine scolaire"), departmentId: t.dep });
    const submitted = await transitionActivity(t.editor.id, t.org.id, a.id, a.revision, "submit");
    const approved = await transitionActivity(t.dpo.id, t.org.id, a.id, submitted.revision, "approve");
    await deliverDueMails();
    smtp.mails.length = 0;
    await getDb().mailMessage.deleteMany({ where: { organizationId: t.org.id, kind: "activity.submitted" } });
    const kinds = async () =>
      (await getDb().mailMessage.findMany({ where: { organizationId: t.org.id }, orderBy: { createdAt: "asc" } })).map((m) => [m.kind, m.toEmail]);
    expect((await kinds()).sort()).toEqual(
      [
        ["activity.approve", t.editor.email],
        ["activity.approve", t.colleague.email],
      ].sort(),
    );
    await transitionActivity(t.dpo.id, t.org.id, a.id, approved.revision, "archive", { reason: "Service fermé" });
    await deliverDueMails();
    const byTo = new Map(smtp.mails.map((m) => [m.to[0], m]));
    expect([...byTo.keys()].sort()).toEqual([t.editor.email, t.colleague.email].sort());
    expect(byTo.get(t.editor.email)!.subject).toBe(`Activity ${a.ref} archived`);
    expect(byTo.get(t.colleague.email)!.subject).toBe(`Traitement ${a.ref} archivé`);
    expect(smtp.mails.some((m) => m.to.includes(t.outsider.email) || m.to.includes(t.dpo.email))).toBe(false);
  });

  it("mails a mention only to a member who can see the activity", async () => {
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Cantine"), departmentId: t.dep });
    await addComment(t.editor.id, t.org.id, a.id, `Peux-tu relire @${t.colleague.email} ? Et @${t.outsider.email} et @inconnu@ailleurs.test`);
    await deliverDueMails();
    expect(smtp.mails.map((m) => m.to[0])).toEqual([t.colleague.email]);
    expect(smtp.mails[0]!.subject).toContain(a.ref);
  });

  it("mails invitations and password resets, which no preference can turn off", async () => {
    const t = await team();
    await setMailPreferences(t.editor.id, { workflow: "OFF", mentions: "OFF", reminders: "OFF" });
    const inv = await createInvitation(t.dpo.id, t.org.id, { email: "Nouvelle@Ville.test", role: "VIEWER", departmentIds: [] });
    const reset = await createPasswordReset(t.dpo.id, t.org.id, t.editor.id);
    await deliverDueMails();
    const byTo = new Map(smtp.mails.map((m) => [m.to[0], m]));
    expect(byTo.get("nouvelle@ville.test")!.text).toContain(`https://registre.ville.test/invitation/${inv.token}`);
    expect(byTo.get("nouvelle@ville.test")!.subject).toBe("Invitation à rejoindre Ville de Test sur Registre");
    expect(byTo.get(t.editor.email)!.text).toContain(`https://registre.ville.test/reset/${reset.token}`);
    expect(byTo.get(t.editor.email)!.raw).not.toMatch(/^List-Unsubscribe/m);
  });

  it("honours preferences: off sends nothing, digest gathers mails into one daily message", async () => {
    const t = await team();
    await setMailPreferences(t.dpo.id, { workflow: "DIGEST" });
    const a1 = await createActivity(t.editor.id, t.org.id, { content: content("Un"), departmentId: t.dep });
    const a2 = await createActivity(t.editor.id, t.org.id, { content: content("Deux"), departmentId: t.dep });
    await transitionActivity(t.editor.id, t.org.id, a1.id, a1.revision, "submit");
    await transitionActivity(t.editor.id, t.org.id, a2.id, a2.revision, "submit");
    await deliverDueMails();
    expect(smtp.mails).toHaveLength(0);
    expect(await sendDigests()).toBe(1);
    expect(await sendDigests()).toBe(0);
    await deliverDueMails();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe("Registre : 2 notifications du jour");
    expect(smtp.mails[0]!.text).toContain(a1.ref);
    expect(smtp.mails[0]!.text).toContain(a2.ref);

    await setMailPreferences(t.dpo.id, { workflow: "OFF" });
    const a3 = await createActivity(t.editor.id, t.org.id, { content: content("Trois"), departmentId: t.dep });
    await transitionActivity(t.editor.id, t.org.id, a3.id, a3.revision, "submit");
    expect((await mailsTo(t.dpo.email)).at(-1)!.status).toBe("SKIPPED");
  });

  it("keeps mails queued while the server is down and retries them with backoff", async () => {
    const port = await freePort();
    useSmtp(port);
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Voirie"), departmentId: t.dep });
    await transitionActivity(t.editor.id, t.org.id, a.id, a.revision, "submit");
    const t0 = new Date();

    // Nothing listens on the port: the attempt fails, the mail stays queued for one minute later.
    expect(await deliverDueMails(t0)).toEqual({ sent: 0, failed: 1 });
    let m = (await mailsTo(t.dpo.email))[0]!;
    expect(m).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(m.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);
    expect(m.lastError).toBeTruthy();
    // Not due yet: no attempt.
    expect(await deliverDueMails(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, failed: 0 });
    // Still down a minute later: the next wait doubles.
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await deliverDueMails(t1)).toEqual({ sent: 0, failed: 1 });
    m = (await mailsTo(t.dpo.email))[0]!;
    expect(m.attempts).toBe(2);
    expect(m.nextAttemptAt.getTime()).toBe(t1.getTime() + 120_000);

    // The server comes back; a temporary refusal (451) is retried too.
    const back = await startSmtpCatcher(port);
    try {
      back.rejectNext = 1;
      const t2 = new Date(t1.getTime() + 121_000);
      expect(await deliverDueMails(t2)).toEqual({ sent: 0, failed: 1 });
      expect(back.mails).toHaveLength(0);
      expect(await deliverDueMails(new Date(t2.getTime() + retryDelayMs(3) + 1))).toEqual({ sent: 1, failed: 0 });
      expect(back.mails.map((x) => x.to)).toEqual([[t.dpo.email]]);
      m = (await mailsTo(t.dpo.email))[0]!;
      expect(m).toMatchObject({ status: "SENT", attempts: 4, lastError: null });
      // Sent once only.
      expect(await deliverDueMails(new Date(t2.getTime() + 24 * 3600_000))).toEqual({ sent: 0, failed: 0 });
      expect(back.mails).toHaveLength(1);
    } finally {
      await back.close();
    }
  });

  it("never mails a transition that failed (same transaction)", async () => {
    const t = await team();
    const a = await createActivity(t.editor.id, t.org.id, { content: content("Conflit"), departmentId: t.dep });
    await expect(transitionActivity(t.editor.id, t.org.id, a.id, a.revision + 5, "submit")).rejects.toThrow();
    expect(await mailsTo(t.dpo.email)).toHaveLength(0);
    expect(getEnv().SMTP_HOST).toBe("127.0.0.1");
  });
});
