/** A real OpenID Provider (oidc-provider) for tests, with interactions answered in code instead of a form. */
import http from "node:http";
import Provider from "oidc-provider";

export type TestAccount = { sub: string; email: string; email_verified: boolean; name: string; groups?: string[] };

export type TestIdp = { issuer: string; port: number; close(): Promise<void>; accounts: Map<string, TestAccount>; loginAs: string };

export async function startIdp(opts: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}): Promise<TestIdp> {
  const issuer = `http://localhost:${opts.port}`;
  const idp: TestIdp = { issuer, port: opts.port, accounts: new Map(), loginAs: "", close: async () => undefined };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    scopes: ["openid", "email", "profile"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const acc = idp.accounts.get(id);
      if (!acc) return undefined;
      return { accountId: id, claims: async () => ({ ...acc }) };
    },
    cookies: { keys: ["test-cookie-key"] },
    jwks: undefined,
  });
  // The test decides who "logs in": the interaction is finished at once with that account and full consent.
  const callback = provider.callback();
  const server = http.createServer(async (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      try {
        const details = await provider.interactionDetails(req, res);
        const grant = new provider.Grant({ accountId: idp.loginAs, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: idp.loginAs }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (err) {
        res.statusCode = 500;
        res.end(String(err));
      }
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", () => resolve()));
  idp.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return idp;
}

/**
 * Follows the browser's redirects through the provider (keeping its cookies) until it comes back
 * to `redirectUri`, and returns that URL with the code and state.
 */
export async function browseToCallback(startUrl: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = startUrl;
  for (let i = 0; i < 20; i++) {
    if (url.startsWith(redirectUri)) return url;
    const res = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const loc = res.headers.get("location");
    if (!loc) throw new Error(`no redirect from ${url}: ${res.status} ${await res.text()}`);
    url = new URL(loc, url).toString();
  }
  throw new Error("too many redirects");
}
