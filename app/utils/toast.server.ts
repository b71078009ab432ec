import { z } from "zod";
import { readCookie, serializeCookie } from "./cookies.server.ts";
import { type MessageKey, type Params } from "./i18n.ts";
import { isMessageKey } from "./messages.server.ts";

const TOAST_COOKIE = "registre_toast";

/** A toast carries a message key, never free text, so a forged cookie can only show our own messages. */
const ToastSchema = z.object({
  type: z.enum(["success", "error", "info"]),
  key: z.string().refine(isMessageKey),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Toast = { type: "success" | "error" | "info"; key: MessageKey; params?: Params };

export function toastCookie(request: Request, toast: Toast): string {
  return serializeCookie(request, TOAST_COOKIE, Buffer.from(JSON.stringify(toast)).toString("base64url"), { maxAgeSeconds: 60 });
}

export function readToast(request: Request): { toast: Toast | null; clear: string | null } {
  const raw = readCookie(request, TOAST_COOKIE);
  if (!raw) return { toast: null, clear: null };
  const clear = serializeCookie(request, TOAST_COOKIE, "", { maxAgeSeconds: 0 });
  try {
    const parsed = ToastSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { toast: parsed.success ? (parsed.data as Toast) : null, clear };
  } catch {
    return { toast: null, clear };
  }
}

/** A redirect that shows a toast on the next page. */
export function redirectWithToast(request: Request, to: string, toast: Toast, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("Location", to);
  h.append("Set-Cookie", toastCookie(request, toast));
  return new Response(null, { status: 302, headers: h });
}
