/**
 * The browser's copy of the messages. The root loader leaves them out of a data request when the
 * browser already holds this language and version (root.tsx); the root clientLoader puts them back
 * from here, or fetches them from /messages/<locale> if this tab does not hold them (another tab
 * received them). ADR 011, "Translations".
 */
import type { Locale, Messages } from "./i18n.ts";

type Held = { locale: Locale; version: string; messages: Messages };
let held: Held | null = null;

export type RootMessagesData = { locale: Locale; messagesVersion: string; messages: Messages | null };

export function rememberMessages(d: RootMessagesData | undefined): void {
  if (d?.messages) held = { locale: d.locale, version: d.messagesVersion, messages: d.messages };
}

export async function withMessages(d: RootMessagesData): Promise<Messages> {
  if (d.messages) {
    rememberMessages(d);
    return d.messages;
  }
  if (held && held.locale === d.locale && held.version === d.messagesVersion) return held.messages;
  const res = await fetch(`/messages/${d.locale}?v=${encodeURIComponent(d.messagesVersion)}`, { credentials: "same-origin" });
  if (!res.ok) throw new Response(null, { status: res.status });
  const messages = (await res.json()) as Messages;
  held = { locale: d.locale, version: d.messagesVersion, messages };
  return messages;
}
