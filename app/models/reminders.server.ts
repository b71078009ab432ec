/**
 * Scheduled reminders. Each reminder has an idempotency key (what, which item, which due date, whom)
 * stored with the mail, so running the check again — every hour, or after a restart — never sends a
 * reminder twice; a new due date is a new reminder.
 */
import { breachClock } from "~/analysis/breach.ts";
import { deadlineState } from "~/analysis/requests.ts";
import { BreachContentSchema } from "~/schemas/breach.ts";
import { ActionPlanSchema } from "~/schemas/dpia.ts";
import { sha256Hex } from "~/utils/crypto.server.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { formatDate, type MessageKey } from "~/utils/i18n.ts";
import { enqueueMailTx, recipientsTx } from "./mail.server.ts";
import { OPEN_REQUEST_STATUSES } from "~/policies/request.ts";
import { effectiveDue } from "./request.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

type Org = { id: string; name: string; slug: string };

/** DPOs, plus the editors of the department when there is one. */
async function responsibleFor(tx: Tx, organizationId: string, departmentId: string | null) {
  return recipientsTx(tx, organizationId, {
    OR: [{ role: "DPO" as const }, ...(departmentId ? [{ role: "EDITOR" as const, departments: { some: { departmentId } } }] : [])],
  });
}

async function remind(
  tx: Tx,
  org: Org,
  recipients: Awaited<ReturnType<typeof recipientsTx>>,
  r: { kind: string; key: string; subjectKey: MessageKey; bodyKey: MessageKey; params: Record<string, string | number>; date?: Date; url: string },
  now: Date,
) {
  let n = 0;
  for (const to of recipients) {
    const params = r.date ? { ...r.params, date: formatDate(to.locale, r.date) } : r.params;
    const m = await enqueueMailTx(
      tx,
      {
        organizationId: org.id,
        orgName: org.name,
        to,
        kind: `reminder.${r.kind}`,
        category: "reminders",
        subjectKey: r.subjectKey,
        bodyKey: r.bodyKey,
        params,
        url: r.url,
        idempotencyKey: `${r.key}:${to.userId}`,
      },
      now,
    );
    if (m) n++;
  }
  return n;
}

export async function runReminders(now = new Date()): Promise<number> {
  const env = getEnv();
  const db = getDb();
  const soon = new Date(now.getTime() + env.REMINDER_DUE_SOON_DAYS * DAY_MS);
  const waitingSince = new Date(now.getTime() - env.REMINDER_SUBMITTED_DAYS * DAY_MS);
  const today = now.toISOString().slice(0, 10);
  const orgs = await db.organization.findMany({ select: { id: true, name: true, slug: true } });
  let total = 0;
  for (const org of orgs) {
    // Reminders only queue mails (each with its idempotency key): outbox bookkeeping, not a change to the register.
    total += await unitOfWork(
      { actorId: null, organizationId: org.id },
      async ({ tx }) => {
        let n = 0;
        const reviews = await tx.activity.findMany({
          where: { organizationId: org.id, status: { not: "ARCHIVED" }, nextReviewAt: { not: null, lte: soon } },
          select: { id: true, ref: true, name: true, departmentId: true, nextReviewAt: true },
        });
        for (const a of reviews) {
          const overdue = a.nextReviewAt! <= now;
          const day = a.nextReviewAt!.toISOString().slice(0, 10);
          n += await remind(
            tx,
            org,
            await responsibleFor(tx, org.id, a.departmentId),
            {
              kind: overdue ? "review_overdue" : "review_due",
              key: `${overdue ? "review_overdue" : "review_due"}:${a.id}:${day}`,
              subjectKey: overdue ? "mail.reminder.reviewOverdue.subject" : "mail.reminder.reviewDue.subject",
              bodyKey: overdue ? "mail.reminder.reviewOverdue.body" : "mail.reminder.reviewDue.body",
              params: { ref: a.ref, name: a.name },
              date: a.nextReviewAt!,
              url: `/o/${org.slug}/activities/${a.ref}`,
            },
            now,
          );
        }

        const vendors = await tx.vendor.findMany({
          where: { organizationId: org.id, dpaNextReview: { not: null, lte: soon } },
          select: { id: true, name: true, dpaNextReview: true },
        });
        if (vendors.length) {
          const dpos = await recipientsTx(tx, org.id, { role: "DPO" });
          for (const v of vendors) {
            n += await remind(
              tx,
              org,
              dpos,
              {
                kind: "dpa_due",
                key: `dpa_due:${v.id}:${v.dpaNextReview!.toISOString().slice(0, 10)}`,
                subjectKey: "mail.reminder.dpaDue.subject",
                bodyKey: "mail.reminder.dpaDue.body",
                params: { vendor: v.name },
                date: v.dpaNextReview!,
                url: `/o/${org.slug}/vendors/${v.id}`,
              },
              now,
            );
          }
        }

        const dpias = await tx.dpia.findMany({
          where: { organizationId: org.id, status: { in: ["draft", "in_review", "validated"] } },
          select: { id: true, actionPlan: true, activity: { select: { ref: true, name: true, departmentId: true } } },
        });
        for (const d of dpias) {
          const parsed = ActionPlanSchema.safeParse(JSON.parse(d.actionPlan));
          if (!parsed.success) continue;
          for (const row of parsed.data) {
            if (!row.dueDate || row.dueDate >= today || row.status === "done") continue;
            n += await remind(
              tx,
              org,
              await responsibleFor(tx, org.id, d.activity.departmentId),
              {
                kind: "dpia_action",
                key: `dpia_action:${d.id}:${sha256Hex(row.action).slice(0, 16)}:${row.dueDate}`,
                subjectKey: "mail.reminder.dpiaAction.subject",
                bodyKey: "mail.reminder.dpiaAction.body",
                params: { ref: d.activity.ref, name: d.activity.name },
                date: new Date(`${row.dueDate}T00:00:00Z`),
                url: `/o/${org.slug}/activities/${d.activity.ref}/dpia`,
              },
              now,
            );
          }
        }

        const waiting = await tx.activity.findMany({
          where: { organizationId: org.id, status: "SUBMITTED", submittedAt: { not: null, lte: waitingSince } },
          select: { id: true, ref: true, name: true, submittedAt: true },
        });
        if (waiting.length) {
          const dpos = await recipientsTx(tx, org.id, { role: "DPO" });
          for (const a of waiting) {
            n += await remind(
              tx,
              org,
              dpos,
              {
                kind: "submitted_waiting",
                key: `submitted_waiting:${a.id}:${a.submittedAt!.toISOString()}`,
                subjectKey: "mail.reminder.submittedWaiting.subject",
                bodyKey: "mail.reminder.submittedWaiting.body",
                params: { ref: a.ref, name: a.name, days: Math.floor((now.getTime() - a.submittedAt!.getTime()) / DAY_MS) },
                date: a.submittedAt!,
                url: `/o/${org.slug}/activities/${a.ref}`,
              },
              now,
            );
          }
        }
        // The breach register's 72-hour clock (Art. 33(1)): on its last day, and once it has run out.
        const breaches = await tx.breach.findMany({
          where: { organizationId: org.id, status: { in: ["OPEN", "ASSESSED"] } },
          select: { id: true, ref: true, title: true, awareAt: true, content: true },
        });
        const clocks = breaches.flatMap((b) => {
          const assessment = BreachContentSchema.safeParse(JSON.parse(b.content));
          const notify = assessment.success ? (assessment.data.assessment?.notifyCnil ?? null) : null;
          const clock = breachClock(b.awareAt, null, now, notify);
          const lastDay = clock.state === "running" && clock.remainingMs <= DAY_MS;
          return clock.state === "overdue" || lastDay ? [{ b, overdue: clock.state === "overdue", deadline: clock.deadline }] : [];
        });
        if (clocks.length) {
          const dpos = await recipientsTx(tx, org.id, { role: "DPO" });
          for (const { b, overdue, deadline } of clocks) {
            n += await remind(
              tx,
              org,
              dpos,
              {
                kind: overdue ? "breach_overdue" : "breach_due",
                key: `${overdue ? "breach_overdue" : "breach_due"}:${b.id}`,
                subjectKey: overdue ? "mail.reminder.breachOverdue.subject" : "mail.reminder.breachDue.subject",
                bodyKey: overdue ? "mail.reminder.breachOverdue.body" : "mail.reminder.breachDue.body",
                params: { ref: b.ref, title: b.title },
                date: deadline,
                url: `/o/${org.slug}/breaches/${b.ref}`,
              },
              now,
            );
          }
        }

        // Data-subject requests: the one-month deadline (Art. 12(3)), extended or not.
        const requests = await tx.dataSubjectRequest.findMany({
          where: { organizationId: org.id, status: { in: [...OPEN_REQUEST_STATUSES] } },
          select: { id: true, ref: true, dueAt: true, extendedDueAt: true },
        });
        const pending = requests.flatMap((r) => {
          const due = effectiveDue(r);
          const state = deadlineState(due, now, true);
          return state === "overdue" || state === "due_soon" ? [{ r, due, overdue: state === "overdue" }] : [];
        });
        if (pending.length) {
          const dpos = await recipientsTx(tx, org.id, { role: "DPO" });
          for (const { r, due, overdue } of pending) {
            n += await remind(
              tx,
              org,
              dpos,
              {
                kind: overdue ? "request_overdue" : "request_due",
                key: `${overdue ? "request_overdue" : "request_due"}:${r.id}:${due.toISOString().slice(0, 10)}`,
                subjectKey: overdue ? "mail.reminder.requestOverdue.subject" : "mail.reminder.requestDue.subject",
                bodyKey: overdue ? "mail.reminder.requestOverdue.body" : "mail.reminder.requestDue.body",
                params: { ref: r.ref },
                date: due,
                url: `/o/${org.slug}/requests/${r.ref}`,
              },
              now,
            );
          }
        }
        return n;
      },
      { unaudited: "reminder mails queued" },
    );
  }
  return total;
}
