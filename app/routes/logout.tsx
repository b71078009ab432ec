import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { invalidateSession } from "~/models/session.server.ts";
import { recordAuditAlone } from "~/models/audit.server.ts";
import { clearSessionCookie, getSession } from "~/utils/session.server.ts";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const s = await getSession(request);
  if (s) {
    await invalidateSession(s.session.id);
    await recordAuditAlone({ actorId: s.user.id, organizationId: null, action: "logout", entity: "Session", entityId: s.session.id });
  }
  return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}
