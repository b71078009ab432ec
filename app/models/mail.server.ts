/**
 * The persistent mail queue. Every mail is written to MailMessage in the same transaction as the change
 * that causes it, then delivered by the scheduler (deliverDueMails). Without SMTP it stays in the outbox.
 */
import { type Prisma } from "~/generated/prisma/client.ts";
import { renderDigest, renderMail } from "~/documents/mail.ts";
import { generateSecureRandomString } from "~/utils/crypto.server.ts";
import { getDb, type Tx } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { isLocale, type Locale, type MessageKey, type Params } from "~/utils/i18n.ts";
import { getMailTransport, smtpConfigured, type MailTransport } from "~/utils/mailer.server.ts";
import { MAIL_CATEGORIES, MAIL_MODES, type MailMode } from "~/schemas/mail-preferences.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export { MAIL_CATEGORIES, MAIL_MODES, type MailMode };

export type MailCategory = (typeof MAIL_CATEGORIES)[number] | "account";

/** 1 min, 2, 4 … capped at 1 hour: a server down for a day is retried about 30 times, never given up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export function appOrigin(): string {
  const env = getEnv();
  return env.PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${env.PORT}`;
}

export type MailRecipient = { userId: string; email: string; name: string; locale: Locale } | { userId: null; email: string; name: null; locale: Locale };

export type MailInput = {
  organizationId: string;
  orgName: string;
  to: MailRecipient;
  kind: string;
  category: MailCategory;
  subjectKey: MessageKey;
  bodyKey: MessageKey;
  params: Params;
  /** Path or absolute URL of the page concerned. */
  url: string;
  idempotencyKey?: string;
};

async function unsubscribeToken(tx: Tx, userId: string): Promise<string> {
  const existing = await tx.mailUnsubscribeToken.findUnique({ where: { userId } });
  if (existing) return existing.token;
  const token = generateSecureRandomString() + generateSecureRandomString();
  await tx.mailUnsubscribeToken.create({ data: { userId, token } });
  return token;
}

export async function getMailMode(tx: Tx, userId: string, category: MailCategory): Promise<MailMode> {
  if (category === "account") return "IMMEDIATE";
  const pref = await tx.mailPreference.findUnique({ where: { userId_category: { userId, category } } });
  return (pref?.mode as MailMode | undefined) ?? "IMMEDIATE";
}

/**
 * Writes one mail in the caller's transaction. Returns null when the idempotency key was already used
 * (a reminder sent before a restart), so the caller can count what it really queued.
 */
export async function enqueueMailTx(tx: Tx, input: MailInput, now = new Date()) {
  if (input.idempotencyKey) {
    const seen = await tx.mailMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    if (seen) return null;
  }
  const origin = appOrigin();
  const url = input.url.startsWith("http") ? input.url : `${origin}${input.url}`;
  const mode = input.to.userId ? await getMailMode(tx, input.to.userId, input.category) : "IMMEDIATE";
  let unsubscribeUrl: string | null = null;
  let preferencesUrl: string | null = null;
  if (input.to.userId && input.category !== "account") {
    unsubscribeUrl = `${origin}/mail/unsubscribe/${await unsubscribeToken(tx, input.to.userId)}?c=${input.category}`;
    preferencesUrl = `${origin}/account#mail`;
  }
  const rendered = renderMail({
    locale: input.to.locale,
    subjectKey: input.subjectKey,
    bodyKey: input.bodyKey,
    params: input.params,
    recipientName: input.to.name,
    orgName: input.orgName,
    url,
    unsubscribeUrl,
    preferencesUrl,
  });
  const status = mode === "OFF" ? "SKIPPED" : mode === "DIGEST" ? "DIGEST" : smtpConfigured() ? "QUEUED" : "OUTBOX";
  return tx.mailMessage.create({
    data: {
      organizationId: input.organizationId,
      userId: input.to.userId,
      toEmail: input.to.email,
      locale: input.to.locale,
      kind: input.kind,
      category: input.category,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      url,
      status,
      nextAttemptAt: now,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: now,
    },
  });
}

/** Members of an organization as mail recipients, in their own language (else the organization's). */
export async function recipientsTx(tx: Tx, organizationId: string, where: Prisma.MembershipWhereInput): Promise<(MailRecipient & { userId: string })[]> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { defaultLocale: true } });
  const members = await tx.membership.findMany({
    where: { organizationId, ...where },
    select: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  const fallback: Locale = isLocale(org.defaultLocale) ? org.defaultLocale : "fr";
  return members.map(({ user }) => ({ userId: user.id, email: user.email, name: user.name, locale: isLocale(user.locale) ? user.locale : fallback }));
}

let delivering = false;

/**
 * Sends what is due. A failure (server down, refused) keeps the mail QUEUED with a later attempt;
 * nothing is dropped. Mails are sent one at a time, oldest first.
 */
export async function deliverDueMails(
  now = new Date(),
  transport: MailTransport | null = getMailTransport(),
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  if (!transport || delivering) return { sent: 0, failed: 0 };
  delivering = true;
  try {
    const env = getEnv();
    const db = getDb();
    const due = await db.mailMessage.findMany({ where: { status: "QUEUED", nextAttemptAt: { lte: now } }, orderBy: { createdAt: "asc" }, take: limit });
    let sent = 0;
    let failed = 0;
    for (const m of due) {
      const headers: Record<string, string> = { "Auto-Submitted": "auto-generated", "X-Registre-Mail": m.id };
      if (m.userId && m.category !== "account") {
        const tok = await db.mailUnsubscribeToken.findUnique({ where: { userId: m.userId } });
        if (tok) headers["List-Unsubscribe"] = `<${appOrigin()}/mail/unsubscribe/${tok.token}?c=${m.category}>`;
      }
      try {
        await transport.send({ from: env.MAIL_FROM!, to: m.toEmail, subject: m.subject, text: m.text, html: m.html, headers });
        await db.mailMessage.update({ where: { id: m.id }, data: { status: "SENT", sentAt: new Date(), attempts: m.attempts + 1, lastError: null } });
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        const message = err instanceof Error ? err.message : String(err);
        await db.mailMessage.update({
          where: { id: m.id },
          data: { attempts, lastError: message.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
        });
        failed++;
        // The server is probably down: the remaining mails would fail the same way. Try them next tick.
        break;
      }
    }
    return { sent, failed };
  } finally {
    delivering = false;
  }
}

/**
 * Mails that waited in the outbox while SMTP was not configured are queued once SMTP is set up,
 * so configuring SMTP later loses nothing.
 */
export async function releaseOutbox(): Promise<number> {
  if (!smtpConfigured()) return 0;
  const res = await getDb().mailMessage.updateMany({ where: { status: "OUTBOX" }, data: { status: "QUEUED", nextAttemptAt: new Date() } });
  return res.count;
}

/** One digest per user and day with the mails they chose to receive that way. */
export async function sendDigests(now = new Date()): Promise<number> {
  const db = getDb();
  const pending = await db.mailMessage.findMany({ where: { status: "DIGEST" }, orderBy: { createdAt: "asc" } });
  const byUser = new Map<string, typeof pending>();
  for (const m of pending) if (m.userId) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const day = now.toISOString().slice(0, 10);
  let count = 0;
  for (const [userId, items] of byUser) {
    // Mail queue bookkeeping: the digest is a new outbox row, not a change to the register.
    await unitOfWork(
      { actorId: null, organizationId: items[0]!.organizationId },
      async ({ tx }) => {
        const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
        if (!user) return;
        const first = items[0]!;
        const org = first.organizationId ? await tx.organization.findUnique({ where: { id: first.organizationId }, select: { name: true } }) : null;
        const locale: Locale = isLocale(user.locale) ? user.locale : isLocale(first.locale) ? first.locale : "fr";
        const rendered = renderDigest({
          locale,
          recipientName: user.name,
          orgName: org?.name ?? "Registre",
          items: items.map((i) => ({ subject: i.subject, url: i.url })),
          preferencesUrl: `${appOrigin()}/account#mail`,
        });
        const key = `digest:${userId}:${day}:${items.length}:${first.id}`;
        if (await tx.mailMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) return;
        await tx.mailMessage.create({
          data: {
            organizationId: first.organizationId,
            userId,
            toEmail: user.email,
            locale,
            kind: "digest",
            category: "account",
            ...rendered,
            url: `${appOrigin()}/account#mail`,
            status: smtpConfigured() ? "QUEUED" : "OUTBOX",
            nextAttemptAt: now,
            idempotencyKey: key,
            createdAt: now,
          },
        });
        await tx.mailMessage.updateMany({ where: { id: { in: items.map((i) => i.id) }, status: "DIGEST" }, data: { status: "DIGESTED" } });
        count++;
      },
      { unaudited: "mail digest queued" },
    );
  }
  return count;
}

export function listOrgMails(organizationId: string, take = 200) {
  return getDb().mailMessage.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take });
}

export function getOrgMail(organizationId: string, id: string) {
  return getDb().mailMessage.findFirst({ where: { organizationId, id } });
}

export async function getMailPreferences(userId: string): Promise<Record<(typeof MAIL_CATEGORIES)[number], MailMode>> {
  const rows = await getDb().mailPreference.findMany({ where: { userId } });
  const out = Object.fromEntries(MAIL_CATEGORIES.map((c) => [c, "IMMEDIATE"])) as Record<(typeof MAIL_CATEGORIES)[number], MailMode>;
  for (const r of rows)
    if ((MAIL_CATEGORIES as readonly string[]).includes(r.category)) out[r.category as (typeof MAIL_CATEGORIES)[number]] = r.mode as MailMode;
  return out;
}

export async function setMailPreferences(userId: string, prefs: Partial<Record<(typeof MAIL_CATEGORIES)[number], MailMode>>) {
  await unitOfWork(
    { actorId: userId, organizationId: null },
    async ({ tx }) => {
      for (const [category, mode] of Object.entries(prefs)) {
        await tx.mailPreference.upsert({
          where: { userId_category: { userId, category } },
          create: { userId, category, mode: mode! },
          update: { mode: mode! },
        });
      }
    },
    { unaudited: "a user's own mail preferences (a personal setting, never audited)" },
  );
}

export async function findUnsubscribeToken(token: string) {
  const row = await getDb().mailUnsubscribeToken.findUnique({ where: { token } });
  if (!row) return null;
  const user = await getDb().user.findUnique({ where: { id: row.userId }, select: { id: true, email: true } });
  return user;
}
