/** The SMTP transport, built once from the environment (nodemailer). Null when SMTP is not configured. */
import type { Transporter } from "nodemailer";
import { getEnv } from "./env.server.ts";

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string; headers?: Record<string, string> };
export type MailTransport = { send(mail: OutgoingMail): Promise<void>; host: string };

let cached: { key: string; transport: MailTransport | null } | undefined;

export function smtpConfigured(): boolean {
  return Boolean(getEnv().SMTP_HOST);
}

export function getMailTransport(): MailTransport | null {
  const env = getEnv();
  const key = JSON.stringify([env.SMTP_HOST, env.SMTP_PORT, env.SMTP_TLS, env.SMTP_USER, env.SMTP_PASSWORD]);
  if (cached?.key === key) return cached.transport;
  if (cached?.transport) closeCached();
  let transport: MailTransport | null = null;
  if (env.SMTP_HOST) {
    const port = env.SMTP_PORT ?? (env.SMTP_TLS === "implicit" ? 465 : 587);
    // nodemailer is loaded on first send, so CLI commands that never mail do not pay for it.
    let t: Transporter | undefined;
    const options = {
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_TLS === "implicit",
      requireTLS: env.SMTP_TLS === "starttls",
      ignoreTLS: env.SMTP_TLS === "none",
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
      // Fail fast when the server is down: the queue retries later with backoff.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    };
    transport = {
      host: `${env.SMTP_HOST}:${port}`,
      async send(mail) {
        t ??= (await import("nodemailer")).default.createTransport(options);
        await t.sendMail(mail);
      },
    };
    closers.push(() => t?.close());
  }
  cached = { key, transport };
  return transport;
}

const closers: (() => void)[] = [];
function closeCached() {
  for (const c of closers.splice(0)) c();
}

/** For tests that change SMTP settings between runs. */
export function resetMailTransport() {
  closeCached();
  cached = undefined;
}
