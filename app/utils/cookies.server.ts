/** Minimal cookie helpers: our cookies are plain values, so no signing secret is needed. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie. */
export function isSecureContext(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === "https:") return true;
  return !LOCAL_HOSTS.has(url.hostname);
}

export function serializeCookie(request: Request, name: string, value: string, opts: { maxAgeSeconds?: number; httpOnly?: boolean } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  if (isSecureContext(request)) parts.push("Secure");
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`);
  return parts.join("; ");
}
