import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLocale } from "~/models/user.server.ts";
import { safeRedirectPath } from "~/http/auth.server.ts";
import { langCookie } from "~/http/i18n.server.ts";
import { getSession } from "~/http/session.server.ts";
import { z } from "~/utils/validation.ts";
import { readForm } from "~/utils/form-limits.server.ts";

const LangSchema = z.object({ locale: z.enum(["fr", "en"]), redirectTo: z.string().max(500).optional() });

export async function loader() {
  return redirect("/");
}

/** Stored on the user when signed in, and in a cookie for everyone. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = LangSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return redirect("/");
  const s = await getSession(request);
  if (s) await setUserLocale(s.user.id, parsed.data.locale);
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": langCookie(request, parsed.data.locale) } });
}
