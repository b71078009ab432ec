/**
 * The scheduler inside the server (no external cron): every tick it delivers due mails; every hour it
 * checks reminders; once a day, after MAIL_DIGEST_HOUR (Europe/Paris), it sends digests. The last run of
 * each job is stored, and reminders carry idempotency keys, so a restart neither skips nor repeats.
 * The clock is injected so tests can move time forward.
 */
import { getDb } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { deliverDueMails, releaseOutbox, sendDigests } from "./mail.server.ts";
import { runReminders } from "./reminders.server.ts";

export const REMINDERS_EVERY_MS = 60 * 60 * 1000;

function parisDay(d: Date): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) };
}

async function lastRun(name: string): Promise<Date | null> {
  return (await getDb().schedulerJob.findUnique({ where: { name } }))?.lastRunAt ?? null;
}

async function markRun(name: string, at: Date) {
  await getDb().schedulerJob.upsert({ where: { name }, create: { name, lastRunAt: at }, update: { lastRunAt: at } });
}

export type TickReport = { sent: number; failed: number; reminders: number | null; digests: number | null };

/** One pass of every job that is due at `now`. */
export async function schedulerTick(now: Date): Promise<TickReport> {
  const env = getEnv();
  let reminders: number | null = null;
  let digests: number | null = null;
  const lastReminders = await lastRun("reminders");
  if (!lastReminders || now.getTime() - lastReminders.getTime() >= REMINDERS_EVERY_MS) {
    reminders = await runReminders(now);
    await markRun("reminders", now);
  }
  const today = parisDay(now);
  const lastDigest = await lastRun("digest");
  if (today.hour >= env.MAIL_DIGEST_HOUR && (!lastDigest || parisDay(lastDigest).day !== today.day)) {
    digests = await sendDigests(now);
    await markRun("digest", now);
  }
  const { sent, failed } = await deliverDueMails(now);
  return { sent, failed, reminders, digests };
}

export type Scheduler = { stop(): void; tick(): Promise<TickReport | null> };

/** Starts the loop; `now` is the clock (a fake one in tests). Ticks never overlap. */
export function startScheduler(opts: { now?: () => Date; intervalMs?: number } = {}): Scheduler {
  const now = opts.now ?? (() => new Date());
  let running: Promise<TickReport | null> | null = null;
  const tick = () => {
    running ??= schedulerTick(now())
      .catch((err: unknown) => {
        logger.error({ err }, "scheduler tick failed");
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  void releaseOutbox().then((n) => n && logger.info({ count: n }, "outbox mails queued for SMTP"));
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 30_000);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
