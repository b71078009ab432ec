/**
 * The HTTP server: Express in front of Remix, so that the same-origin check, the security headers
 * and the CSP nonce apply to every request before any route code runs (ADR 001).
 */
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type RequestHandler } from "express";
import helmet from "helmet";
import { apiEdgeProblem, bodyLimits } from "./app/http/body-limits.server.ts";
import { getEnv, trustedProxyHops } from "./app/utils/env.server.ts";
import { isSameOriginRequest, securityHeaders } from "./app/utils/http-security.server.ts";
import { configureLogger, logger } from "./app/utils/logger.server.ts";
import { projectRoot } from "./app/utils/paths.ts";

const PUBLIC_PAGE = /^\/public\/[a-z0-9-]+\/?$/;

/** Seconds browsers keep to HTTPS once they have seen the site over HTTPS (one year). */
export const HSTS_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * `handler` replaces the Remix request handler (tests exercise the middleware stack on a real server
 * without a build).
 */
export async function createServer(opts: { handler?: RequestHandler } = {}) {
  const env = getEnv();
  configureLogger();
  const dev = env.NODE_ENV === "development";
  const app = express();
  app.disable("x-powered-by");
  // A number of hops, not `true`: with `true` Express takes the leftmost X-Forwarded-For entry, which the client chooses.
  app.set("trust proxy", trustedProxyHops(env));

  app.use((req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    // Only the public register page may be embedded in another site (a city's own website).
    const frameAncestors = PUBLIC_PAGE.test(req.path) ? env.PUBLIC_EMBED_ORIGINS : "'none'";
    for (const [k, v] of Object.entries(securityHeaders({ nonce, dev, frameAncestors }))) res.setHeader(k, v);
    // HSTS only over HTTPS (directly, or as told by a trusted proxy): over plain HTTP it would mean nothing.
    if (req.secure || env.PUBLIC_URL?.startsWith("https:")) res.setHeader("Strict-Transport-Security", `max-age=${HSTS_MAX_AGE}; includeSubDomains`);
    next();
  });
  // The remaining secure headers from helmet. CSP (with its per-request nonce), framing, COOP,
  // Referrer-Policy and HSTS stay ours, above: helmet would overwrite or duplicate them.
  app.use(
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      xFrameOptions: false,
      crossOriginOpenerPolicy: false,
      referrerPolicy: false,
      crossOriginEmbedderPolicy: false,
      // Open data (public register CSV/JSON) may be loaded by other sites; everything else stays same-site.
      crossOriginResourcePolicy: false,
    }),
  );
  app.use((req, res, next) => {
    res.setHeader("Cross-Origin-Resource-Policy", req.path.startsWith("/public/") ? "cross-origin" : "same-site");
    next();
  });

  // CORS is off for the REST API (ADR 018): no Access-Control-Allow-Origin is ever sent, and a
  // preflight is refused, so browsers on other origins cannot call it.
  app.use((req, res, next) => {
    if (req.method === "OPTIONS" && req.path.startsWith("/api/")) return apiEdgeProblem(res, 403, "cors_disabled", "Cross-origin requests (CORS) are disabled");
    next();
  });

  // Oversize bodies are refused on their declared length, before anything reads them (ADR 009).
  app.use(bodyLimits());

  app.use((req, res, next) => {
    // The REST API authenticates by Authorization: Bearer only, never by the session cookie, so a
    // cross-site request carries no ambient credential: there is nothing for this check to protect.
    if (req.path.startsWith("/api/")) return next();
    const expected = env.PUBLIC_URL ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
    const ok = isSameOriginRequest(req.method, { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, expected);
    if (ok) return next();
    logger.warn({ method: req.method, path: redactPath(req.path) }, "cross-origin write refused");
    res.status(403).type("text/plain; charset=utf-8").send("403 Forbidden: cross-origin request refused / requête d'une autre origine refusée");
  });

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info({ method: req.method, path: redactPath(req.path), status: res.statusCode, ms: Math.round(ms) }, "request");
    });
    next();
  });

  if (opts.handler) {
    app.all("*", opts.handler);
    return app;
  }

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.join(projectRoot, "build", "client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    build = (await import(path.join(projectRoot, "build", "server", "index.js"))) as ServerBuild;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? null }),
    }),
  );
  return app;
}

/** Links carry one-time tokens: they never reach the logs. */
export function redactPath(p: string): string {
  return p.replace(/^\/(invitation|reset|s)\/[^/]+/, "/$1/[token]");
}
