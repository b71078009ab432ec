/**
 * Cookie helpers over the `cookie` package (RFC 6265 parsing and serialization, no hand-written splitting).
 * Our cookies are plain values, so no signing secret is needed.
 */
import { parse, serialize } from "cookie";

/** decodeURIComponent, but a malformed value reads as absent (the package would hand back the raw text). */
function decodeOrNone(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The value of cookie `name` in a `Cookie` header (the first one if repeated), or null. */
export function cookieFromHeader(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  return parse(header, { decode: decodeOrNone })[name] ?? null;
}

export function readCookie(request: Request, name: string): string | null {
  return cookieFromHeader(request.headers.get("Cookie"), name);
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie. */
export function isSecureContext(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === "https:") return true;
  return !LOCAL_HOSTS.has(url.hostname);
}

export function serializeCookie(request: Request, name: string, value: string, opts: { maxAgeSeconds?: number; httpOnly?: boolean } = {}): string {
  return serialize(name, value, {
    path: "/",
    sameSite: "lax",
    httpOnly: opts.httpOnly !== false,
    secure: isSecureContext(request),
    ...(opts.maxAgeSeconds !== undefined ? { maxAge: Math.max(0, Math.floor(opts.maxAgeSeconds)) } : {}),
  });
}
