import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/models/mail.server.ts";
import { auditSsoFailure, saveLoginState } from "~/models/sso.server.ts";
import { notFound, safeRedirectPath } from "~/http/auth.server.ts";
import { serializeCookie } from "~/utils/cookies.server.ts";
import { authorizationRequest, oidcSettings, OIDC_STATE_COOKIE } from "~/utils/oidc.server.ts";

/** Starts the code flow: PKCE verifier, state and nonce are kept server-side; the state is also bound to this browser. */
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = oidcSettings();
  if (!settings) throw notFound();
  const returnTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  let req;
  try {
    req = await authorizationRequest(settings, `${appOrigin()}/auth/oidc/callback`);
  } catch (err) {
    await auditSsoFailure("unavailable", { step: "discovery", error: err instanceof Error ? err.message.slice(0, 200) : "unknown" });
    return redirect("/auth/oidc/callback?registre_error=unavailable");
  }
  await saveLoginState({ state: req.state, nonce: req.nonce, codeVerifier: req.codeVerifier, returnTo });
  return redirect(req.url.toString(), { headers: { "Set-Cookie": serializeCookie(request, OIDC_STATE_COOKIE, req.state, { maxAgeSeconds: 600 }) } });
}
