import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { invalidateSession } from "~/models/session.server.ts";
import { recordAuditAlone } from "~/models/audit.server.ts";
import { appOrigin } from "~/models/mail.server.ts";
import { hasSsoIdentity } from "~/models/sso.server.ts";
import { logger } from "~/utils/logger.server.ts";
import { endSessionUrl, oidcSettings } from "~/utils/oidc.server.ts";
import { clearSessionCookie, getSession } from "~/http/session.server.ts";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const s = await getSession(request);
  if (s) {
    await invalidateSession(s.session.id);
    await recordAuditAlone({ actorId: s.user.id, organizationId: null, action: "logout", entity: "Session", entityId: s.session.id });
  }
  // An SSO user is also signed out at the provider (RP-initiated logout), when it offers it.
  let to = "/login";
  const sso = oidcSettings();
  if (s && sso && (await hasSsoIdentity(s.user.id))) {
    try {
      to = (await endSessionUrl(sso, `${appOrigin()}/login`)) ?? to;
    } catch (err) {
      logger.warn({ err }, "OIDC end-session URL unavailable");
    }
  }
  return redirect(to, { headers: { "Set-Cookie": clearSessionCookie(request) } });
}
