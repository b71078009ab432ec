import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listOrgMails } from "~/models/mail.server.ts";
import { requireOrgContext } from "~/http/auth.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { useT } from "~/utils/use-i18n.ts";

/** The organization's mails: the outbox an ADMIN reads when no SMTP server is configured. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params.org, "mail:outbox");
  const mails = await listOrgMails(ctx.org.id);
  const env = getEnv();
  return {
    smtpHost: env.SMTP_HOST ?? null,
    mails: mails.map((m) => ({
      id: m.id,
      to: m.toEmail,
      subject: m.subject,
      text: m.text,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

export default function Outbox() {
  const d = useLoaderData<typeof loader>();
  const { t, has, date } = useT();
  return (
    <div className="page">
      <h1>{t("outbox.title")}</h1>
      <p className={d.smtpHost ? "lead" : "callout warning"}>{d.smtpHost ? t("outbox.smtp", { host: d.smtpHost }) : t("outbox.noSmtp")}</p>
      {d.mails.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      <ul className="outbox-list">
        {d.mails.map((m) => {
          const statusKey = `outbox.status.${m.status}`;
          return (
            <li key={m.id}>
              <h2 className="h3">{m.subject}</h2>
              <dl className="inline-dl">
                <dt>{t("outbox.to")}</dt>
                <dd>{m.to}</dd>
                <dt>{t("outbox.status")}</dt>
                <dd>{has(statusKey) ? t(statusKey) : m.status}</dd>
                <dt>{t("outbox.created")}</dt>
                <dd>{date(m.createdAt, true)}</dd>
              </dl>
              {m.status === "QUEUED" && m.attempts > 0 ? (
                <p className="callout warning">{t("outbox.attempts", { count: m.attempts, date: date(m.nextAttemptAt, true), error: m.lastError ?? "" })}</p>
              ) : null}
              <details>
                <summary>{t("outbox.show")}</summary>
                <pre className="mail-text">{m.text}</pre>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
