/** Pure helpers used by the HTTP server: same-origin check for writes, and security headers. */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A non-GET request is allowed only when Origin is ours, or, without Origin, when the browser says
 * Sec-Fetch-Site: same-origin. Anything else (missing both, foreign, "null") is refused.
 */
export function isSameOriginRequest(method: string, headers: { origin?: string | null; secFetchSite?: string | null }, expectedOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.origin ?? null;
  if (origin !== null && origin !== "") {
    try {
      return new URL(origin).origin === new URL(expectedOrigin).origin;
    } catch {
      return false;
    }
  }
  return headers.secFetchSite === "same-origin";
}

export type SecurityHeaderOptions = { nonce: string; dev: boolean; frameAncestors?: string };

export function contentSecurityPolicy({ nonce, dev, frameAncestors = "'none'" }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    dev ? `script-src 'self' 'nonce-${nonce}' 'unsafe-eval'` : `script-src 'self' 'nonce-${nonce}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ];
  return directives.join("; ");
}

export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  // X-Frame-Options cannot express a list of origins: it is sent only when nothing may embed the page.
  if (!opts.frameAncestors || opts.frameAncestors === "'none'") headers["X-Frame-Options"] = "DENY";
  return headers;
}
