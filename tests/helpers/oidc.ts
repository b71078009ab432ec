/** A real OpenID Provider (oidc-provider) for tests, with interactions answered in code instead of a form. */
import { AsyncLocalStorage } from "node:async_hooks";
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import Provider, { ExternalSigningKey, type Configuration } from "oidc-provider";

export type TestAccount = { sub: string; email: string; email_verified: boolean; name: string; groups?: string[] };

export type TestIdp = { issuer: string; port: number; close(): Promise<void>; accounts: Map<string, TestAccount>; loginAs: string };

/** How long the test provider's ID tokens live (oidc-provider's `ttl.IdToken`), in seconds. */
export const ID_TOKEN_TTL_SECONDS = 60 * 60;

/**
 * How the provider signs its ID tokens:
 * - "development" (default): oidc-provider's built-in development key, published at its jwks_uri;
 * - "external": through oidc-provider's external signing support, with a fresh key that is published;
 * - "forged": external signing again, the token names the published key (`kid`) but its signature is
 *   made with another private key, which the JWKS does not contain;
 * - "unpublished": the provider signs with its own fresh key, but its jwks_uri is answered by a second
 *   oidc-provider that holds another key only (as if the provider's keys had been swapped behind it).
 */
export type IdTokenSigning = "development" | "external" | "forged" | "unpublished";

/**
 * The provider's clock, shifted for the provider only: Date.now is wrapped once, and the shift applies
 * inside the provider's request handling (AsyncLocalStorage), never to Registre's code running in the
 * same process, which keeps the real time.
 */
const providerClockShift = new AsyncLocalStorage<number>();
let realDateNow: (() => number) | null = null;
let shiftedProviders = 0;

function useShiftableClock() {
  if (!realDateNow) {
    const now = Date.now.bind(Date);
    realDateNow = now;
    Date.now = () => now() + (providerClockShift.getStore() ?? 0);
  }
  shiftedProviders++;
}

function releaseShiftableClock() {
  if (--shiftedProviders === 0 && realDateNow) {
    Date.now = realDateNow;
    realDateNow = null;
  }
}

function rsaKeyPair() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

/** An RS256 key whose private part stays outside the provider (oidc-provider's ExternalSigningKey). */
class TestExternalKey extends ExternalSigningKey {
  constructor(
    private readonly published: KeyObject,
    private readonly signer: KeyObject,
  ) {
    super();
    this.alg = "RS256";
  }
  override keyObject(): KeyObject {
    return this.published;
  }
  override async sign(data: Buffer): Promise<Buffer> {
    return sign("sha256", data, this.signer);
  }
}

export async function startIdp(opts: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Seconds added to the provider's clock (negative: the provider lives in the past). */
  clockShiftSeconds?: number;
  idTokenSigning?: IdTokenSigning;
}): Promise<TestIdp> {
  const issuer = `http://localhost:${opts.port}`;
  const idp: TestIdp = { issuer, port: opts.port, accounts: new Map(), loginAs: "", close: async () => undefined };
  const signing = opts.idTokenSigning ?? "development";
  const configuration = (jwks: unknown): Configuration => ({
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
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      ...(signing === "external" || signing === "forged" ? { externalSigningSupport: { enabled: true, ack: "experimental-01" } } : {}),
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const acc = idp.accounts.get(id);
      if (!acc) return undefined;
      return { accountId: id, claims: async () => ({ ...acc }) };
    },
    cookies: { keys: ["test-cookie-key"] },
    ttl: { IdToken: ID_TOKEN_TTL_SECONDS },
    jwks,
  });
  let jwks: unknown = undefined;
  let jwksProvider: Provider | null = null;
  if (signing === "external" || signing === "forged") {
    const published = rsaKeyPair();
    const signer = signing === "forged" ? rsaKeyPair().privateKey : published.privateKey;
    jwks = { keys: [new TestExternalKey(published.publicKey, signer)] };
  } else if (signing === "unpublished") {
    jwks = { keys: [rsaKeyPair().privateKey.export({ format: "jwk" })] };
    jwksProvider = new Provider(issuer, configuration({ keys: [rsaKeyPair().privateKey.export({ format: "jwk" })] }));
  }
  const provider = new Provider(issuer, configuration(jwks));
  // The test decides who "logs in": the interaction is finished at once with that account and full consent.
  const callback = provider.callback();
  const jwksCallback = jwksProvider?.callback();
  const shiftMs = (opts.clockShiftSeconds ?? 0) * 1000;
  if (shiftMs) useShiftableClock();
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (jwksCallback && new URL(req.url ?? "/", issuer).pathname === "/jwks") {
      jwksCallback(req, res);
      return;
    }
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
  };
  const server = http.createServer((req, res) => {
    if (shiftMs) providerClockShift.run(shiftMs, () => void handle(req, res));
    else void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", () => resolve()));
  idp.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        if (shiftMs) releaseShiftableClock();
        resolve();
      });
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
