/**
 * Mail bodies: French or English, HTML and plain text with the same content. The HTML is plain,
 * semantic and single-column (lang, title, real headings and links, no images, no layout tables)
 * so screen readers and text-only clients read it in order.
 */
import { type Locale, type MessageKey, type Params } from "~/utils/i18n.ts";
import { translate } from "~/utils/messages.server.ts";

export type MailContent = {
  locale: Locale;
  subjectKey: MessageKey;
  bodyKey: MessageKey;
  params: Params;
  /** Recipient's name; null for someone without an account yet (invitation). */
  recipientName: string | null;
  orgName: string;
  url: string;
  /** Null for account mails (invitation, password reset), which cannot be turned off. */
  unsubscribeUrl: string | null;
  preferencesUrl: string | null;
};

export type RenderedMail = { subject: string; text: string; html: string };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Subjects are single-line: a name containing a line break must not inject a header. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, " ").trim();
}

function page(locale: Locale, subject: string, inner: string): string {
  return [
    "<!doctype html>",
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    `<div role="article" aria-label="${escapeHtml(subject)}" style="max-width:600px;margin:0 auto">`,
    inner,
    "</div></body></html>",
  ].join("\n");
}

function footer(c: Pick<MailContent, "locale" | "orgName" | "unsubscribeUrl" | "preferencesUrl">) {
  const t = (k: MessageKey, p?: Params) => translate(c.locale, k, p);
  const textLines = ["--", t("mail.footer", { org: c.orgName })];
  const html = [
    `<hr style="border:0;border-top:1px solid #666666;margin:24px 0">`,
    `<p style="font-size:14px;color:#3a3a3a">${escapeHtml(t("mail.footer", { org: c.orgName }))}</p>`,
  ];
  if (c.unsubscribeUrl) {
    textLines.push(`${t("mail.unsubscribe")} : ${c.unsubscribeUrl}`);
    html.push(`<p style="font-size:14px"><a href="${escapeHtml(c.unsubscribeUrl)}" style="color:#0b4f9c">${escapeHtml(t("mail.unsubscribe"))}</a></p>`);
  } else {
    textLines.push(t("mail.noUnsubscribe"));
    html.push(`<p style="font-size:14px;color:#3a3a3a">${escapeHtml(t("mail.noUnsubscribe"))}</p>`);
  }
  if (c.preferencesUrl) {
    textLines.push(`${t("mail.preferences")} : ${c.preferencesUrl}`);
    html.push(`<p style="font-size:14px"><a href="${escapeHtml(c.preferencesUrl)}" style="color:#0b4f9c">${escapeHtml(t("mail.preferences"))}</a></p>`);
  }
  return { text: textLines.join("\n"), html: html.join("\n") };
}

export function renderMail(c: MailContent): RenderedMail {
  const t = (k: MessageKey, p?: Params) => translate(c.locale, k, p);
  const subject = oneLine(t(c.subjectKey, c.params));
  const greeting = c.recipientName ? t("mail.greeting", { name: c.recipientName }) : t("mail.invitation.greeting");
  const body = t(c.bodyKey, c.params);
  const f = footer(c);
  const text = [greeting, "", body, "", `${t("mail.open")} : ${c.url}`, "", f.text].join("\n");
  const html = page(
    c.locale,
    subject,
    [
      `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(body)}</p>`,
      `<p><a href="${escapeHtml(c.url)}" style="display:inline-block;padding:10px 16px;background:#0b4f9c;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(t("mail.open"))}</a></p>`,
      f.html,
    ].join("\n"),
  );
  return { subject, text, html };
}

export type DigestItem = { subject: string; url: string };

export function renderDigest(c: { locale: Locale; recipientName: string; orgName: string; items: DigestItem[]; preferencesUrl: string }): RenderedMail {
  const t = (k: MessageKey, p?: Params) => translate(c.locale, k, p);
  const subject = oneLine(t("mail.digest.subject", { count: c.items.length }));
  // Each digested mail came from a category the user chose; the preferences page is where they change it.
  const f = footer({ locale: c.locale, orgName: c.orgName, unsubscribeUrl: c.preferencesUrl, preferencesUrl: null });
  const text = [
    t("mail.greeting", { name: c.recipientName }),
    "",
    t("mail.digest.intro"),
    "",
    ...c.items.map((i) => `- ${i.subject}\n  ${i.url}`),
    "",
    f.text,
  ].join("\n");
  const html = page(
    c.locale,
    subject,
    [
      `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
      `<p>${escapeHtml(t("mail.greeting", { name: c.recipientName }))}</p>`,
      `<p>${escapeHtml(t("mail.digest.intro"))}</p>`,
      "<ul>",
      ...c.items.map((i) => `<li><a href="${escapeHtml(i.url)}" style="color:#0b4f9c">${escapeHtml(i.subject)}</a></li>`),
      "</ul>",
      f.html,
    ].join("\n"),
  );
  return { subject, text, html };
}
