import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isSameOriginRequest, securityHeaders } from "~/utils/http-security.server.ts";
import { redactPath } from "../../server.ts";

const ORIGIN = "https://registre.example";

describe("isSameOriginRequest", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get", "head"])("always allows the safe method %s, whatever the headers", (method) => {
    expect(isSameOriginRequest(method, { origin: "https://evil.example", secFetchSite: "cross-site" }, ORIGIN)).toBe(true);
    expect(isSameOriginRequest(method, {}, ORIGIN)).toBe(true);
    expect(isSameOriginRequest(method, { origin: "null" }, ORIGIN)).toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("allows %s with our own Origin", (method) => {
    expect(isSameOriginRequest(method, { origin: ORIGIN }, ORIGIN)).toBe(true);
    // A trailing slash or path on the expected origin does not matter: origins are compared.
    expect(isSameOriginRequest(method, { origin: ORIGIN }, `${ORIGIN}/`)).toBe(true);
  });

  it("refuses a foreign Origin even with Sec-Fetch-Site same-origin", () => {
    expect(isSameOriginRequest("POST", { origin: "https://evil.example" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "https://evil.example", secFetchSite: "same-origin" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "https://registre.example.evil.example" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "https://sub.registre.example" }, ORIGIN)).toBe(false);
  });

  it('refuses Origin "null" (sandboxed or file:// pages)', () => {
    expect(isSameOriginRequest("POST", { origin: "null" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "null", secFetchSite: "same-origin" }, ORIGIN)).toBe(false);
  });

  it("refuses a different scheme or port", () => {
    expect(isSameOriginRequest("POST", { origin: "http://registre.example" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "https://registre.example:8443" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "http://localhost:3001" }, "http://localhost:3000")).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "http://localhost:3000" }, "http://localhost:3000")).toBe(true);
    // The default port is the same origin as no port.
    expect(isSameOriginRequest("POST", { origin: "https://registre.example:443" }, ORIGIN)).toBe(true);
  });

  it("without Origin, allows only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest("POST", { secFetchSite: "same-origin" }, ORIGIN)).toBe(true);
    expect(isSameOriginRequest("POST", { origin: "", secFetchSite: "same-origin" }, ORIGIN)).toBe(true);
    expect(isSameOriginRequest("POST", { origin: null, secFetchSite: "same-origin" }, ORIGIN)).toBe(true);
    for (const site of ["same-site", "cross-site", "none", "", "SAME-ORIGIN"]) {
      expect(isSameOriginRequest("POST", { secFetchSite: site }, ORIGIN), site).toBe(false);
    }
  });

  it("refuses a write with neither Origin nor Sec-Fetch-Site", () => {
    expect(isSameOriginRequest("POST", {}, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: null, secFetchSite: null }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("DELETE", { origin: "" }, ORIGIN)).toBe(false);
  });

  it("refuses an Origin that is not a URL", () => {
    expect(isSameOriginRequest("POST", { origin: "registre.example" }, ORIGIN)).toBe(false);
    expect(isSameOriginRequest("POST", { origin: "%%%" }, ORIGIN)).toBe(false);
  });
});

function directive(csp: string, name: string): string {
  const found = csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d === name || d.startsWith(`${name} `));
  expect(found, `directive ${name}`).toBeDefined();
  return found!;
}

describe("securityHeaders", () => {
  const nonce = "bm9uY2Utb2YtdGhlLXRlc3Q=";
  const prod = securityHeaders({ nonce, dev: false });
  const csp = prod["Content-Security-Policy"]!;

  it("puts the nonce in script-src and allows no inline script in production", () => {
    const scriptSrc = directive(csp, "script-src");
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directive(csp, "style-src")).not.toContain("'unsafe-inline'");
    expect(directive(csp, "default-src")).toBe("default-src 'self'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'self'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
  });

  it("forbids framing by default (frame-ancestors 'none' and X-Frame-Options DENY)", () => {
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(prod["X-Frame-Options"]).toBe("DENY");
  });

  it("sends nosniff, a same-origin referrer policy and COOP", () => {
    expect(prod["X-Content-Type-Options"]).toBe("nosniff");
    expect(prod["Referrer-Policy"]).toBe("same-origin");
    expect(prod["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(prod["Permissions-Policy"]).toContain("camera=()");
  });

  it("uses a different nonce per call", () => {
    const other = securityHeaders({ nonce: "b3RoZXI=", dev: false })["Content-Security-Policy"]!;
    expect(other).toContain("'nonce-b3RoZXI='");
    expect(other).not.toContain(nonce);
  });

  it("relaxes only what Vite needs in development", () => {
    const dev = contentSecurityPolicy({ nonce, dev: true });
    expect(directive(dev, "script-src")).toContain(`'nonce-${nonce}'`);
    expect(directive(dev, "script-src")).not.toContain("'unsafe-inline'");
    expect(directive(dev, "frame-ancestors")).toBe("frame-ancestors 'none'");
  });

  it("drops X-Frame-Options when some origin may embed the page", () => {
    const h = securityHeaders({ nonce, dev: false, frameAncestors: "https://intranet.example" });
    expect(h["X-Frame-Options"]).toBeUndefined();
    expect(directive(h["Content-Security-Policy"]!, "frame-ancestors")).toBe("frame-ancestors https://intranet.example");
    expect(securityHeaders({ nonce, dev: false, frameAncestors: "'none'" })["X-Frame-Options"]).toBe("DENY");
  });
});

describe("redactPath", () => {
  const token = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnop";

  it("hides invitation and reset tokens", () => {
    expect(redactPath(`/invitation/${token}`)).toBe("/invitation/[token]");
    expect(redactPath(`/reset/${token}`)).toBe("/reset/[token]");
    expect(redactPath(`/invitation/${token}/extra`)).toBe("/invitation/[token]/extra");
    for (const p of [`/invitation/${token}`, `/reset/${token}`, `/reset/${token}/x`]) expect(redactPath(p)).not.toContain(token);
  });

  it("leaves other paths alone", () => {
    expect(redactPath("/o/ville-demo/members")).toBe("/o/ville-demo/members");
    expect(redactPath("/login")).toBe("/login");
    expect(redactPath("/invitation")).toBe("/invitation");
    expect(redactPath("/")).toBe("/");
    expect(redactPath(`/o/x/reset/${token}`)).toBe(`/o/x/reset/${token}`);
  });
});
