/**
 * The real Express stack of server.ts (a stub handler stands in for Remix): secure headers with HSTS
 * over HTTPS (issue 12 §12), and the client address taken from the trusted proxy hops (§9).
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, HSTS_MAX_AGE } from "../../server.ts";
import { resetEnvCache } from "~/utils/env.server.ts";

const saved = { ...process.env };
const servers: Server[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
  for (const k of ["TRUST_PROXY", "TRUST_PROXY_HOPS", "PUBLIC_URL"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  resetEnvCache();
});

async function start(env: Record<string, string> = {}): Promise<string> {
  Object.assign(process.env, env);
  resetEnvCache();
  const app = await createServer({ handler: (req, res) => void res.json({ ip: req.ip, secure: req.secure }) });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("secure headers", () => {
  it("sends helmet's headers alongside our nonce CSP, and no HSTS over plain HTTP", async () => {
    const base = await start();
    const res = await fetch(`${base}/login`);
    const h = res.headers;
    expect(h.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(h.get("x-frame-options")).toBe("DENY");
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toBe("same-origin");
    expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(h.get("cross-origin-resource-policy")).toBe("same-site");
    expect(h.get("origin-agent-cluster")).toBe("?1");
    expect(h.get("x-dns-prefetch-control")).toBe("off");
    expect(h.get("x-permitted-cross-domain-policies")).toBe("none");
    expect(h.get("x-download-options")).toBe("noopen");
    expect(h.get("x-xss-protection")).toBe("0");
    expect(h.get("x-powered-by")).toBeNull();
    expect(h.get("strict-transport-security")).toBeNull();
    // One CSP only (helmet's own is off), and a fresh nonce per request.
    const again = await fetch(`${base}/login`);
    expect(again.headers.get("content-security-policy")).not.toBe(h.get("content-security-policy"));
    // Open data may be fetched by other sites.
    expect((await fetch(`${base}/public/ville/register.csv`)).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });

  it("sends HSTS when the request came over HTTPS through a trusted proxy", async () => {
    const base = await start({ TRUST_PROXY: "true" });
    const res = await fetch(`${base}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(((await res.json()) as { secure: boolean }).secure).toBe(true);
    expect(res.headers.get("strict-transport-security")).toBe(`max-age=${HSTS_MAX_AGE}; includeSubDomains`);
    expect((await fetch(`${base}/`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS when the public URL is HTTPS", async () => {
    const base = await start({ PUBLIC_URL: "https://registre.example" });
    expect((await fetch(`${base}/`)).headers.get("strict-transport-security")).toBe(`max-age=${HSTS_MAX_AGE}; includeSubDomains`);
  });

  it("an untrusted X-Forwarded-Proto does not turn HSTS on", async () => {
    const base = await start();
    expect((await fetch(`${base}/`, { headers: { "X-Forwarded-Proto": "https" } })).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("client address behind proxies", () => {
  const ip = async (base: string, xff?: string) =>
    ((await (await fetch(`${base}/`, { headers: xff ? { "X-Forwarded-For": xff } : {} })).json()) as { ip: string }).ip;

  it("TRUST_PROXY=true trusts one hop: a client-chosen X-Forwarded-For entry cannot rotate the address", async () => {
    const base = await start({ TRUST_PROXY: "true" });
    // The client wrote 6.6.6.x; the proxy appended the address it saw.
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) seen.add(await ip(base, `6.6.6.${i}, 198.51.100.1`));
    expect([...seen]).toEqual(["198.51.100.1"]);
  });

  it("TRUST_PROXY_HOPS=2 takes the address two hops from the right", async () => {
    const base = await start({ TRUST_PROXY_HOPS: "2" });
    expect(await ip(base, "6.6.6.6, 198.51.100.2, 10.0.0.5")).toBe("198.51.100.2");
  });

  it("without a trusted proxy X-Forwarded-For is ignored", async () => {
    const base = await start();
    expect(await ip(base, "6.6.6.6")).toBe("127.0.0.1");
  });
});
