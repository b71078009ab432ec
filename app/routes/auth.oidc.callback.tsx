import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUserOrganizations } from "~/models/membership.server.ts";
import { createSession } from "~/models/session.server.ts";
import { auditSsoFailure, consumeLoginState, linkSsoUser, type SsoFailure } from "~/models/sso.server.ts";
import { readCookie, serializeCookie } from "~/utils/cookies.server.ts";
import { mustRequestAccess } from "~/policies/organization.ts";
import { exchangeCode, OIDC_STATE_COOKIE, oidcSettings } from "~/utils/oidc.server.ts";
import { sessionCookie } from "~/http/session.server.ts";
import { useT } from "~/utils/use-i18n.ts";

const FAILURES: readonly SsoFailure[] = ["unavailable", "state", "denied", "token", "unverified_email", "password_only"];

function fail(request: Request, reason: SsoFailure) {
  // A translated page, the state cookie cleared, and never a session cookie.
  const status = reason === "unavailable" ? 502 : reason === "password_only" ? 404 : 400;
  return data({ reason }, { status, headers: { "Set-Cookie": serializeCookie(request, OIDC_STATE_COOKIE, "", { maxAgeSeconds: 0 }) } });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const settings = oidcSettings();
  if (!settings) return fail(request, "password_only");
  const shown = url.searchParams.get("registre_error");
  if (shown) return fail(request, (FAILURES as readonly string[]).includes(shown) ? (shown as SsoFailure) : "token");

  const state = url.searchParams.get("state");
  const bound = readCookie(request, OIDC_STATE_COOKIE);
  // The state must come back to the browser that started the login, and be used once.
  const saved = state && bound === state ? await consumeLoginState(state) : null;
  if (!saved) {
    await auditSsoFailure("state", { boundToBrowser: Boolean(state && bound === state) });
    return fail(request, "state");
  }
  if (url.searchParams.get("error")) {
    await auditSsoFailure("denied", { error: url.searchParams.get("error")?.slice(0, 80) });
    return fail(request, "denied");
  }
  let claims;
  try {
    claims = await exchangeCode(settings, url, saved);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const cause = (err as { cause?: unknown })?.cause;
    const unreachable = /fetch failed|ECONNREFUSED|timed? ?out|ENOTFOUND|aborted/i.test(message + String(cause ?? ""));
    // openid-client's message is generic ("JWT timestamp claim value failed validation"); its code and
    // cause say what the administrator must look at (an expired token, a signature, a key).
    const code = (err as { code?: unknown })?.code;
    const why = cause instanceof Error && cause.message !== message ? cause.message : null;
    await auditSsoFailure(unreachable ? "unavailable" : "token", {
      error: message.slice(0, 200),
      ...(typeof code === "string" ? { code: code.slice(0, 80) } : {}),
      ...(why ? { cause: why.slice(0, 200) } : {}),
    });
    return fail(request, unreachable ? "unavailable" : "token");
  }
  if (!claims.email || !claims.emailVerified) {
    await auditSsoFailure("unverified_email", { issuer: claims.issuer });
    return fail(request, "unverified_email");
  }
  const linked = await linkSsoUser(claims);
  const { token } = await createSession(linked.userId, { ipAddress: context?.clientIp ?? null, userAgent: request.headers.get("user-agent") });
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(request, token));
  headers.append("Set-Cookie", serializeCookie(request, OIDC_STATE_COOKIE, "", { maxAgeSeconds: 0 }));
  // Someone with no role yet goes where they can ask an ADMIN for access (issue 16).
  const roles = (await listUserOrganizations(linked.userId)).map((o) => o.role);
  return redirect(mustRequestAccess(roles, true) ? "/access" : saved.returnTo || "/", { headers });
}

export default function OidcError() {
  const { reason } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t("sso.errorTitle")}</h1>
      <p role="alert">{t(`sso.error.${reason}`)}</p>
      <p>
        <Link to="/login" className="button">
          {t("sso.retry")}
        </Link>
      </p>
    </div>
  );
}
