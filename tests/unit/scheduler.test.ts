import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, transitionActivity } from "~/models/activity.server.ts";
import { setMailPreferences } from "~/models/mail.server.ts";
import { runReminders } from "~/models/reminders.server.ts";
import { schedulerTick, startScheduler } from "~/models/scheduler.server.ts";
import { createBreach } from "~/models/breach.server.ts";
import { createRequest } from "~/models/request.server.ts";
import { BreachFactsFormSchema } from "~/schemas/breach.ts";
import { RequestFormSchema } from "~/schemas/request.ts";
import { ActivityContentSchema } from "~/schemas/activity.ts";
import { getDb } from "~/utils/db.server.ts";
import { resetEnvCache } from "~/utils/env.server.ts";
import { resetMailTransport } from "~/utils/mailer.server.ts";
import { addMember, createOrg, createUser } from "../helpers/factories.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp.ts";

const DAY = 24 * 3600_000;
// 05:00 UTC = 06:00 in Paris (winter): before the 07:00 digest.
const T0 = new Date("2027-03-02T05:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: "none",
    MAIL_FROM: "registre@ville.test",
    PUBLIC_URL: "https://registre.ville.test",
    MAIL_DIGEST_HOUR: "7",
    REMINDER_SUBMITTED_DAYS: "7",
    REMINDER_DUE_SOON_DAYS: "30",
  });
  resetEnvCache();
  resetMailTransport();
});
afterAll(async () => {
  resetMailTransport();
  await smtp.close();
});

const subjects = (to: string) =>
  smtp.mails
    .filter((m) => m.to[0] === to)
    .map((m) => m.subject)
    .sort();

describe("scheduler with a fake clock", () => {
  it("sends each reminder once, across ticks and restarts, and a new one when a date passes", async () => {
    const { org, departments } = await createOrg("Ville de Rappel");
    const dep = departments[0]!.id;
    const dpo = await createUser({ name: "Dora", locale: "fr" });
    await addMember(dpo.id, org.id, "DPO");
    const editor = await createUser({ name: "Eddie", locale: "en" });
    await addMember(editor.id, org.id, "EDITOR", [dep]);
    const elsewhere = await createUser({ name: "Otto" });
    await addMember(elsewhere.id, org.id, "EDITOR", [departments[1]!.id]);

    const review = await createActivity(editor.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Paie", nextReviewAt: isoDay(at(10 * DAY)) }),
      departmentId: dep,
    });
    const later = await createActivity(editor.id, org.id, {
      content: ActivityContentSchema.parse({ name: "Lointain", nextReviewAt: isoDay(at(200 * DAY)) }),
      departmentId: dep,
    });
    const waiting = await createActivity(editor.id, org.id, { content: ActivityContentSchema.parse({ name: "Cantine" }), departmentId: dep });
    await transitionActivity(editor.id, org.id, waiting.id, waiting.revision, "submit", {}, at(-8 * DAY));
    const fresh = await createActivity(editor.id, org.id, { content: ActivityContentSchema.parse({ name: "Récent" }), departmentId: dep });
    await transitionActivity(editor.id, org.id, fresh.id, fresh.revision, "submit", {}, at(-2 * DAY));
    await getDb().vendor.create({ data: { organizationId: org.id, name: "Hébergeur SA", country: "FR", dpaStatus: "SIGNED", dpaNextReview: at(-1 * DAY) } });
    await getDb().vendor.create({ data: { organizationId: org.id, name: "Plus tard SA", country: "FR", dpaStatus: "SIGNED", dpaNextReview: at(100 * DAY) } });
    await getDb().dpia.create({
      data: {
        organizationId: org.id,
        activityId: review.id,
        actionPlan: JSON.stringify([
          { action: "Chiffrer les sauvegardes", dueDate: isoDay(at(-3 * DAY)), status: "todo" },
          { action: "Former les agents", dueDate: isoDay(at(-3 * DAY)), status: "done" },
          { action: "Plus tard", dueDate: isoDay(at(5 * DAY)), status: "todo" },
        ]),
      },
    });
    // Workflow mails from the set-up are not what this test is about.
    await getDb().mailMessage.deleteMany({});

    const first = await schedulerTick(T0);
    expect(first.reminders).toBe(6);
    expect(subjects(dpo.email)).toEqual(
      [
        `Action de l'AIPD du traitement ${review.ref} en retard`,
        "Contrat de sous-traitance de Hébergeur SA à revoir",
        `Revue du traitement ${review.ref} à faire avant le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(new Date(`${isoDay(at(10 * DAY))}T00:00:00Z`))}`,
        `Traitement ${waiting.ref} en attente de validation depuis 8 jours`,
      ].sort(),
    );
    expect(subjects(editor.email)).toEqual(
      [`DPIA action overdue on activity ${review.ref}`, expect.stringMatching(new RegExp(`^Review of activity ${review.ref} due by`))].sort(),
    );
    expect(subjects(elsewhere.email)).toEqual([]);
    expect(smtp.mails.some((m) => m.subject.includes(later.ref) || m.subject.includes(fresh.ref) || m.subject.includes("Plus tard"))).toBe(false);
    expect(smtp.mails).toHaveLength(6);

    // Ten minutes later: reminders are not checked again; an hour later they are, but nothing is new.
    expect((await schedulerTick(at(10 * 60_000))).reminders).toBeNull();
    expect((await schedulerTick(at(61 * 60_000))).reminders).toBe(0);

    // A restart: a new scheduler in a new "process" state, same database.
    const restarted = startScheduler({ now: () => at(3 * 3600_000), intervalMs: 3_600_000 });
    try {
      const r = await restarted.tick();
      expect(r?.reminders).toBe(0);
    } finally {
      restarted.stop();
    }
    expect(smtp.mails).toHaveLength(6);

    // Eleven days later the review date has passed (one "overdue" reminder each), the second DPIA action
    // is overdue (DPO and editor) and the second submission has waited 13 days (DPO): five, once.
    expect((await schedulerTick(at(11 * DAY))).reminders).toBe(5);
    expect((await schedulerTick(at(11 * DAY + 2 * 3600_000))).reminders).toBe(0);
    expect(subjects(editor.email)).toContain(`Review of activity ${review.ref} overdue`);
    expect(subjects(dpo.email)).toContain(`Traitement ${fresh.ref} en attente de validation depuis 13 jours`);
    expect(smtp.mails).toHaveLength(11);
  });

  it("sends the daily digest once a day after the configured hour, even across a restart", async () => {
    const { org, departments } = await createOrg("Ville du Résumé");
    const dep = departments[0]!.id;
    const dpo = await createUser({ name: "Dina", locale: "en" });
    await addMember(dpo.id, org.id, "DPO");
    const editor = await createUser({ name: "Emma" });
    await addMember(editor.id, org.id, "EDITOR", [dep]);
    await setMailPreferences(dpo.id, { workflow: "DIGEST" });
    const day = new Date("2027-06-10T03:00:00Z"); // 05:00 in Paris (summer)
    await getDb().schedulerJob.deleteMany({});
    const a = await createActivity(editor.id, org.id, { content: ActivityContentSchema.parse({ name: "Piscine" }), departmentId: dep });
    await transitionActivity(editor.id, org.id, a.id, a.revision, "submit", {}, day);
    smtp.mails.length = 0;

    expect((await schedulerTick(day)).digests).toBeNull();
    const afterSeven = new Date("2027-06-10T05:01:00Z"); // 07:01 in Paris
    expect((await schedulerTick(afterSeven)).digests).toBe(1);
    expect(smtp.mails.filter((m) => m.to[0] === dpo.email).map((m) => m.subject)).toEqual(["Registre: 1 notification today"]);
    const restarted = startScheduler({ now: () => new Date("2027-06-10T15:00:00Z"), intervalMs: 3_600_000 });
    try {
      expect((await restarted.tick())?.digests).toBeNull();
    } finally {
      restarted.stop();
    }
    // The next day, the digest job runs again (nothing new to send).
    expect((await schedulerTick(new Date("2027-06-11T05:30:00Z"))).digests).toBe(0);
    expect(smtp.mails.filter((m) => m.to[0] === dpo.email)).toHaveLength(1);
  });

  it("reminds the DPOs of a breach's 72-hour clock and of request deadlines, once each", async () => {
    const { org } = await createOrg("Ville des Délais");
    const dpo = await createUser({ name: "Delphine", locale: "fr" });
    await addMember(dpo.id, org.id, "DPO");
    const editor = await createUser({ name: "Edgar" });
    await addMember(editor.id, org.id, "EDITOR");
    const breach = (title: string, awareAt: string) =>
      createBreach(dpo.id, org.id, BreachFactsFormSchema.parse({ title, discoveredAt: awareAt, awareAt, nature: ["confidentiality"], description: "Faits" }));
    // T0 is 06:00 in Paris on 2 March 2027.
    const lastDay = await breach("Courriel mal adressé", "2027-02-27T08:00"); // deadline 2 March 08:00 (Paris): 2 hours left
    const late = await breach("Rançongiciel", "2027-02-20T08:00"); // deadline passed
    const fresh = await breach("Clé perdue", "2027-03-01T10:00"); // two days left: no reminder yet
    const request = (requesterName: string, receivedAt: string) =>
      createRequest(dpo.id, org.id, RequestFormSchema.parse({ type: "ACCESS", receivedAt, channel: "EMAIL", requesterName }));
    const overdue = await request("Paul", "2027-02-01"); // due Monday 1 March
    const soon = await request("Jeanne", "2027-02-08"); // due Monday 8 March: six days left
    const later = await request("Zoé", "2027-02-20"); // due 20 March, a Saturday: Monday 22
    await getDb().mailMessage.deleteMany({ where: { organizationId: org.id } });

    const mails = async () =>
      (await getDb().mailMessage.findMany({ where: { organizationId: org.id }, select: { toEmail: true, subject: true } }))
        .map((m) => `${m.toEmail}|${m.subject}`)
        .sort();
    await runReminders(T0);
    const date = (d: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(new Date(d));
    expect(await mails()).toEqual(
      [
        `${dpo.email}|Violation ${lastDay.ref} : à notifier à la CNIL avant le ${date("2027-03-02T07:00:00Z")}`,
        `${dpo.email}|Violation ${late.ref} : délai de 72 heures dépassé`,
        `${dpo.email}|Demande ${overdue.ref} : délai de réponse dépassé`,
        `${dpo.email}|Demande ${soon.ref} : réponse à donner avant le ${date("2027-03-08T00:00:00Z")}`,
      ].sort(),
    );
    const all = (await mails()).join("\n");
    for (const quiet of [fresh.ref, later.ref, editor.email]) expect(all).not.toContain(quiet);
    // Idempotent: a second run the same day queues nothing new.
    await runReminders(at(3600_000));
    expect(await mails()).toHaveLength(4);
  });
});
